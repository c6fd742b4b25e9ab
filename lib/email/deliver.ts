import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { type EmailKind, sentEmails } from "@/db/schema";
import { type Logger, sharedLogger } from "@/lib/observability/logger";
import { type HeldClaim, markClaimSent, releaseClaim } from "./claims";
import type { Mailer } from "./mailer";
import { relayIsOut } from "./relay-out";
import { type EmailContent, renderEmail } from "./render";

/**
 * Whether the relay refused this message for good: an SMTP 5xx answer about the message or its
 * recipient ("550 no such user"). A relay that is out, or refuses our login, is not: once it is
 * mended the message can go.
 */
export function permanentlyRefused(error: unknown): boolean {
  const responseCode = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof responseCode === "number" && responseCode >= 500 && responseCode < 600 && !relayIsOut(error);
}

export type Delivery = {
  eventId: string | null;
  kind: EmailKind;
  to: string;
  content: EmailContent;
  /** The claim this message was sent under (lib/email/claims.ts): marked sent, or given back. */
  claim?: HeldClaim;
};

/**
 * Sends one message and records it (to whom, what, when, and whether the relay took it), so
 * organisers can see what left the app. Never throws for a refused message: the caller gets
 * false, and the log line names the kind, never the address. Its claim is settled with the record,
 * in one transaction: marked sent, or given back for the next sweep to try again.
 */
export async function deliver(
  db: Database,
  mailer: Mailer,
  delivery: Delivery,
  logger: Pick<Logger, "warn"> = sharedLogger(),
): Promise<boolean> {
  const email = renderEmail(delivery.content);
  let outcome: "sent" | "failed" = "sent";
  let refusedForGood = false;
  try {
    await mailer.send(delivery.to, email);
  } catch (error) {
    outcome = "failed";
    refusedForGood = permanentlyRefused(error);
    // The relay's text may quote the address: log only its codes. Said apart, as the IT team acts
    // differently on each: a relay out (mend it), a message refused for good (a wrong address).
    const { code, responseCode } = error as { code?: string; responseCode?: number };
    const what = relayIsOut(error)
      ? "email: the relay could not be used"
      : refusedForGood
        ? "email: the relay refused a message for good"
        : "email: the relay refused a message";
    logger.warn({ kind: delivery.kind, eventId: delivery.eventId, code, responseCode }, what);
  }
  const { claim } = delivery;
  await db.transact(async (tx) => {
    const now = Date.now();
    await tx.insert(sentEmails).values({
      id: randomUUID(),
      eventId: delivery.eventId,
      kind: delivery.kind,
      recipient: delivery.to,
      subject: email.subject,
      outcome,
      sentAt: now,
    });
    // Refused for good (no such mailbox: an address typed wrong): settled like a sent one, or every
    // sweep would send it again for ever; the record above says it failed.
    if (claim && (outcome === "sent" || refusedForGood)) await markClaimSent(tx, claim, now);
    else if (claim) await releaseClaim(tx, claim);
  });
  return outcome === "sent";
}
