import nodemailer from "nodemailer";
import type { RenderedEmail } from "./render";

/** Hands one message to the SMTP relay; resolves once the relay accepted it. */
export interface Mailer {
  send(to: string, email: RenderedEmail): Promise<void>;
  close(): void;
}

/**
 * A mail client's own "unsubscribe" button: List-Unsubscribe names the address that stops on a
 * POST. The one-click promise (List-Unsubscribe-Post) is made only for an https address, as RFC
 * 8058 asks: over plain http (a local install) the client opens the link instead.
 */
export function unsubscribeHeaders(oneClickStopUrl: string): Record<string, string> {
  const headers: Record<string, string> = { "List-Unsubscribe": `<${oneClickStopUrl}>` };
  if (new URL(oneClickStopUrl).protocol === "https:") headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  return headers;
}

/**
 * How long a send waits on the relay (ms). An organiser's form waits for its email (an owner's
 * link, an invitation, a reminder): a relay that takes the connection and never greets would
 * otherwise hold it for minutes (nodemailer waits 30 s for a greeting, 10 minutes on a silent
 * socket). A working relay answers in well under a second. The scheduled emails' claim lease
 * (lib/email/claims.ts) is longer than all of these together, so a live sender is never doubled.
 */
export const relayTimeouts = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as const;

/**
 * The council's SMTP relay (SMTP_URL, e.g. smtp://user:pass@relay:587), sending as MAIL_FROM.
 * Messages with a stop link carry List-Unsubscribe (above), so a mail client's own "unsubscribe"
 * button stops them too: the header names the address that stops on a POST, not the page that asks first.
 */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ url, ...relayTimeouts });
  return {
    async send(to, email) {
      await transport.sendMail({
        from,
        to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        headers: email.oneClickStopUrl ? unsubscribeHeaders(email.oneClickStopUrl) : undefined,
      });
    },
    close: () => transport.close(),
  };
}

const globalKey = Symbol.for("madein.mailer");
type WithMailer = typeof globalThis & { [globalKey]?: Mailer | null };

/**
 * This process's mailer, or null when SMTP_URL is unset (then pages show links to copy).
 * Shared through globalThis: server.ts and Next's bundles are two module graphs.
 */
export function sharedMailer(): Mailer | null {
  return (globalThis as WithMailer)[globalKey] ?? null;
}

export function setSharedMailer(mailer: Mailer | null) {
  (globalThis as WithMailer)[globalKey] = mailer;
}
