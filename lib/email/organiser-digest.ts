import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/client";
import { accounts, eventStaff } from "@/db/schema";
import { followUpText } from "@/lib/i18n/follow-up-text";
import { defaultLocale, knownLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { day } from "@/lib/projects/check-in-rules";
import { findNudges } from "@/lib/projects/find-nudges";
import type { EmailLinks } from "./check-in-reminders";
import { claim } from "./claims";
import { deliver } from "./deliver";
import { linkToken } from "./links";
import type { Mailer } from "./mailer";
import { roundMailer } from "./relay-out";
import { type DigestProject, organiserDigestEmail } from "./templates";

const week = 7 * day;
/** Weeks start on Monday 00:00 UTC (1 January 1970 was a Thursday). */
const weekOf = (now: number) => Math.floor((now + 3 * day) / week);

const digestStopUrl = (links: EmailLinks, accountId: string) =>
  `${links.baseUrl}/stop/${linkToken(links.secret, "digest", accountId)}`;

/**
 * Once a week, each organiser whose projects need attention gets one summary of them. The
 * (account, week) claim makes it one email per week however many processes sweep.
 */
export async function sweepOrganiserDigests(db: Database, mailer: Mailer, links: EmailLinks, now = Date.now()) {
  const organisers = await db.read
    .selectDistinct({ id: accounts.id, email: accounts.email, language: accounts.language })
    .from(accounts)
    .innerJoin(eventStaff, eq(eventStaff.accountId, accounts.id))
    .where(and(eq(eventStaff.role, "organiser"), isNull(accounts.digestStoppedAt)));
  let sent = 0;
  const relay = roundMailer(mailer);
  for (const organiser of organisers) {
    // The relay is out: the rest wait for the next sweep (their week's claims were never taken).
    if (relay.out()) break;
    const nudges = await findNudges(db.read, organiser.id, now);
    if (nudges.length === 0) continue;
    const key = `digest:${organiser.id}:${weekOf(now)}`;
    const held = await db.transact((tx) => claim(tx, key, "sent", now, week));
    if (!held) continue;
    // Their own choice of language for the staff pages, else English.
    const locale = knownLocale(organiser.language) ?? defaultLocale;
    const followUp = translator(locale, "ui.followUp");
    const situations = translator(locale, "email.digest.situations");
    const byEvent = new Map<string, { name: string; projects: DigestProject[] }>();
    for (const { event, project, reasons } of nudges) {
      const entry = byEvent.get(event.id) ?? { name: event.name, projects: [] };
      const situation = [
        followUpText(followUp, locale, project.state),
        ...reasons.filter((r) => r !== "due" && r !== "overdue").map((r) => situations(r)),
      ];
      entry.projects.push({
        title: project.title,
        situation: situation.join("; "),
        url: `${links.baseUrl}/o/${event.slug}/projects/${project.id}`,
      });
      byEvent.set(event.id, entry);
    }
    const ok = await deliver(db, relay, {
      eventId: null,
      kind: "organiser_digest",
      to: organiser.email,
      content: organiserDigestEmail({ locale, events: [...byEvent.values()], stopUrl: digestStopUrl(links, organiser.id) }),
      claim: held,
    });
    if (ok) sent++;
  }
  return sent;
}
