"use client";

import Link from "next/link";
import { useState } from "react";
import { RoomTimer } from "@/app/live/room-timer";
import type { BoardSummary } from "@/lib/boards/find-boards";
import { plural } from "@/lib/plural";
import { useConnection } from "@/lib/realtime/client/react";
import { useServerNow } from "@/lib/realtime/client/server-clock";
import { useVoting } from "@/lib/realtime/client/use-voting";
import type { CommandName, CommandPayload, PhaseView, RoomView, WallChoice } from "@/lib/realtime/contract";
import { nextPhase, phaseStatus } from "@/lib/room/phases";
import { wallLabel } from "@/lib/room/walls";

/** Sends a facilitator command and keeps its refusal, in plain words, for the panel to show. */
function useRoomCommand() {
  const connection = useConnection();
  const [message, setMessage] = useState<string | null>(null);
  const run = async <N extends CommandName>(name: N, payload: CommandPayload<N>) => {
    if (!connection) return;
    const sent = connection.send(name, payload);
    const ack = await sent.done;
    if (ack.ok) setMessage(null);
    else {
      connection.dismiss(sent.id); // the panel says why; a refused click is not worth keeping
      setMessage(ack.error.issues?.[0]?.message ?? ack.error.message);
    }
  };
  return { run, message };
}

const ago = (ms: number) => {
  const s = Math.max(0, Math.round(ms / 1000));
  return s < 60 ? "just now" : s < 3600 ? `${Math.floor(s / 60)} min ago` : `${Math.floor(s / 3600)} h ago`;
};

function LastChange({ room }: { room: RoomView }) {
  const now = useServerNow(15_000);
  const change = room.lastChange;
  if (!change) return null;
  return (
    <div className="space-y-2">
      <p className="text-sm text-ink-soft" data-testid="room-last-change">
        <span className="font-semibold text-ink">{change.by}</span> {change.text} · {ago(now - change.at)}
      </p>
      {change.replaced ? (
        // Both people see this: the one whose change stands, and the one whose change it replaced.
        <p role="status" className="rounded-lg bg-sun/30 px-3 py-2 text-sm font-semibold" data-testid="room-replaced">
          {change.by} {change.text}, replacing {change.replaced.by}'s change moments before ({change.replaced.text}).
        </p>
      ) : null}
    </div>
  );
}

