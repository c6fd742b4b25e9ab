import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, eventStaff } from "@/db/schema";

/**
 * Who may bring a whole event into this installation: someone who organises an event here, or
 * the account that set it up (on a fresh installation it organises nothing yet, and moving its
 * events in is the first thing it may want). A facilitator invited to help at one weekend, or an
 * account left with no events, runs no events here and has no event of theirs to bring; an
 * import is the heaviest thing a form does, so it is not open to every signed-in account.
 */
export async function mayImportEvents(db: Db, accountId: string): Promise<boolean> {
  const [organises] = await db
    .select({ eventId: eventStaff.eventId })
    .from(eventStaff)
    .where(and(eq(eventStaff.accountId, accountId), eq(eventStaff.role, "organiser")))
    .limit(1);
  if (organises) return true;
  // Accounts are never deleted, so the first one made is the one set-up made.
  const [first] = await db.select({ id: accounts.id }).from(accounts).orderBy(asc(accounts.createdAt), sql`rowid`).limit(1);
  return first?.id === accountId;
}
