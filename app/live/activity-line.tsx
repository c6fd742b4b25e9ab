import { useTranslations } from "next-intl";
import { activityBy, activityText } from "@/lib/activity/activity-message";
import type { ActivityEntry } from "@/lib/realtime/contract";

const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

/**
 * One line of the activity log, on the console (live) and in the organiser's review (whole):
 * when, who, what, in the reader's language. `when` is how this screen writes the time.
 */
export function ActivityLine({
  entry,
  when,
  testId,
  wide,
}: {
  entry: ActivityEntry;
  when: string;
  testId: string;
  wide?: boolean;
}) {
  const t = useTranslations("activity");
  return (
    <li className={`flex px-3 py-2 text-sm ${wide ? "gap-4" : "gap-3"}`} data-testid={testId}>
      <time dateTime={new Date(entry.at).toISOString()} className={`shrink-0 tabular-nums text-ink-soft ${wide ? "w-36" : ""}`}>
        {when}
      </time>
      <span className="min-w-0 break-words">
        {t.rich("line", { by: activityBy(t, entry), change: activityText(t, entry), who: strong })}
      </span>
    </li>
  );
}
