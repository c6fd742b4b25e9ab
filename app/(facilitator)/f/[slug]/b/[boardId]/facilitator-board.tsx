"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useId, useMemo, useState } from "react";
import { MapUpload } from "@/app/live/board/map-upload";
import { VotePanel } from "@/app/live/board/vote-panel";
import { WallBoardView } from "@/app/live/board/wall-board";
import { WallShortcuts } from "@/app/live/board/wall-shortcuts";
import { ConnectionPill } from "@/app/live/status";
import { Wordmark } from "@/app/ui/brand";
import { SkipLinks } from "@/app/ui/skip-links";
import { boardChoiceLabels } from "@/lib/boards/board-list";
import type { BoardSummary } from "@/lib/boards/find-boards";
import { useOutboxText } from "@/lib/realtime/client/outbox-text";
import { refusalOf } from "@/lib/realtime/client/refusal";
import { useBoardList } from "@/lib/realtime/client/teams";
import { useBoard } from "@/lib/realtime/client/use-board";
import { useVoting } from "@/lib/realtime/client/use-voting";
import type { Ack } from "@/lib/realtime/contract";
import { tallyCounts } from "@/lib/voting/voting-state";

/** A board setting: shown changed at once, and back as it was with the reason beside it if the room refuses it. */
function Toggle({
  label,
  hint,
  checked,
  onChange,
  disabled = false,
}: {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (v: boolean) => Promise<Ack<unknown>> | null;
  disabled?: boolean;
}) {
  const say = useOutboxText();
  const refusalId = useId();
  // Shows the new setting at once; the board's own state takes over once it agrees.
  const [pending, setPending] = useState<boolean | null>(null);
  const [refused, setRefused] = useState<string | null>(null);
  useEffect(() => {
    if (pending === checked) setPending(null);
  }, [pending, checked]);
  return (
    <div>
      <label className={`flex items-start gap-3 rounded-lg p-2 ${disabled ? "" : "cursor-pointer hover:bg-paper"}`}>
        <input
          type="checkbox"
          disabled={disabled}
          checked={pending ?? checked}
          aria-describedby={refused ? refusalId : undefined}
          onChange={(e) => {
            const value = e.target.checked;
            setPending(value);
            setRefused(null);
            void Promise.resolve(onChange(value)).then((ack) => {
              const why = refusalOf(ack);
              if (!why) return;
              setPending(null);
              setRefused(say(why));
            });
          }}
          className="mt-1 h-5 w-5 accent-brand"
        />
        <span>
          <span className="block font-semibold">{label}</span>
          <span className="block text-sm text-ink-soft">{hint}</span>
        </span>
      </label>
      {refused ? (
        <p id={refusalId} role="alert" className="field-error ms-10 mt-0 text-sm">
          {refused}
        </p>
      ) : null}
    </div>
  );
}

