import type { Mailer } from "./mailer";

/**
 * nodemailer's codes for a relay that could not be used at all (not reached, silent past the
 * timeouts, refusing the app's login), as against one refusing a single message (EENVELOPE,
 * EMESSAGE): every further message would fail the same way.
 */
const wholeRelayCodes = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ETLS", "EAUTH"]);

/**
 * A relay that went quiet in the middle of one message (it had greeted us: say, checking one
 * owner's mail domain slowly) is that message's failure, not the relay's: counted as out, the same
 * message, first in every sweep, would stop every sweep before the rest for ever.
 */
const oneMessageTimeouts = new Set(["SOCKET_TIMEOUT"]);

export function relayIsOut(error: unknown): boolean {
  const { code, timeoutType } = (error ?? {}) as { code?: unknown; timeoutType?: unknown };
  if (typeof timeoutType === "string" && oneMessageTimeouts.has(timeoutType)) return false;
  return typeof code === "string" && wholeRelayCodes.has(code);
}

export type RoundMailer = Mailer & { out: () => boolean };

/**
 * The mailer for one round of emails (a catch-up's invitations, a project's news, a scheduled
 * sweep), noting when the relay turns out to be out: the round then stops trying, so an organiser
 * (or the sweep) waits for one timeout, not one per person. Given a round's mailer, it is that
 * round: a sweep's parts share what it found.
 */
export function roundMailer(mailer: Mailer | RoundMailer): RoundMailer {
  if ("out" in mailer) return mailer;
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