function AgendaPanel({ room, agenda, slug, locked }: { room: RoomView; agenda: PhaseView[]; slug: string; locked: boolean }) {
  const { run, message } = useRoomCommand();
  const current = room.phase?.id ?? null;
  const next = nextPhase(agenda, current);
  return (
    <section aria-labelledby="agenda-title" className="card space-y-4 p-5">
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="agenda-title" className="text-lg font-bold">
          Agenda
        </h2>
        <Link href={`/o/${slug}/edit`} className="link text-sm">
          Edit the agenda
        </Link>
      </div>
      <p className="text-sm" data-testid="console-phase">
        Now: <strong>{room.phase?.name ?? "not started"}</strong>
      </p>
      {agenda.length === 0 ? (
        <p className="text-ink-soft">No phases yet. Add them to the event's agenda to run the room by phase.</p>
      ) : (
        <ol className="divide-y divide-line rounded-xl ring-1 ring-line">
          {agenda.map((p) => {
            const status = phaseStatus(agenda, current, p.id);
            return (
              <li
                key={p.id}
                aria-current={status === "now" ? "step" : undefined}
                className={`flex items-center justify-between gap-3 px-3 py-2 ${status === "now" ? "bg-brand-soft" : ""}`}
              >
                <span className={status === "done" ? "text-ink-soft" : "font-semibold"}>
                  {p.name}
                  {status === "now" ? <span className="ml-2 text-sm font-bold text-brand">now</span> : null}
                </span>
                {status !== "now" ? (
                  <button
                    type="button"
                    className="btn btn-secondary min-h-10 px-3 py-1 text-sm"
                    disabled={locked}
                    onClick={() => void run("phase:start", { phaseId: p.id })}
                  >
                    Start<span className="sr-only"> {p.name}</span>
                  </button>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      {message ? (
        <p role="alert" className="field-error">
          {message}
        </p>
      ) : null}
      <button
        type="button"
        className="btn btn-primary w-full"
        disabled={!next || locked}
        onClick={() => void run("phase:next", { fromPhaseId: current })}
      >
        {next ? `Start next phase: ${next.name}` : agenda.length ? "This is the last phase" : "Start next phase"}
      </button>
    </section>
  );
}

function TimerPanel({ room, locked }: { room: RoomView; locked: boolean }) {
  const { run, message } = useRoomCommand();
  const [minutes, setMinutes] = useState("5");
  const running = room.timer.status === "running";
  const asMinutes = () => {
    const m = Number(minutes.replace(",", "."));
    return Number.isFinite(m) && m > 0 ? m : undefined;
  };
  return (
    <section aria-labelledby="timer-title" className="card space-y-4 p-5">
      <h2 id="timer-title" className="text-lg font-bold">
        Timer
      </h2>
      <RoomTimer timer={room.timer} size="console" testId="console-timer" />
      {/* A disabled fieldset disables every control in it, and says so to screen readers. */}
      <fieldset disabled={locked} className="space-y-4">
        <div className="grid grid-cols-2 gap-2">
          {running ? (
            <button type="button" className="btn btn-primary" onClick={() => void run("timer:pause", {})}>
              Pause
            </button>
          ) : (
            <button type="button" className="btn btn-primary" onClick={() => void run("timer:start", {})}>
              {room.timer.status === "paused" ? "Resume" : "Start timer"}
            </button>
          )}
          <button type="button" className="btn btn-secondary" onClick={() => void run("timer:extend", { seconds: 60 })}>
            + 1 minute
          </button>
        </div>
        <form
          className="flex items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void run("timer:reset", { minutes: asMinutes() });
          }}
        >
          <div className="flex-1">
            <label htmlFor="timer-minutes" className="field-label text-sm">
              Minutes
            </label>
            <input
              id="timer-minutes"
              inputMode="decimal"
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
              className="field-input"
            />
          </div>
          <button type="submit" className="btn btn-secondary">
            Reset
          </button>
          <button type="button" className="btn btn-secondary" onClick={() => void run("timer:start", { minutes: asMinutes() })}>
            Start fresh
          </button>
        </form>
      </fieldset>
      {message ? (
        <p role="alert" className="field-error">
          {message}
        </p>
      ) : null}
    </section>
  );
}

const simpleWalls: { choice: WallChoice; label: string }[] = [
  { choice: { kind: "join" }, label: "Join" },
  { choice: { kind: "teams" }, label: "Teams" },
  { choice: { kind: "agenda" }, label: "Agenda" },
  { choice: { kind: "announcement" }, label: "Announcement" },
  { choice: { kind: "rotate" }, label: "Team boards in turn" },
  { choice: { kind: "presentations" }, label: "Presentations" },
];

/** A vote opened from the console: the vote panel's defaults (3 dots each, one per note, no time limit). */
const quickVote = { dotsPerPerson: 3, maxPerTarget: 1, talliesLive: false, minutes: null, shortlistSize: 8 };

/**
 * Lock, reveal and run a vote on a board without leaving the console: the same commands as the
 * board's own page, and the board's live state (every console sees a lock at once).
 */
function BoardQuickControls({ board }: { board: BoardSummary }) {
  const { run, message } = useRoomCommand();
  const voting = useVoting(board.id);
  const round = voting.round;
  const on = (what: string) => <span className="sr-only"> {`${what} ${board.title}`}</span>;
  const small = "btn btn-secondary min-h-10 px-3 py-1 text-sm";
  const status = round?.status === "open" ? "Vote open" : round?.status === "closed" ? "Vote closed, not revealed" : null;
  return (
    <div className="w-full space-y-1" data-testid="board-quick-controls">
      <div className="flex flex-wrap items-center gap-2">
        <button
          type="button"
          aria-pressed={board.locked}
          className={board.locked ? "btn btn-primary min-h-10 px-3 py-1 text-sm" : small}
          onClick={() => void run("board:update", { boardId: board.id, locked: !board.locked })}
        >
          {board.locked ? "Locked: unlock" : "Lock"}
          {on("board")}
        </button>
        {board.hiddenUntilReveal && !board.revealed ? (
          <button type="button" className={small} onClick={() => void run("board:reveal", { boardId: board.id })}>
            Reveal notes{on("on")}
          </button>
        ) : null}
        {!round || round.status === "revealed" ? (
          <button type="button" className={small} onClick={() => void voting.open(quickVote)}>
            Open a vote{on("on")}
          </button>
        ) : round.status === "open" ? (
          <button type="button" className={small} onClick={() => void voting.close()}>
            Close the vote{on("on")}
          </button>
        ) : (
          <button type="button" className={small} onClick={() => void voting.reveal()}>
            Reveal the votes{on("on")}
          </button>
        )}
        {status ? (
          <span className="text-xs font-semibold text-ink-soft" data-testid="quick-vote-status">
            {status}
            {voting.tally ? ` · ${plural(voting.tally.voters, "person", "people")} voted` : ""}
          </span>
        ) : null}
      </div>
      {message || voting.message ? (
        <p role="alert" className="field-error mt-0 text-sm">
          {message ?? voting.message}
        </p>
      ) : null}
    </div>
  );
}

function ScreenPanel({ room, boards, locked }: { room: RoomView; boards: BoardSummary[]; locked: boolean }) {
  const { run, message } = useRoomCommand();
  const [nudge, setNudge] = useState(true);
  const wall = room.wall;
  const onScreen = (choice: WallChoice) =>
    choice.kind === wall.kind && (!("boardId" in choice) || ("boardId" in wall && wall.boardId === choice.boardId));
  const boardTitle = "boardId" in wall ? (boards.find((b) => b.id === wall.boardId)?.title ?? null) : null;
  const show = (choice: WallChoice) => void run("screen:show", { wall: choice, nudge });
  return (
    <section aria-labelledby="screen-title" className="card space-y-4 p-5">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="screen-title" className="text-lg font-bold">
          Big screen
        </h2>
        <p className="text-sm" data-testid="console-wall">
          Showing <strong>{wallLabel(wall, boardTitle)}</strong>
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        {simpleWalls.map(({ choice, label }) => (
          <button
            key={choice.kind}
            type="button"
            aria-pressed={onScreen(choice)}
            disabled={locked}
            className={`btn min-h-10 px-3 py-1 text-sm ${onScreen(choice) ? "btn-primary" : "btn-secondary"}`}
            onClick={() => show(choice)}
          >
            {label}
          </button>
        ))}
      </div>
      <label className="flex items-center gap-2 text-sm font-semibold">
        <input type="checkbox" checked={nudge} onChange={(e) => setNudge(e.target.checked)} className="h-5 w-5" />
        When I show a board or a vote, invite phones there too
      </label>
      {boards.length > 0 ? (
        <ul className="divide-y divide-line rounded-xl ring-1 ring-line">
          {boards.map((b) => (
            <li key={b.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2" data-testid="screen-board-row">
              <span className="min-w-0">
                <span className="block font-semibold">{b.title}</span>
                <span className="block text-xs text-ink-soft">
                  {b.teamId === null ? "Whole room" : `Team: ${b.teamName ?? ""}`}
                  {b.locked ? " · locked" : ""}
                </span>
              </span>
              <span className="flex flex-wrap gap-2">
                <button
                  type="button"
                  aria-pressed={onScreen({ kind: "board", boardId: b.id })}
                  disabled={locked}
                  className={`btn min-h-10 px-3 py-1 text-sm ${onScreen({ kind: "board", boardId: b.id }) ? "btn-primary" : "btn-secondary"}`}
                  onClick={() => show({ kind: "board", boardId: b.id })}
                >
                  Show board<span className="sr-only"> {b.title}</span>
                </button>
                <button
                  type="button"
                  aria-pressed={onScreen({ kind: "votes", boardId: b.id })}
                  disabled={locked}
                  className={`btn min-h-10 px-3 py-1 text-sm ${onScreen({ kind: "votes", boardId: b.id }) ? "btn-primary" : "btn-secondary"}`}
                  onClick={() => show({ kind: "votes", boardId: b.id })}
                >
                  Show votes<span className="sr-only"> on {b.title}</span>
                </button>
              </span>
              <BoardQuickControls board={b} />
            </li>
          ))}
        </ul>
      ) : null}
      {message ? (
        <p role="alert" className="field-error">
          {message}
        </p>
      ) : null}
    </section>
  );
}

/**
 * The facilitator's controls for the room: agenda, timer and the big screen. `lockedBy`: the
 * lead who locked them (the server refuses these changes from anyone else; this says why first).
 */
export function RoomControls({
  room,
  agenda,
  boards,
  slug,
  lockedBy = null,
}: {
  room: RoomView | null;
  agenda: PhaseView[];
  boards: BoardSummary[];
  slug: string;
  lockedBy?: string | null;
}) {
  if (!room) return <p className="card p-5 text-ink-soft">Connecting to the room…</p>;
  const locked = lockedBy !== null;
  return (
    <div className="space-y-3">
      <LastChange room={room} />
      {locked ? (
        <p role="status" className="rounded-lg bg-brand-soft px-4 py-3 font-semibold" data-testid="controls-locked">
          {lockedBy} leads and has locked the room controls: only they change phases, the timer and the big screen. Boards, votes
          and moderation are still yours. Ask {lockedBy} to unlock them or to hand you the lead.
        </p>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-[1fr_1fr_1.4fr]">
        <AgendaPanel room={room} agenda={agenda} slug={slug} locked={locked} />
        <TimerPanel room={room} locked={locked} />
        <ScreenPanel room={room} boards={boards} locked={locked} />
      </div>
    </div>
  );
}