/** A board on the facilitator's laptop: the wall, its settings, and the funnel to other boards. */
export function FacilitatorBoard({
  slug,
  eventName,
  boardId,
  otherBoards,
}: {
  slug: string;
  eventName: string;
  boardId: string;
  otherBoards: BoardSummary[];
}) {
  const t = useTranslations("console.board");
  const board = useBoard(boardId);
  const voting = useVoting(boardId);
  const tallies = voting.tally?.tallies ?? null;
  const [selection, setSelection] = useState<{ noteIds: string[]; groupIds: string[] }>({ noteIds: [], groupIds: [] });
  const selectedCount = selection.noteIds.length + selection.groupIds.length;
  // The event's boards as they are now (a board made after this page opened is there too).
  const liveBoards = useBoardList();
  const targets = useMemo(() => (liveBoards ?? otherBoards).filter((b) => b.id !== boardId), [liveBoards, otherBoards, boardId]);
  const ta = useTranslations("activity.boardChoice");
  const labels = useMemo(
    () =>
      boardChoiceLabels(targets, {
        withTeam: (title, team) => ta("withTeam", { title, team }),
        numbered: (name, n, of) => ta("numbered", { name, n, of }),
      }),
    [targets, ta],
  );
  const [chosen, setTarget] = useState<string | null>(null);
  const target = chosen ?? targets.find((b) => b.teamId === null)?.id ?? targets[0]?.id ?? "";
  const [feedback, setFeedback] = useState<string | null>(null);
  const settings = board.state?.board;
  // Notes written without names keep the board anonymous (the server refuses names over them).
  const anonymousKept = !!settings?.anonymous && Object.keys(board.state?.notes ?? {}).length > 0;

  const copy = async () => {
    const ack = await board.copyTo(target, selection.noteIds, selection.groupIds);
    if (!ack) return;
    const to = labels.get(target) ?? t("funnel.theBoard");
    setFeedback(ack.ok ? t("funnel.copied", { count: ack.result.notes.length, board: to }) : ack.error.message);
  };

  return (
    <div className="min-h-dvh">
      <SkipLinks
        links={[
          { href: `#wall-${boardId}`, label: t("skip.board") },
          { href: "#vote-title", label: t("skip.voting") },
          { href: "#settings-title", label: t("skip.settings") },
          { href: "#funnel-title", label: t("skip.funnel") },
        ]}
      />
      <header className="border-b border-line bg-white">
        <div className="mx-auto flex max-w-[1800px] flex-wrap items-center justify-between gap-4 px-6 py-3">
          <div className="flex min-w-0 flex-wrap items-center gap-4">
            <Wordmark />
            <span className="hidden h-6 w-px bg-line sm:block" />
            <Link href={`/f/${slug}`} className="link min-w-0 break-words">
              {t("console", { event: eventName })}
            </Link>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <ConnectionPill />
            <Link href={`/s/${slug}/b/${boardId}`} target="_blank" className="btn btn-secondary">
              {t("project")}
            </Link>
          </div>
        </div>
      </header>
      <main className="mx-auto grid max-w-[1800px] gap-6 px-6 py-6 xl:grid-cols-[1fr_320px]">
        <h1 className="sr-only">{t("heading", { title: settings?.title ?? "" })}</h1>
        <div className="card min-w-0 p-5">
          <WallBoardView
            boardId={boardId}
            board={board}
            interactive
            moderate
            tallies={tallies}
            counts={tallyCounts(voting)}
            onSelectionChange={setSelection}
          />
          {settings?.template === "map" ? null : (
            <>
              <p className="mt-4 text-sm text-ink-soft">{t("dragHint")}</p>
              <WallShortcuts />
            </>
          )}
        </div>
        {settings ? (
          <aside className="space-y-6">
            {settings.template === "map" ? <MapUpload boardId={boardId} board={board} hasMap={settings.mapUrl !== null} /> : null}
            <VotePanel slug={slug} voting={voting} board={board.state} />
            <section aria-labelledby="settings-title" className="card space-y-2 p-5">
              <h2 id="settings-title" className="text-lg font-bold">
                {t("settings.title")}
              </h2>
              <Toggle
                label={t("settings.locked")}
                hint={t("settings.lockedHint")}
                checked={settings.locked}
                onChange={(locked) => board.updateBoard({ locked })}
              />
              <Toggle
                label={t("settings.anonymous")}
                hint={anonymousKept ? t("settings.anonymousKept") : t("settings.anonymousHint")}
                checked={settings.anonymous}
                disabled={anonymousKept}
                onChange={(anonymous) => board.updateBoard({ anonymous })}
              />
              <Toggle
                label={t("settings.hidden")}
                hint={t("settings.hiddenHint")}
                checked={settings.hiddenUntilReveal}
                onChange={(hiddenUntilReveal) => board.updateBoard({ hiddenUntilReveal })}
              />
              {settings.hiddenUntilReveal && !settings.revealed ? (
                <button type="button" className="btn btn-primary w-full" onClick={() => void board.reveal()}>
                  {t("settings.reveal")}
                </button>
              ) : null}
            </section>
            <section aria-labelledby="funnel-title" className="card space-y-3 p-5">
              <h2 id="funnel-title" className="text-lg font-bold">
                {t("funnel.title")}
              </h2>
              <p className="text-sm text-ink-soft">{t("funnel.hint")}</p>
              <label htmlFor="copy-target" className="field-label">
                {t("funnel.copyTo")}
              </label>
              <select id="copy-target" value={target} onChange={(e) => setTarget(e.target.value)} className="field-input">
                {targets.map((b) => (
                  <option key={b.id} value={b.id}>
                    {labels.get(b.id)}
                  </option>
                ))}
              </select>
              <button type="button" className="btn btn-primary w-full" disabled={selectedCount === 0 || !target} onClick={copy}>
                {t("funnel.copy", { count: selectedCount })}
              </button>
              <output aria-live="polite" className="block text-sm font-semibold">
                {feedback}
              </output>
            </section>
          </aside>
        ) : null}
      </main>
    </div>
  );
}
