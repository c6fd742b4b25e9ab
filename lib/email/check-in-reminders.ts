import { and, asc, desc, eq, inArray, isNull, ne } from "drizzle-orm";
import type { Database } from "@/db/client";
import { events, projectCheckIns, projectMilestones, projects } from "@/db/schema";
import { defaultLocale, knownLocale } from "@/lib/i18n/locales";
import { day, followUpState, reminderFor } from "@/lib/projects/check-in-rules";
import { stopLinkBinding } from "@/lib/projects/owner-email";
import { newOwnerLink } from "@/lib/projects/owner-link";
import { claim, nudgeClaimKey, remindedSince, reminderClaimKey } from "./claims";
import { deliver } from "./deliver";
import { linkToken } from "./links";
import type { Mailer } from "./mailer";
import { roundMailer } from "./relay-out";
import { checkInReminderEmail, type ReminderKind } from "./templates";

/** At least this long between two scheduled reminders for one milestone (its "due", then its first "overdue"). */
const reminderGap = 3 * day;
/**
 * An organiser's "send a reminder" goes at most once a day per project; and an owner gets one
 * reminder a day at most, whoever sends it: the organiser's and the scheduled sweep's are not two.
 */
const nudgeGap = day;

export type EmailLinks = { baseUrl: string; secret: string };

const updateUrl = (links: EmailLinks, projectId: string, ownerTokenHash: string) =>
  `${links.baseUrl}/r/${linkToken(links.secret, "update", projectId, ownerTokenHash)}`;
/** Bound to the address the reminder goes to: a later owner's reminders are not the old one's to stop. */
const stopUrl = (links: EmailLinks, projectId: string, ownerEmail: string) =>
  `${links.baseUrl}/stop/${linkToken(links.secret, "stop", projectId, stopLinkBinding(ownerEmail))}`;

type Claimed = { key: string; detail: string };

/** Thrown inside the claim's transaction so that the claim is not kept. */
class LinkStopped extends Error {}

/**
 * Sends one reminder to a project's owner after `claimKey` was won, making the owner's link if
 * none is live (the email's update link is bound to it). `deliver` gives the claim back if the
 * relay refuses, so the next sweep tries again.
 */
async function remind(
  db: Database,
  mailer: Mailer,
  links: EmailLinks,
  projectId: string,
  kind: ReminderKind,
  claimed: Claimed,
  now: number,
): Promise<"sent" | "claimed_elsewhere" | "link_stopped" | "refused"> {
  const won = await db
    .transact(async (tx) => {
      const gap = kind === "nudge" ? nudgeGap : reminderGap;
      // Reminded today by the other kind: not again (a scheduled one goes at a later sweep).
      if (await remindedSince(tx, projectId, now - nudgeGap, claimed.key)) return null;
      const held = await claim(tx, claimed.key, claimed.detail, now, gap);
      if (!held) return null;
      const [row] = await tx
        .select({ project: projects, eventName: events.name, eventLanguage: events.language })
        .from(projects)
        .innerJoin(events, eq(events.id, projects.eventId))
        .where(eq(projects.id, projectId));
      if (!row) return null;
      // Stopped by an organiser since the sweep read it: not sent, and the claim goes back with the savepoint.
      if (row.project.ownerLinkStoppedAt !== null) throw new LinkStopped();
      let tokenHash = row.project.ownerTokenHash;
      if (tokenHash === null) {
        await newOwnerLink(tx, projectId);
        [{ tokenHash }] = (await tx
          .select({ tokenHash: projects.ownerTokenHash })
          .from(projects)
          .where(eq(projects.id, projectId))) as [{ tokenHash: string }];
      }
      return { ...row, tokenHash: tokenHash as string, held };
    })
    .catch((e: unknown) => {
      if (e instanceof LinkStopped) return "link_stopped" as const;
      throw e;
    });
  if (won === "link_stopped") return "link_stopped";
  if (!won) return "claimed_elsewhere";
  const [milestones, checkIns] = await Promise.all([
    db.read
      .select()
      .from(projectMilestones)
      .where(eq(projectMilestones.projectId, projectId))
      .orderBy(asc(projectMilestones.dueAt)),
    db.read
      .select()
      .from(projectCheckIns)
      .where(eq(projectCheckIns.projectId, projectId))
      .orderBy(desc(projectCheckIns.createdAt)),
  ]);
  const state = followUpState(milestones, checkIns, now);
  const milestone = state.kind === "due" || state.kind === "overdue" ? state.milestone : null;
  const sent = await deliver(db, mailer, {
    eventId: won.project.eventId,
    kind: kind === "due" ? "check_in_due" : kind === "overdue" ? "check_in_overdue" : "check_in_nudge",
    to: won.project.ownerEmail,
    content: checkInReminderEmail({
      // The language the owner chose on their update page; until they choose one, the event's.
      locale: knownLocale(won.project.ownerLanguage) ?? knownLocale(won.eventLanguage) ?? defaultLocale,
      kind: kind === "nudge" && state.kind === "overdue" ? "overdue" : kind,
      projectTitle: won.project.title,
      eventName: won.eventName,
      milestoneTitle: milestone?.title ?? null,
      dueAt: milestone?.dueAt ?? null,
      link: updateUrl(links, projectId, won.tokenHash),
      stopUrl: stopUrl(links, projectId, won.project.ownerEmail),
    }),
    claim: won.held,
  });
  return sent ? "sent" : "refused";
}

