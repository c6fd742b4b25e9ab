import { and, eq, isNull, ne, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { participants, sentEmails } from "@/db/schema";

/**
 * The record of what an event emailed to `address` goes when the person it belonged to no longer
 * gives it: they withdrew consent, changed it, or left (for an under-18, the address is a
 * parent's). Kept while someone else still in the event gives the same address (siblings with
 * one parent's), since those emails were theirs too.
 */
export async function forgetEmailsTo(tx: Tx, input: { eventId: string; address: string; exceptParticipantId: string }) {
  const address = input.address.trim();
  if (!address) return;
  const [stillGiven] = await tx
    .select({ id: participants.id })
    .from(participants)
    .where(
      and(
        eq(participants.eventId, input.eventId),
        ne(participants.id, input.exceptParticipantId),
        isNull(participants.leftAt),
        eq(participants.contactConsent, true),
        sql`lower(trim(${participants.contact})) = lower(${address})`,
      ),
    )
    .limit(1);
  if (stillGiven) return;
  await tx
    .delete(sentEmails)
    .where(and(eq(sentEmails.eventId, input.eventId), sql`lower(${sentEmails.recipient}) = lower(${address})`));
}
