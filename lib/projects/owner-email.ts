import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { projects } from "@/db/schema";
import { forgetReminderClaims } from "@/lib/email/claims";
import { normaliseEmail } from "@/lib/text/email-address";

/** Two spellings of one mailbox (a different case, stray spaces, NFC or NFD) are the same owner. */
export const ownerAddress = normaliseEmail;

/**
 * What a reminder's stop link is bound to: the address it was sent to. When the owner's email
 * changes, links sent to the old address no longer stop the new owner's reminders.
 */
export const stopLinkBinding = (ownerEmail: string) => `to:${ownerAddress(ownerEmail)}`;

export type OwnerEmailSaved = "unchanged" | "changed" | "cleared";

/**
 * Saves a project's owner email. Only a different address is a new start, so reminders go to it
 * even if the old one asked them to stop; saving the same address leaves the owner's "stop" alone.
 * A different address may be a different owner: the link the old address had stops working (the
 * next reminder, or an organiser, makes one for the new address), unless an organiser had
 * stopped it, which stays their call; the reminders the old address had do not count for the new
 * one, which gets the current milestone's; and the old owner's choice of language goes too: the new
 * one's emails are in the event's language until they choose one on their page.
 */
export async function saveOwnerEmail(tx: Tx, projectId: string, ownerEmail: string): Promise<OwnerEmailSaved | null> {
  const [project] = await tx.select({ ownerEmail: projects.ownerEmail }).from(projects).where(eq(projects.id, projectId));
  if (!project) return null;
  if (ownerAddress(project.ownerEmail) === ownerAddress(ownerEmail)) return "unchanged";
  await tx
    .update(projects)
    .set({ ownerEmail, remindersStoppedAt: null, ownerTokenHash: null, ownerLanguage: null })
    .where(eq(projects.id, projectId));
  await forgetReminderClaims(tx, projectId);
  return ownerEmail ? "changed" : "cleared";
}
