import type { Database } from "@/db/client";
import { sharedLogger } from "@/lib/observability/logger";
import { type EmailLinks, sweepCheckInReminders } from "./check-in-reminders";
import type { Mailer } from "./mailer";
import { sweepOrganiserDigests } from "./organiser-digest";
import { sweepProgressNews } from "./progress-news";
import { roundMailer } from "./relay-out";

const defaultSweepMs = 15 * 60 * 1000;

/**
 * One scheduled sweep: reminders, digests, then news owed. One round of the relay: once it is
 * found out (unreachable, silent, refusing our login), the sweep stops trying, so a silent relay
 * costs it one timeout rather than one per project, and what is owed goes at the next sweep.
 */
export async function sweepEmail(db: Database, mailer: Mailer, links: EmailLinks) {
  const relay = roundMailer(mailer);
  await sweepCheckInReminders(db, relay, links);
  await sweepOrganiserDigests(db, relay, links);
  await sweepProgressNews(db, relay, links);
}

/**
 * The scheduled email work of this process: check-in reminders, weekly digests, and progress news
 * the relay refused when an organiser made a project public. Every process
 * runs it; the claims in lib/email/claims.ts make each message go once across all of them, so no
 * process has to be elected to do it (and none is missed when one stops).
 */
export function startEmailJobs(
  db: Database,
  mailer: Mailer,
  links: EmailLinks,
  options: {
    everyMs?: number;
    log?: (message: string, error?: unknown) => void;
    /** Told when each sweep finishes (for the `madein_email_sweeps_total` metric). */
    onSwept?: (outcome: "ok" | "failed") => void;
  } = {},
) {
  const everyMs = options.everyMs ?? defaultSweepMs;
  const log = options.log ?? ((m: string, e?: unknown) => sharedLogger().error({ err: e }, m));
  let running: Promise<void> | null = null;
  const sweep = () => {
    running ??= (async () => {
      try {
        await sweepEmail(db, mailer, links);
        options.onSwept?.("ok");
      } catch (error) {
        // The error itself, never its message as text: the logger scrubs a failed query's values
        // (an address, a subject) only from an Error.
        log("email: the scheduled sweep failed", error);
        options.onSwept?.("failed");
      } finally {
        running = null;
      }
    })();
    return running;
  };
  // A little after start-up (30 s, or the interval if that is shorter), so a restart loop never
  // sends in a burst, then at an interval.
  const first = setTimeout(sweep, Math.min(30_000, everyMs));
  const timer = setInterval(sweep, everyMs);
  first.unref();
  timer.unref();
  return {
    sweep,
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
