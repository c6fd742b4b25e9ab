"use client";

import Link from "next/link";
import { useState } from "react";
import type { BoardState } from "@/lib/boards/board-state";
import { formatClock } from "@/lib/events/event-dates";
import { plural } from "@/lib/plural";
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

/** The facilitator's dot-voting controls for one board: settings, then open → close → reveal → shortlist. */
export function VotePanel({ slug, voting, board }: { slug: string; voting: VotingHandle; board: BoardState | null }) {
  const { round, tally } = voting;
  const [dots, setDots] = useState(3);
  const [perNote, setPerNote] = useState(1);
  const [live, setLive] = useState(false);
  const [minutes, setMinutes] = useState(0);
  const [size, setSize] = useState(8);
  const [targets, setTargets] = useState<"notes" | "groups" | "both">("notes");
  const [onlyColumns, setOnlyColumns] = useState<string[]>([]);
  const [picked, setPicked] = useState<string[]>([]);
  const [title, setTitle] = useState("Shortlist");
  const secondsLeft = useSecondsLeft(round?.status === "open" ? round.endsAt : null);
  const running = round?.status === "open";

  return (
    <section aria-labelledby="vote-title" className="card space-y-4 p-5">
      <h2 id="vote-title" className="text-lg font-bold">
        Dot-voting
      </h2>
      {voting.message ? (
        <p role="alert" className="field-error">
          {voting.message}
        </p>
      ) : null}

      {running ? (
        <div className="space-y-3">
          <p className="rounded-lg bg-coral px-3 py-2 font-semibold text-white" role="status">
            Voting is open{secondsLeft !== null ? `: ${clock(secondsLeft)} left` : ""}
          </p>
          <p data-testid="vote-progress">
            <strong>{plural(tally?.voters ?? 0, "person", "people")}</strong> voted · {plural(tally?.dotsUsed ?? 0, "dot")} used
          </p>
          <p className="text-sm text-ink-soft">
            {plural(round.dotsPerPerson, "dot")} each, up to {round.maxPerTarget} on one note. Tallies{" "}
            {round.talliesLive ? "are live" : "are hidden until you reveal them"}.
          </p>
          <button type="button" className="btn btn-primary w-full" onClick={() => void voting.close()}>
            Close voting
          </button>
        </div>
      ) : null}

      {round?.status === "closed" ? (
        <div className="space-y-3">
          <p data-testid="vote-progress">
            Voting closed: <strong>{plural(tally?.voters ?? 0, "person", "people")}</strong> voted,{" "}
            {plural(tally?.dotsUsed ?? 0, "dot")} used.
          </p>
          <button type="button" className="btn btn-primary w-full" onClick={() => void voting.reveal()}>
            Reveal the results
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
              Open the shortlist board
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
                New board for the shortlist
              </label>
              <input
                id="shortlist-title"
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                maxLength={80}
                className="field-input"
              />
              <button type="submit" className="btn btn-primary w-full">
                Carry the shortlist into a new board
              </button>
            </form>
          )}
        </div>
      ) : null}

      {voting.history.length > 0 ? (
        <details className="text-sm">
          <summary className="cursor-pointer font-semibold">Earlier rounds on this board ({voting.history.length})</summary>
          <ul className="mt-2 space-y-1">
            {voting.history.map((r) => (
              <li key={r.id}>
                {formatClock(r.createdAt)}: {r.dotsPerPerson} dots each, {r.status === "revealed" ? "revealed" : r.status}
                {r.shortlist ? `, ${plural(r.shortlist.length, "note")} carried forward` : ""}
              </li>
            ))}
          </ul>
        </details>
      ) : null}

      {!running ? (
        <details className="rounded-lg bg-paper p-3" open={!round}>
          <summary className="cursor-pointer font-semibold">{round ? "Start another round" : "Start a vote"}</summary>
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
              <NumberField id="vote-dots" label="Dots each" value={dots} onChange={setDots} min={1} max={20} />
              <NumberField id="vote-per-note" label="Most on one note" value={perNote} onChange={setPerNote} min={1} max={20} />
              <NumberField
                id="vote-minutes"
                label="Minutes (0: no limit)"
                value={minutes}
                onChange={setMinutes}
                min={0}
                max={180}
              />
              <NumberField id="vote-shortlist" label="Shortlist size" value={size} onChange={setSize} min={1} max={50} />
            </div>
            <div>
              <label htmlFor="vote-targets" className="field-label text-sm">
                Dots go on
              </label>
              <select
                id="vote-targets"
                value={targets}
                onChange={(e) => setTargets(e.target.value as typeof targets)}
                className="field-input"
              >
                <option value="notes">Single notes</option>
                <option value="groups">Groups</option>
                <option value="both">Notes and groups</option>
              </select>
            </div>
            {board && board.board.columns.length > 1 ? (
              <fieldset>
                <legend className="field-label text-sm">Only these columns (none ticked: all)</legend>
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
              Show tallies while people vote
            </label>
            <button type="submit" className="btn btn-primary w-full">
              Start voting
            </button>
          </form>
        </details>
      ) : null}
    </section>
  );
}
