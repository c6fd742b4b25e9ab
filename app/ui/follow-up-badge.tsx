import { useLocale, useTranslations } from "next-intl";
import { followUpText } from "@/lib/i18n/follow-up-text";
import type { FollowUpState } from "@/lib/projects/check-in-rules";

const tones: Record<FollowUpState["kind"], string> = {
  overdue: "bg-red-100 text-danger",
  due: "bg-note-orange text-ink",
  up_to_date: "bg-note-green text-ink",
  done: "bg-brand-soft text-brand-dark",
  no_milestones: "bg-line text-ink-soft",
};

export function FollowUpBadge({ state }: { state: FollowUpState }) {
  const text = followUpText(useTranslations("ui.followUp"), useLocale(), state);
  return (
    <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-sm font-semibold ${tones[state.kind]}`}>
      {text}
    </span>
  );
}
