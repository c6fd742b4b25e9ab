import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { participants } from "@/db/schema";
import { forgetEmailsTo } from "@/lib/email/forget-address";

/**
 * Takes back a participant's agreement to be contacted, as unticking it on their phone does: the
 * contact detail goes, and with it the record of what was emailed there. For the "stop" link in
 * the emails they get after the weekend, months on, when their phone may long have forgotten them.
 */
export async function withdrawContactConsent(tx: Tx, participantId: string) {
  const [person] = await tx
    .select({ eventId: participants.eventId, contact: participants.contact })
    .from(participants)
    .where(eq(participants.id, participantId));
  if (!person) return;
  await tx.update(participants).set({ contactConsent: false, contact: "" }).where(eq(participants.id, participantId));
  await forgetEmailsTo(tx, { eventId: person.eventId, address: person.contact, exceptParticipantId: participantId });
}
