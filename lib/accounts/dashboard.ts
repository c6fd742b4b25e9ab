import { createHash } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, eventStaff, events } from "@/db/schema";
import { findNudges } from "@/lib/projects/find-nudges";

/**
 * What a staff member's "Your events" page draws: the events they run (their name, status, date,
 * place and this person's role), the projects there that need a nudge, and whether the weekly
 * digest is on.
 */
export async function findDashboard(db: Db, accountId: string, now = Date.now()) {
  const mine = await db
    .select({
      slug: events.slug,
      name: events.name,
      status: events.status,
      place: events.place,
      startsAt: events.startsAt,
      role: eventStaff.role,
    })
    .from(eventStaff)
    .innerJoin(events, eq(events.id, eventStaff.eventId))
    .where(eq(eventStaff.accountId, accountId))
    .orderBy(desc(events.startsAt), desc(events.createdAt));
  const nudges = await findNudges(db, accountId, now);
  const [{ digestStoppedAt } = { digestStoppedAt: null }] = await db
    .select({ digestStoppedAt: accounts.digestStoppedAt })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  return { mine, nudges, digestStoppedAt };
}

/**
 * A short fingerprint of that page: an open page asks for it now and then and is drawn again when
 * it differs (another organiser renamed or published an event, this person was added to a staff
 * or taken off one, a project fell behind). A hash: it says nothing of what changed.
 */
export function dashboardVersion(dashboard: Awaited<ReturnType<typeof findDashboard>>) {
  return createHash("sha256").update(JSON.stringify(dashboard)).digest("base64url").slice(0, 22);
}
