import type { Mailer } from "./mailer";

/**
 * nodemailer's codes for a relay that could not be used at all (not reached, silent past the
 * timeouts, refusing the app's login), as against one refusing a single message (EENVELOPE,
 * EMESSAGE): every further message would fail the same way.
 */
const wholeRelayCodes = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ETLS", "EAUTH"]);

export function relayIsOut(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && wholeRelayCodes.has(code);
}

/**
 * The mailer for one round of emails (a catch-up's invitations, a project's news), noting when the
 * relay turns out to be out: the round then stops trying, so an organiser waits for one timeout,
 * not one per person.
 */
export function roundMailer(mailer: Mailer): Mailer & { out: () => boolean } {
  let out = false;
  return {
    async send(to, email) {
      try {
        await mailer.send(to, email);
      } catch (error) {
        if (relayIsOut(error)) out = true;
        throw error;
      }
    },
    close: () => mailer.close(),
    out: () => out,
  };
}
