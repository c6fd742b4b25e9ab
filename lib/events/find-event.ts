import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events } from "@/db/schema";
import { normaliseJoinCode } from "./join-code";

export async function findEventBySlug(db: Db, slug: string) {
  const [event] = await db.select().from(events).where(eq(events.slug, slug));
  return event ?? null;
}

export async function findEventByJoinCode(db: Db, typed: string) {
  const code = normaliseJoinCode(typed);
  if (!code) return null;
  const [event] = await db.select().from(events).where(eq(events.joinCode, code));
  return event ?? null;
}

/** Only a published event takes new people: a draft is private, an archived one has finished. */
export const takesNewPeople = (event: { status: string }) => event.status === "published";
