import { cookies, headers } from "next/headers";
import { z } from "zod";
import { sharedDatabase } from "@/db";
import { heldOutParticipant, resolveActor } from "@/lib/auth/identity";
import { personTag } from "@/lib/auth/pseudonym";
import { sessionSecret } from "@/lib/auth/web-session";
import { clientIpHeader, formLimit } from "@/lib/rate-limit/form-limit";
import { originAllowed, requestOrigin } from "@/lib/realtime/origin";
import { boundedJson } from "@/lib/server/bounded-form";

/** A device keeps things for a handful of events at most; more is not a phone's question. */
const asked = z.object({ events: z.array(z.string().min(1).max(64)).max(20) }).strict();

/** Twenty events of 64 characters in JSON fit in under 2 KB; a body past 8 KB is not a phone's. */
const maxBodyBytes = 8 * 1024;
/**
 * One ask per page load that keeps something, per address: a venue's phones may share one. A
 * refusal costs nothing but a later clean-up (the next page asks again), so the bound is generous
 * and only stops a loop.
 */
const askLimit = formLimit("kept", 1200, 60);

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
  const h = await headers();
  const site = requestOrigin(h.get("host") ?? undefined, h.get("x-forwarded-proto") ?? undefined);
  if (!originAllowed(h.get("origin") ?? undefined, site, process.env.PUBLIC_URL)) return answer(403, { error: "origin" });
  if (!(await askLimit(h.get(clientIpHeader) ?? "unknown"))) return answer(429, { error: "later" });
  const read = await boundedJson(request, maxBodyBytes);
  if ("tooBig" in read) return answer(413, { error: "size" });
  const parsed = asked.safeParse("json" in read ? read.json : null);
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