/**
 * The scheduled sweep: every project with an owner's email that owes a check-in gets a "due"
 * reminder in the week before its latest milestone and "overdue" ones after it, a week apart and a
 * few at most (lib/projects/check-in-rules.ts, `reminderFor`); never two for one milestone within
 * `reminderGap`, and never twice however many processes sweep at once.
 */
export async function sweepCheckInReminders(db: Database, mailer: Mailer, links: EmailLinks, now = Date.now()) {
  const candidates = await db.read
    .select({ id: projects.id })
    .from(projects)
    .where(and(ne(projects.ownerEmail, ""), isNull(projects.remindersStoppedAt), isNull(projects.ownerLinkStoppedAt)));
  if (candidates.length === 0) return 0;
  const ids = candidates.map((c) => c.id);
  const [milestones, checkIns] = await Promise.all([
    db.read.select().from(projectMilestones).where(inArray(projectMilestones.projectId, ids)),
    db.read
      .select({ projectId: projectCheckIns.projectId, status: projectCheckIns.status, createdAt: projectCheckIns.createdAt })
      .from(projectCheckIns)
      .where(inArray(projectCheckIns.projectId, ids)),
  ]);
  let sent = 0;
  const relay = roundMailer(mailer);
  for (const id of ids) {
    // The relay is out: the rest wait for the next sweep (their claims were never taken).
    if (relay.out()) break;
    const state = followUpState(
      milestones.filter((m) => m.projectId === id),
      checkIns.filter((c) => c.projectId === id),
      now,
    );
    const reminder = reminderFor(state);
    if (!reminder || (state.kind !== "due" && state.kind !== "overdue")) continue;
    const claimed = { key: reminderClaimKey(id, reminder.milestone), detail: reminder.round };
    if ((await remind(db, relay, links, id, state.kind, claimed, now)) === "sent") sent++;
  }
  return sent;
}

export type NudgeResult = "sent" | "no_email" | "stopped" | "link_stopped" | "too_soon" | "refused" | "gone";

/** An organiser's "send a reminder" from "Needs a nudge". */
export async function sendNudge(
  db: Database,
  mailer: Mailer,
  links: EmailLinks,
  projectId: string,
  now = Date.now(),
): Promise<NudgeResult> {
  const [project] = await db.read.select().from(projects).where(eq(projects.id, projectId));
  if (!project) return "gone";
  if (!project.ownerEmail) return "no_email";
  if (project.remindersStoppedAt !== null) return "stopped";
  if (project.ownerLinkStoppedAt !== null) return "link_stopped";
  const result = await remind(db, mailer, links, projectId, "nudge", { key: nudgeClaimKey(projectId), detail: String(now) }, now);
  return result === "claimed_elsewhere" ? "too_soon" : result;
}
