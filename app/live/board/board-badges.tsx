import { useTranslations } from "next-intl";
import type { BoardView } from "@/lib/realtime/contract";

/** The settings a participant needs to know about, in plain words. */
export function BoardBadges({ board, tone = "light" }: { board: BoardView; tone?: "light" | "dark" }) {
  const t = useTranslations("board");
  const chip = tone === "dark" ? "bg-white/15 text-white" : "bg-white text-ink ring-1 ring-line";
  const items = [
    board.locked ? t("badges.locked") : null,
    board.hiddenUntilReveal && !board.revealed ? t("badges.hiddenUntilReveal") : null,
    board.anonymous ? t("badges.anonymous") : null,
  ].filter(Boolean);
  if (items.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t("badges.label")}>
      {items.map((item) => (
        <li key={item} className={`rounded-full px-3 py-1 text-sm font-semibold ${chip}`}>
          {item}
        </li>
      ))}
    </ul>
  );
}
