"use client";

import { useTranslations } from "next-intl";
import { memo, type ReactElement, useRef } from "react";
import type { BoardState, ColumnView } from "@/lib/boards/board-state";
import { type ItemCache, reuseItem, runsOf, sameInputs } from "@/lib/boards/list-items";
import type { VotingStore } from "@/lib/realtime/client/use-voting";
import type { RoundView } from "@/lib/realtime/contract";
import { useGroupLabels } from "./group-label";
import { type Caret, PhoneNote, type PhoneNoteProps } from "./phone-note";
import { pinPlace } from "./pin-place";

/**
 * Notes per run of the list (each run is one content-visibility box): a phone screen shows
 * about five notes, so a run on screen draws 20–40; 500 notes make 25 runs to watch.
 */
const notesPerRun = 20;

/**
 * One run of notes, skipped whole when it holds the very elements it drew last time: a new note at
 * the end of a 500-note board redraws its run, not 25. The gap after a run is its own padding, so
 * the clipping of a run (and of the list, which takes the last run's back with -mb-3) leaves its
 * last note's shadow whole.
 */
const NoteRun = memo(
  function NoteRun({ items }: { items: ReactElement[] }) {
    return <div className="space-y-3 pb-3 [content-visibility:auto] [contain-intrinsic-size:auto_2600px]">{items}</div>;
  },
  (before, after) => sameInputs(before.items, after.items),
);

type Props = {
  columns: ColumnView[];
  state: BoardState;
  round: RoundView | null;
  votes: VotingStore;
  onMap: boolean;
  pinNumber: Map<string, number>;
  isStaff: boolean;
  onEdit: PhoneNoteProps["onEdit"];
  onDelete: PhoneNoteProps["onDelete"];
};

/**
 * A board's notes on a phone, column by column. Memoised on the board's state: a tap on "Add
 * note" shows the pending note above without walking this list, so what a tap costs does not
 * grow with the board (bench/README.md, finding 25). Each note's element from the last render is
 * made again only when that note's inputs change (lib/boards/list-items.ts), so the server's copy
 * of a new note re-creates one note, not 500.
 */
export const BoardColumns = memo(function BoardColumns({
  columns,
  state,
  round,
  votes,
  onMap,
  pinNumber,
  isStaff,
  onEdit,
  onDelete,
}: Props) {
  const t = useTranslations("board");
  const noteItems = useRef<ItemCache<ReactElement>>(new Map());
  const carets = useRef(new Map<string, Caret>());
  const labelOfGroup = useGroupLabels(state.groups, columns);
  const votingOpen = round?.status === "open";
  const votable = (column: string) =>
    votingOpen && round?.targets !== "groups" && (!round?.columns || round.columns.includes(column));
  const previousItems = noteItems.current;
  const nextItems = new Map<string, { inputs: readonly unknown[]; value: ReactElement }>();
  noteItems.current = nextItems;

  return (
    <>
      {columns.map((c) => {
        const visible = c.notes.filter((n) => !n.hidden);
        return (
          <section key={c.key} aria-label={c.title} className="space-y-3">
            <h3 className="text-lg font-bold">
              {c.title} <span className="font-normal text-ink-soft">({c.notes.length})</span>
            </h3>
            {visible.length === 0 ? <p className="text-ink-soft">{t("noNotes")}</p> : null}
            {/* One list, drawn in runs of notes: each run skips its layout and paint while off
              screen (content-visibility), so a 500-note board costs the browser a few runs a
              frame, not 500 notes; with one observer per note, every frame of a tap paid for
              all 500 (bench/README.md, findings 14 and 16). Find-in-page and screen readers
              still reach every note. Contained, so a change in one run leaves the rest alone. */}
            {visible.length === 0 ? null : (
              // biome-ignore lint/a11y/useSemanticElements: a ul may hold only li, and the runs sit between the list and its items
              <div role="list" className="-mb-3 [contain:layout_paint]">
                {runsOf(
                  visible.map((n) => {
                    const mine = n.authorTag === state.myTag;
                    const number = pinNumber.get(n.id);
                    const canChange = (mine && !state.board.locked) || isStaff;
                    const groupLabel = n.groupId ? labelOfGroup(n.groupId) : null;
                    const voting = votable(c.key);
                    const maxPerTarget = round?.maxPerTarget ?? 0;
                    // Everything the element below reads.
                    const inputs = [
                      n,
                      mine,
                      number,
                      onMap,
                      canChange,
                      groupLabel,
                      voting,
                      maxPerTarget,
                      votes,
                      t,
                      onEdit,
                      onDelete,
                    ];
                    return reuseItem(previousItems, nextItems, n.id, inputs, () => (
                      // biome-ignore lint/a11y/useSemanticElements: inside a run, not directly in a ul (see the list above)
                      <div key={n.id} role="listitem" data-testid="note" className="isolate">
                        {onMap ? (
                          <p className="mb-1 flex items-center gap-2 text-sm font-semibold text-ink-soft">
                            {number && n.pin ? (
                              <>
                                <span className="grid h-6 w-6 place-items-center rounded-full bg-ink text-xs font-extrabold text-white">
                                  {number}
                                </span>
                                {t("pinLabel", { number, place: t(`place.${pinPlace(n.pin)}`) })}
                              </>
                            ) : (
                              t("notOnMap")
                            )}
                          </p>
                        ) : null}
                        <PhoneNote
                          note={n}
                          mine={mine}
                          canChange={canChange}
                          groupLabel={groupLabel}
                          onEdit={onEdit}
                          onDelete={onDelete}
                          votes={votes}
                          voting={voting}
                          maxPerTarget={maxPerTarget}
                          carets={carets.current}
                        />
                      </div>
                    ));
                  }),
                  notesPerRun,
                ).map((run, i) => (
                  // Keyed by place: notes added at the end (the usual case) leave earlier runs as they were.
                  // biome-ignore lint/suspicious/noArrayIndexKey: a run is a stretch of the list, not an item
                  <NoteRun key={i} items={run} />
                ))}
              </div>
            )}
          </section>
        );
      })}
    </>
  );
});
