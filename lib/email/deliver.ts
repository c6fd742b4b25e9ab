import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { type EmailKind, sentEmails } from "@/db/schema";
import { type Logger, sharedLogger } from "@/lib/observability/logger";
import { type HeldClaim, markClaimSent, releaseClaim } from "./claims";
import type { Mailer } from "./mailer";
import { type EmailContent, renderEmail } from "./render";

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
  try {
    await mailer.send(delivery.to, email);
  } catch (error) {
    outcome = "failed";
    // The relay's text may quote the address: log only its codes.
    const { code, responseCode } = error as { code?: string; responseCode?: number };
    logger.warn({ kind: delivery.kind, eventId: delivery.eventId, code, responseCode }, "email: the relay refused a message");
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
    if (claim && outcome === "sent") await markClaimSent(tx, claim, now);
    if (claim && outcome === "failed") await releaseClaim(tx, claim);
  });
  return outcome === "sent";
}
