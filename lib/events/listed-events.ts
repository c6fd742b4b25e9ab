import { createHash } from "node:crypto";
import { and, asc, desc, eq, gte, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events } from "@/db/schema";

/**
 * The published events the home page lists: coming up (until they have ended; undated ones are
 * still being planned) and past. Only what the public event pages show anyway.
 */
export async function listedEvents(db: Db, now = Date.now()) {
  const lastDay = sql<number | null>`coalesce(${events.endsAt}, ${events.startsAt})`;
  const listed = { slug: events.slug, name: events.name, place: events.place, startsAt: events.startsAt, endsAt: events.endsAt };
  const [comingUp, past] = await Promise.all([
    db
      .select(listed)
      .from(events)
      .where(and(eq(events.status, "published"), or(isNull(lastDay), gte(lastDay, now))))
      .orderBy(sql`${events.startsAt} is null`, asc(events.startsAt), desc(events.createdAt))
      .limit(30),
    db
      .select(listed)
      .from(events)
      .where(and(eq(events.status, "published"), lt(lastDay, now)))
      .orderBy(desc(events.startsAt))
      .limit(12),
  ]);
  return { comingUp, past };
}

/** A short fingerprint of the lists: an open home page asks for it now and then and is drawn again when it differs. */
export function listedEventsVersion(lists: Awaited<ReturnType<typeof listedEvents>>): string {
  return createHash("sha256").update(JSON.stringify(lists)).digest("base64url").slice(0, 22);
}
