import { and, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { participants, sentEmails } from "@/db/schema";
import { normaliseEmail } from "@/lib/text/email-address";

/**
 * The record of what an event emailed to `address` goes when the person it belonged to no longer
 * gives it: they withdrew consent, changed it, or left (for an under-18, the address is a
 * parent's). Kept while someone else still in the event gives the same address (siblings with
 * one parent's), since those emails were theirs too.
 *
 * "The same address" is normaliseEmail's, as everywhere else in the app: compared in code, since
 * SQLite's lower() folds ASCII letters only and its trim() spaces only, so "ÉMILE@…", a pasted tab
 * or a fullwidth "＠" kept records that were theirs. Nor is it any looser: dots, "+tags" and
 * fullwidth letters before the "@" are other mailboxes, perhaps other people's.
 */
export async function forgetEmailsTo(tx: Tx, input: { eventId: string; address: string; exceptParticipantId: string }) {
  const address = normaliseEmail(input.address);
  if (!address) return;
  const others = await tx
    .select({ contact: participants.contact })
    .from(participants)
    .where(
      and(
        eq(participants.eventId, input.eventId),
        ne(participants.id, input.exceptParticipantId),
        isNull(participants.leftAt),
        eq(participants.contactConsent, true),
        ne(participants.contact, ""),
      ),
    );
  if (others.some((p) => normaliseEmail(p.contact) === address)) return;
  const recipients = await tx
    .selectDistinct({ recipient: sentEmails.recipient })
    .from(sentEmails)
    .where(eq(sentEmails.eventId, input.eventId));
  const spellings = recipients.map((r) => r.recipient).filter((r) => normaliseEmail(r) === address);
  for (let i = 0; i < spellings.length; i += 500) {
    await tx
      .delete(sentEmails)
      .where(and(eq(sentEmails.eventId, input.eventId), inArray(sentEmails.recipient, spellings.slice(i, i + 500))));
  }
}
