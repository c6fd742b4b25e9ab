import { useLocale, useTranslations } from "next-intl";
import type { FollowUpState } from "@/lib/projects/check-in-rules";
import { localShortDate } from "./localized-dates";

const tones: Record<FollowUpState["kind"], string> = {
  overdue: "bg-red-100 text-danger",
  due: "bg-note-orange text-ink",
  up_to_date: "bg-note-green text-ink",
  done: "bg-brand-soft text-brand-dark",
  no_milestones: "bg-line text-ink-soft",
};

/** The words of lib/projects/check-in-rules' describeFollowUp, in the reader's language. */
function useFollowUpText(state: FollowUpState): string {
  const t = useTranslations("ui.followUp");
  const locale = useLocale();
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

export function FollowUpBadge({ state }: { state: FollowUpState }) {
  const text = useFollowUpText(state);
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-semibold ${tones[state.kind]}`}>
      {text}
    </span>
  );
}
