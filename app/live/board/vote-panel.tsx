"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { CountedInput } from "@/app/ui/counted-input";
import type { BoardState } from "@/lib/boards/board-state";
import { formatClock } from "@/lib/events/event-dates";
import type { VotingHandle } from "@/lib/realtime/client/use-voting";
import { clock, useSecondsLeft } from "./vote-banner";
import { VoteResults } from "./vote-results";

function NumberField({
  id,
  label,
  value,
  onChange,
  min,
  max,
}: {
  id: string;
  label: string;
  value: number;
  onChange: (v: number) => void;
  min: number;
  max: number;
}) {
  return (
    <div>
      <label htmlFor={id} className="field-label text-sm">
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
        className="field-input"
      />
    </div>
  );
}

const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

/** The facilitator's dot-voting controls for one board: settings, then open → close → reveal → shortlist. */
export function VotePanel({ slug, voting, board }: { slug: string; voting: VotingHandle; board: BoardState | null }) {
  const t = useTranslations("vote");
  const { round, tally } = voting;
  const [dots, setDots] = useState(3);
  const [perNote, setPerNote] = useState(1);
  const [live, setLive] = useState(false);
  const [minutes, setMinutes] = useState(0);
  const [size, setSize] = useState(8);
  const [targets, setTargets] = useState<"notes" | "groups" | "both">("notes");
  const [onlyColumns, setOnlyColumns] = useState<string[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [title, setTitle] = useState(() => t("panel.shortlistDefault"));
  const secondsLeft = useSecondsLeft(round?.status === "open" ? round.endsAt : null);
  const running = round?.status === "open";

  return (
    <section aria-labelledby="vote-title" className="card space-y-4 p-5">
      <h2 id="vote-title" className="text-lg font-bold">
        {t("panel.title")}
      </h2>
      {voting.message ? (
        <p role="alert" className="field-error">
          {voting.message}
        </p>
      ) : null}

      {running ? (
        <div className="space-y-3">
          <p className="rounded-lg bg-coral px-3 py-2 font-semibold text-white" role="status">
            {secondsLeft !== null ? t("panel.openTimed", { time: clock(secondsLeft) }) : t("panel.open")}
          </p>
          <p data-testid="vote-progress">
            {t.rich("panel.progress", { voters: tally?.voters ?? 0, dots: tally?.dotsUsed ?? 0, strong })}
          </p>
          <p className="text-sm text-ink-soft">
            {t("panel.rules", { dots: round.dotsPerPerson, max: round.maxPerTarget, on: round.targets })}{" "}
            {round.talliesLive ? t("panel.talliesLive") : t("panel.talliesHidden")}
          </p>
          <button type="button" className="btn btn-primary w-full" onClick={() => void voting.close()}>
            {t("panel.close")}
          </button>
        </div>
      ) : null}

      {round?.status === "closed" ? (
        <div className="space-y-3">
          <p data-testid="vote-progress">
            {t.rich("panel.closedProgress", { voters: tally?.voters ?? 0, dots: tally?.dotsUsed ?? 0, strong })}
          </p>
          <button type="button" className="btn btn-primary w-full" onClick={() => void voting.reveal()}>
            {t("panel.reveal")}
          </button>
        </div>
      ) : null}

      {round?.status === "revealed" && board && tally?.tallies ? (
        <div className="space-y-3">
          <VoteResults
            state={board}
            tallies={tally.tallies}
            shortlistSize={round.shortlistSize}
            picked={picked}
            onPick={(id, on) => setPicked((p) => (on ? [...p, id] : p.filter((x) => x !== id)))}
          />
          {round.shortlistBoardId ? (
            <Link href={`/f/${slug}/b/${round.shortlistBoardId}`} className="btn btn-secondary w-full">
              {t("panel.openShortlist")}
            </Link>
          ) : (
            <form
              className="space-y-2"
              onSubmit={(e) => {
                e.preventDefault();
                void voting.carryShortlist(title, picked);
              }}
            >
              <label htmlFor="shortlist-title" className="field-label text-sm">
                {t("panel.shortlistLabel")}
              </label>
              <CountedInput
                id="shortlist-title"
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                maxLength={80}
                className="field-input"
              />
              <button type="submit" className="btn btn-primary w-full">
                {t("panel.carry")}
              </button>
            </form>
          )}
        </div>
      ) : null}

      {voting.history.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer font-semibold">{t("panel.earlier", { count: voting.history.length })}</summary>
          <ul className="mt-2 space-y-1">
            {voting.history.map((r) => (
              <li key={r.id}>
                {r.shortlist
                  ? t("panel.historyRowCarried", {
                      time: formatClock(r.createdAt),
                      dots: r.dotsPerPerson,
                      on: r.targets,
                      status: r.status,
                      count: r.shortlist.length,
                    })
                  : t("panel.historyRow", {
                      time: formatClock(r.createdAt),
                      dots: r.dotsPerPerson,
                      on: r.targets,
                      status: r.status,
                    })}
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      {!running ? (
        <details className="rounded-lg bg-paper p-3" open={!round}>
          <summary className="cursor-pointer font-semibold">{round ? t("panel.startAnother") : t("panel.start")}</summary>
          <form
            className="mt-3 space-y-3"
            onSubmit={(e) => {
              e.preventDefault();
              setPicked([]);
              void voting.open({
                dotsPerPerson: dots,
                maxPerTarget: perNote,
                talliesLive: live,
                minutes: minutes > 0 ? minutes : null,
                shortlistSize: size,
                targets,
                columns: onlyColumns.length > 0 ? onlyColumns : null,
              });
            }}
          >
            <div className="grid grid-cols-2 gap-3">
              <NumberField id="vote-dots" label={t("panel.dotsEach")} value={dots} onChange={setDots} min={1} max={20} />
              <NumberField
                id="vote-per-note"
                label={t("panel.perNote", { on: targets })}
                value={perNote}
                onChange={setPerNote}
                min={1}
                max={20}
              />
              <NumberField id="vote-minutes" label={t("panel.minutes")} value={minutes} onChange={setMinutes} min={0} max={180} />
              <NumberField
                id="vote-shortlist"
                label={t("panel.shortlistSize")}
                value={size}
                onChange={setSize}
                min={1}
                max={50}
              />
            </div>
            <div>
              <label htmlFor="vote-targets" className="field-label text-sm">
                {t("panel.targets")}
              </label>
              <select
                id="vote-targets"
                value={targets}
                onChange={(e) => setTargets(e.target.value as typeof targets)}
                className="field-input"
              >
                <option value="notes">{t("panel.targetNotes")}</option>
                <option value="groups">{t("panel.targetGroups")}</option>
                <option value="both">{t("panel.targetBoth")}</option>
              </select>
            </div>
            {board && board.board.columns.length > 1 ? (
              <fieldset>
                <legend className="field-label text-sm">{t("panel.onlyColumns")}</legend>
                {board.board.columns.map((col) => (
                  <label key={col.key} className="flex items-center gap-2">
                    <input
                      type="checkbox"
                      checked={onlyColumns.includes(col.key)}
                      onChange={(e) =>
                        setOnlyColumns((cs) => (e.target.checked ? [...cs, col.key] : cs.filter((k) => k !== col.key)))
                      }
                      className="h-5 w-5 accent-brand"
                    />
                    {col.title}
                  </label>
                ))}
              </fieldset>
            ) : null}
            <label className="flex items-center gap-2">
              <input
                type="checkbox"
                checked={live}
                onChange={(e) => setLive(e.target.checked)}
                className="h-5 w-5 accent-brand"
              />
              {t("panel.showLive")}
            </label>
            <button type="submit" className="btn btn-primary w-full">
              {t("panel.submit")}
            </button>
          </form>
        </details>
      ) : null}
    </section>
  );
}
