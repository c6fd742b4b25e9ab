import type { FollowUpState } from "@/lib/projects/check-in-rules";
import { localShortDate } from "./dates";

type Words = (key: string, values?: Record<string, string | number>) => string;

/**
 * Where a project's follow-up stands, in the reader's words: `t` speaks the `ui.followUp`
 * messages (a page's useTranslations, an email's translator).
 */
export function followUpText(t: Words, locale: string, state: FollowUpState): string {
  const date = (ms: number) => localShortDate(locale, ms);
  switch (state.kind) {
    case "done":
      return t("done");
    case "no_milestones":
      return t("noMilestones");
    case "up_to_date":
      return state.next ? t("upToDateNext", { date: date(state.next.dueAt) }) : t("upToDate");
    case "due":
      return state.daysLeft === 0
        ? t("dueToday", { date: date(state.milestone.dueAt) })
        : t("dueIn", { count: state.daysLeft, date: date(state.milestone.dueAt) });
    case "overdue":
      return t("overdue", { count: state.daysLate, date: date(state.milestone.dueAt) });
  }
}
