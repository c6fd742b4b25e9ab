import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { type EmailKind, sentEmails } from "@/db/schema";
import { type Logger, sharedLogger } from "@/lib/observability/logger";
import type { Mailer } from "./mailer";
import { type EmailContent, renderEmail } from "./render";

export type Delivery = { eventId: string | null; kind: EmailKind; to: string; content: EmailContent };

/**
 * Sends one message and records it (to whom, what, when, and whether the relay took it), so
 * organisers can see what left the app. Never throws for a refused message: the caller gets
 * false, and the log line names the kind, never the address.
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
  await db.transact((tx) =>
    tx.insert(sentEmails).values({
      id: randomUUID(),
      eventId: delivery.eventId,
      kind: delivery.kind,
      recipient: delivery.to,
      subject: email.subject,
      outcome,
      sentAt: Date.now(),
    }),
  );
  return outcome === "sent";
}
