import { and, eq, ne } from "drizzle-orm";
import type { Database } from "@/db/client";
import { events, projects } from "@/db/schema";
import { type Logger, sharedLogger } from "@/lib/observability/logger";
import type { EmailLinks } from "./check-in-reminders";
import type { Mailer } from "./mailer";
import { announceProgress, progressNewsOwed, type Sent } from "./participant-emails";
import { roundMailer } from "./relay-out";

const none: Sent = { sent: 0, failed: 0 };

/**
 * An organiser's "make public" or "publish" answers at once, saying how many people are to hear
 * of it: the emails go from here while the page is already back, so a slow or dead relay never
 * holds their form. One the relay refuses keeps no claim, and the scheduled sweep below sends it
 * later, as it does a reminder.
 */
export async function tellProgressSoon(
  db: Database,
  mailer: Mailer,
  eventId: string,
  links: EmailLinks,
  logger: Pick<Logger, "error"> = sharedLogger(),
): Promise<{ owed: number; sending: Promise<Sent> }> {
  const owed = await progressNewsOwed(db, eventId);
  if (owed === 0) return { owed, sending: Promise.resolve(none) };
  const sending = announceProgress(db, mailer, eventId, links).catch((error: unknown) => {
    // The error itself: the logger scrubs a failed query's values (an address) only from an Error.
    logger.error({ err: error }, "email: sending the progress news failed");
    return none;
  });
  return { owed, sending };
}

/**
 * Part of the scheduled sweep: each published event's progress news, to whoever has not had it
 * yet (the relay refused it, or the process stopped before sending).
 */
export async function sweepProgressNews(db: Database, mailer: Mailer, links: EmailLinks): Promise<Sent> {
  const shown = await db.read
    .selectDistinct({ eventId: projects.eventId })
    .from(projects)
    .innerJoin(events, eq(events.id, projects.eventId))
    .where(and(eq(projects.isPublic, true), ne(events.status, "draft")));
  const total = { ...none };
  const relay = roundMailer(mailer);
  for (const { eventId } of shown) {
    // The relay is out: the rest wait for the next sweep.
    if (relay.out()) break;
    const outcome = await announceProgress(db, relay, eventId, links);
    total.sent += outcome.sent;
    total.failed += outcome.failed;
  }
  return total;
}
