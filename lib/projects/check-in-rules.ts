/**
 * When a project owes a check-in. Pure and zod-free (pages and the phone form import it).
 *
 * A milestone is covered by any check-in posted from a week before its due date onwards. Of the
 * milestones not marked done and not covered, the one that matters is the latest whose week
 * before has begun: it is "due" from a week before its date, "overdue" once the date has passed.
 * So an owner who missed day 30 is asked about day 60 once its week comes (one check-in then
 * covers both), rather than about day 30 for ever. A project whose latest check-in says "done"
 * owes nothing more.
 */

export const checkInStatusLabels = {
  on_track: "On track",
  at_risk: "At risk",
  stuck: "Stuck",
  done: "Done",
} as const;
export type CheckInStatusKey = keyof typeof checkInStatusLabels;

export const day = 24 * 3600 * 1000;
/** How early a check-in counts for a milestone, and when the nudge starts. */
const dueWindow = 7 * day;
const standardMilestones = [30, 60, 90] as const;

export type MilestoneFacts = { day: number; title: string; dueAt: number; doneAt: number | null };
export type CheckInFacts = { status: CheckInStatusKey; createdAt: number };

export type FollowUpState<M extends MilestoneFacts = MilestoneFacts> =
  | { kind: "done" }
  | { kind: "no_milestones" }
  | { kind: "up_to_date"; next: M | null }
  | { kind: "due"; milestone: M; daysLeft: number }
  | { kind: "overdue"; milestone: M; daysLate: number };

/**
 * Days are counted on the event's calendar (London), not in 24-hour blocks: a check-in due on
 * the 15th is "due tomorrow" all day on the 14th and "overdue by 1 day" all day on the 16th.
 */
const calendarFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});
function calendarDay(ms: number) {
  const [y, m, d] = calendarFormat.format(new Date(ms)).split("-").map(Number);
  return Math.round(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / day);
}

export function followUpState<M extends MilestoneFacts>(
  milestones: M[],
  checkIns: CheckInFacts[],
  now: number,
): FollowUpState<M> {
  const latest = [...checkIns].sort((a, b) => b.createdAt - a.createdAt)[0];
  if (latest?.status === "done") return { kind: "done" };
  if (milestones.length === 0) return { kind: "no_milestones" };
  const covered = (m: M) => checkIns.some((c) => c.createdAt >= m.dueAt - dueWindow);
  const owed = [...milestones].sort((a, b) => a.dueAt - b.dueAt).filter((m) => m.doneAt === null && !covered(m));
  const today = calendarDay(now);
  const daysLeftOf = (m: M) => calendarDay(m.dueAt) - today;
  const open = owed.filter((m) => daysLeftOf(m) <= dueWindow / day).at(-1);
  if (!open) return { kind: "up_to_date", next: owed[0] ?? null };
  const daysLeft = daysLeftOf(open);
  if (daysLeft < 0) return { kind: "overdue", milestone: open, daysLate: -daysLeft };
  return { kind: "due", milestone: open, daysLeft };
}

/** The calendar day a milestone falls on ("2027-01-31", London): what its reminders are counted by. */
export const milestoneDate = (dueAt: number) => calendarFormat.format(new Date(dueAt));

/** Milestones a project may have: the form saves this many, and an import brings no more. */
export const maxMilestones = 20;
/**
 * Rows the milestones form's answer is read to: more than `maxMilestones` (with its spare row, or a
 * project imported before the cap) so a list that is too long is refused whole, never cut short.
 */
export const milestoneRowsRead = 100;

/** Overdue reminders for one milestone: a week apart, at most this many (the organisers' "Needs a nudge" and digest carry it on). */
export const overdueReminders = 3;

/**
 * The scheduled reminder a project's state calls for, if any: `milestone` names the milestone by
 * its date, so the reminder is counted once however its row is saved again; `round` tells one
 * reminder for it from the next ("due", then "overdue-0", "overdue-1"… a week apart). Which of
 * them actually go, and how far apart, is lib/email/check-in-reminders.ts's job.
 */
export function reminderFor(state: FollowUpState): { milestone: string; round: string } | null {
  if (state.kind === "due") return { milestone: milestoneDate(state.milestone.dueAt), round: "due" };
  if (state.kind !== "overdue") return null;
  const week = Math.floor((state.daysLate - 1) / 7);
  return week < overdueReminders ? { milestone: milestoneDate(state.milestone.dueAt), round: `overdue-${week}` } : null;
}

export type AttentionReason = "overdue" | "due" | "at_risk" | "stuck" | "help";
export const attentionLabels: Record<AttentionReason, string> = {
  overdue: "Check-in overdue",
  due: "Check-in due",
  at_risk: "At risk",
  stuck: "Stuck",
  help: "Asking for help",
};

/**
 * Why a project needs a nudge: a check-in owed, or its latest check-in says it is at risk, stuck
 * or asks for help. Empty means it is on track (or done) and up to date.
 */
export function attentionReasons(
  state: FollowUpState,
  latest: { status: CheckInStatusKey; helpNeeded: string } | undefined,
): AttentionReason[] {
  if (state.kind === "done") return [];
  const reasons: AttentionReason[] = [];
  if (state.kind === "overdue" || state.kind === "due") reasons.push(state.kind);
  if (latest?.status === "at_risk" || latest?.status === "stuck") reasons.push(latest.status);
  if (latest && latest.helpNeeded.trim() !== "") reasons.push("help");
  return reasons;
}

/** Milestones at 30, 60 and 90 days from the start, titled by the organiser or plainly. */
export function standardMilestoneDates(startedAt: number) {
  return standardMilestones.map((d) => ({ day: d, dueAt: startedAt + d * day }));
}

export function describeFollowUp(state: FollowUpState): string {
  switch (state.kind) {
    case "done":
      return "Done";
    case "no_milestones":
      return "No milestones set";
    case "up_to_date":
      return state.next ? `Up to date; next check-in by ${shortDate(state.next.dueAt)}` : "Up to date";
    case "due":
      return state.daysLeft === 0
        ? `Check-in due today (${shortDate(state.milestone.dueAt)})`
        : `Check-in due in ${state.daysLeft === 1 ? "1 day" : `${state.daysLeft} days`} (by ${shortDate(state.milestone.dueAt)})`;
    case "overdue":
      return `Check-in overdue by ${state.daysLate === 1 ? "1 day" : `${state.daysLate} days`} (was due ${shortDate(state.milestone.dueAt)})`;
  }
}

export const shortDate = (ms: number) =>
  new Date(ms).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "Europe/London" });

/**
 * The risk checklist: the things the seeds say were thought about too late. Each item's name and
 * hint are words of the project page (messages/<language>/projects.json, `risks.items.<key>`).
 */
export const riskItems = [
  { key: "health_and_safety" },
  { key: "first_aid" },
  { key: "insurance" },
  { key: "food_safety" },
  { key: "safeguarding" },
  { key: "budget_holder" },
] as const;
export type RiskItemKey = (typeof riskItems)[number]["key"];
