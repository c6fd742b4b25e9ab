import { cookies } from "next/headers";
import { z } from "zod";
import { sharedDatabase } from "@/db";
import { heldOutParticipant, resolveActor } from "@/lib/auth/identity";
import { personTag } from "@/lib/auth/pseudonym";
import { sessionSecret } from "@/lib/auth/web-session";

/** A device keeps things for a handful of events at most; more is not a phone's question. */
const asked = z.object({ events: z.array(z.string().min(1).max(64)).max(20) }).strict();

const answer = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", "x-content-type-options": "nosniff" },
  });

/**
 * Whom this device holds in each event it asks about: the person tags its own cookies resolve to
 * (staff signed in, a participant in the event or kept out of it for now), none where it holds
 * nobody. The device then forgets what it kept for people it no longer holds
 * (lib/realtime/client/kept.ts `leftBehind`), e.g. after leaving on a page without JavaScript.
 * It answers about this device's own cookies only, with tags that already are on the device.
 */
export async function POST(request: Request) {
  const parsed = asked.safeParse(await request.json().catch(() => null));
  if (!parsed.success) return answer(400, { error: "events" });
  const db = await sharedDatabase();
  const jar = new Map((await cookies()).getAll().map((c) => [c.name, c.value]));
  const secret = sessionSecret();
  const holders: Record<string, string[]> = {};
  for (const eventId of new Set(parsed.data.events)) {
    const [actor, held] = await Promise.all([
      resolveActor(db.read, eventId, jar, secret),
      heldOutParticipant(db.read, eventId, jar, secret),
    ]);
    holders[eventId] = [...new Set([actor, held?.actor].flatMap((a) => (a ? [personTag(a)] : [])))];
  }
  return answer(200, { holders });
}
