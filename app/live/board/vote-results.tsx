"use client";

import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { type BoardState, columnsOf } from "@/lib/boards/board-state";
import { rankingGapRem, rankingLayout, rankingRowRem, rankingRowsThatFit } from "@/lib/voting/ranking-layout";
import { rank, shortlist } from "@/lib/voting/rules-view";
import { useGroupLabels } from "./group-label";
import { useBox, usePage } from "./use-projector-box";

type Row = { targetId: string; rank: number; dots: number; label: string; inShortlist: boolean; tied: boolean };

/** The ranking's rows, most dots first, each with its words and whether it made the shortlist or is tied at its cut. */
function useRanking(state: BoardState, tallies: Record<string, number>, shortlistSize: number) {
  const t = useTranslations("vote");
  const columns = useMemo(() => columnsOf(state), [state]);
  const groupLabel = useGroupLabels(state.groups, columns);
  const list = shortlist(tallies, shortlistSize);
  const labelOf = (id: string) => state.notes[id]?.text ?? (state.groups[id] ? groupLabel(id) : t("results.deletedNote"));
  const rows: Row[] = rank(tallies).map((r) => ({
    ...r,
    label: labelOf(r.targetId),
    inShortlist: list.chosen.includes(r.targetId),
    tied: list.tied.includes(r.targetId),
  }));
  return { rows, kept: list.chosen.length + list.tied.length };
}

const testIdOf = (row: Row) => (row.inShortlist ? "shortlisted" : row.tied ? "tied" : "ranked");

/** The ranking after a reveal, on the console: most dots first, the shortlist cut marked, ties to pick from. */
export function VoteResults({
  state,
  tallies,
  shortlistSize,
  picked,
  onPick,
}: {
  state: BoardState;
  tallies: Record<string, number>;
  shortlistSize: number;
  picked?: string[];
  onPick?: (id: string, on: boolean) => void;
}) {
  const t = useTranslations("vote");
  const { rows } = useRanking(state, tallies, shortlistSize);
  return (
    <ol className="space-y-2" aria-label={t("results.label")} data-testid="vote-ranking">
      {rows.map((r, i) => (
        <li
          key={r.targetId}
          className={`flex items-center gap-3 rounded-xl px-4 py-3 motion-safe:animate-[rise_400ms_ease-out_both] ${
            r.inShortlist ? "bg-note-yellow" : r.tied ? "bg-note-orange" : "bg-paper"
          }`}
          style={{ animationDelay: `${Math.min(i, 20) * 60}ms` }}
          data-testid={testIdOf(r)}
        >
          <span className="w-10 text-end text-xl font-extrabold tabular-nums">{r.rank}</span>
          <span dir="auto" className="min-w-0 flex-1 break-words">
            {r.label}
          </span>
          {r.tied && onPick ? (
            <label className="flex items-center gap-2 text-sm font-semibold">
              <input
                type="checkbox"
                checked={picked?.includes(r.targetId) ?? false}
                onChange={(e) => onPick(r.targetId, e.target.checked)}
              />
              {t.rich("results.takeForward", { label: r.label, sr: (c) => <span className="sr-only">{c}</span> })}
            </label>
          ) : r.tied ? (
            <span className="text-sm font-semibold">{t("results.tied")}</span>
          ) : null}
          <span className="font-bold tabular-nums">{t("dots", { count: r.dots })}</span>
        </li>
      ))}
    </ol>
  );
}

/**
 * The ranking on a projector: every shortlisted row on the screen whatever the notes say. Rows are
 * two lines at most (the full text is on the phones and the console), one column or two, and what
 * does not fit is summed up in a last line, or, for a shortlist too long for one screen, shown in
 * pages that turn by themselves (lib/voting/ranking-layout.ts).
 */
export function ProjectedVoteResults({
  state,
  tallies,
  shortlistSize,
}: {
  state: BoardState;
  tallies: Record<string, number>;
  shortlistSize: number;
}) {
  const t = useTranslations("vote");
  const { rows, kept } = useRanking(state, tallies, shortlistSize);
  const [boxRef, box] = useBox();
  const fit = box ? rankingRowsThatFit(box.height, box.rem) : 0;
  const layout = box ? rankingLayout({ rows: rows.length, kept, fit }) : null;
  const page = usePage(layout?.pages.length ?? 1);
  const shown = layout ? (layout.pages[page] ?? []).map((i) => rows[i]).filter((r): r is Row => r !== undefined) : [];
  const paged = (layout?.pages.length ?? 1) > 1;
  return (
    <div ref={boxRef} className="h-full min-h-0 overflow-hidden">
      {layout ? (
        <ol
          className="grid grid-flow-col gap-x-6"
          style={{
            gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))`,
            gridTemplateRows: `repeat(${fit}, ${rankingRowRem}rem)`,
            rowGap: `${rankingGapRem}rem`,
          }}
          aria-label={t("results.label")}
          data-testid="vote-ranking"
        >
          {shown.map((r) => (
            <li
              key={r.targetId}
              className={`flex min-h-0 items-center gap-4 overflow-hidden rounded-xl px-4 ${
                r.inShortlist ? "bg-sun text-ink" : r.tied ? "bg-white/20" : "bg-stage-raised"
              }`}
              data-testid={testIdOf(r)}
            >
              <span className="w-12 shrink-0 text-end text-3xl font-extrabold tabular-nums">{r.rank}</span>
              <span
                dir="auto"
                className="line-clamp-2 min-w-0 flex-1 text-2xl leading-tight [overflow-wrap:anywhere]"
                data-testid="ranked-text"
              >
                {r.label}
              </span>
              {r.tied ? <span className="shrink-0 text-lg font-semibold">{t("results.tied")}</span> : null}
              <span className="shrink-0 text-2xl font-bold tabular-nums">{t("dots", { count: r.dots })}</span>
            </li>
          ))}
          {layout.more > 0 || paged ? (
            <li className="flex items-center gap-4 px-4 text-2xl font-semibold text-white/80" data-testid="ranking-more">
              {paged ? <span>{t("results.page", { page: page + 1, pages: layout.pages.length })}</span> : null}
              {layout.more > 0 ? <span>{t("results.more", { count: layout.more })}</span> : null}
            </li>
          ) : null}
        </ol>
      ) : null}
    </div>
  );
}
