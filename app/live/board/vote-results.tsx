"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { type BoardState, columnsOf } from "@/lib/boards/board-state";
import { rank, shortlist } from "@/lib/voting/rules-view";
import { useGroupLabels } from "./group-label";

/** The ranking after a reveal: most dots first, the shortlist cut marked, ties flagged. */
export function VoteResults({
  state,
  tallies,
  shortlistSize,
  tone = "light",
  picked,
  onPick,
}: {
  state: BoardState;
  tallies: Record<string, number>;
  shortlistSize: number;
  tone?: "light" | "dark";
  picked?: string[];
  onPick?: (id: string, on: boolean) => void;
}) {
  const t = useTranslations("vote");
  const ranked = rank(tallies);
  const list = shortlist(tallies, shortlistSize);
  const columns = useMemo(() => columnsOf(state), [state]);
  const groupLabel = useGroupLabels(state.groups, columns);
  const labelOf = (id: string) => state.notes[id]?.text ?? (state.groups[id] ? groupLabel(id) : t("results.deletedNote"));
  const dark = tone === "dark";
  return (
    <ol className="space-y-2" aria-label={t("results.label")} data-testid="vote-ranking">
      {ranked.map((r, i) => {
        const inShortlist = list.chosen.includes(r.targetId);
        const tied = list.tied.includes(r.targetId);
        return (
          <li
            key={r.targetId}
            className={`flex items-center gap-3 rounded-xl px-4 py-3 motion-safe:animate-[rise_400ms_ease-out_both] ${
              inShortlist
                ? dark
                  ? "bg-sun text-ink"
                  : "bg-note-yellow"
                : tied
                  ? (dark ? "bg-white/20" : "bg-note-orange")
                  : dark
                    ? "bg-stage-raised"
                    : "bg-paper"
            }`}
            style={{ animationDelay: `${Math.min(i, 20) * 60}ms` }}
            data-testid={inShortlist ? "shortlisted" : tied ? "tied" : "ranked"}
          >
            <span className={`w-10 text-end font-extrabold tabular-nums ${dark ? "text-3xl" : "text-xl"}`}>{r.rank}</span>
            <span className={`flex-1 ${dark ? "text-2xl" : ""}`}>{labelOf(r.targetId)}</span>
            {tied && onPick ? (
              <label className="flex items-center gap-2 text-sm font-semibold">
                <input
                  type="checkbox"
                  checked={picked?.includes(r.targetId) ?? false}
                  onChange={(e) => onPick(r.targetId, e.target.checked)}
                />
                {t.rich("results.takeForward", {
                  label: labelOf(r.targetId),
                  sr: (c) => <span className="sr-only">{c}</span>,
                })}
              </label>
            ) : tied ? (
              <span className="text-sm font-semibold">{t("results.tied")}</span>
            ) : null}
            <span className={`font-bold tabular-nums ${dark ? "text-2xl" : ""}`}>{t("dots", { count: r.dots })}</span>
          </li>
        );
      })}
    </ol>
  );
}
