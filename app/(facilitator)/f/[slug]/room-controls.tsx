"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { RoomTimer } from "@/app/live/room-timer";
import { activityBy, activityText } from "@/lib/activity/activity-message";
import type { BoardSummary } from "@/lib/boards/find-boards";
import { useOutboxText } from "@/lib/realtime/client/outbox-text";
import { useConnection } from "@/lib/realtime/client/react";
import { refusalOf } from "@/lib/realtime/client/refusal";
import { useServerNow } from "@/lib/realtime/client/server-clock";
import type { CommandName, CommandPayload, PhaseView, RoomView, WallChoice } from "@/lib/realtime/contract";
import { replacements } from "@/lib/room/lead";
import { nextPhase, phaseStatus } from "@/lib/room/phases";

/**
 * Sends a facilitator command and keeps its refusal, in plain words, for the panel to show. Room
 * controls are sent now or refused now (lib/realtime/client/room-controls.ts): never kept for later.
 */
export function useRoomCommand() {
  const connection = useConnection();
  const say = useOutboxText();
  const [message, setMessage] = useState<string | null>(null);
  const run = async <N extends CommandName>(name: N, payload: CommandPayload<N>) => {
    if (!connection) return;
    const sent = connection.send(name, payload);
    const ack = await sent.done;
    const refused = refusalOf(ack);
    // The panel says why; a refused click is not worth keeping.
    if (refused) connection.dismiss(sent.id);
    setMessage(refused && say(refused));
  };
  return { run, message };
}

const sr = (chunks: React.ReactNode) => <span className="sr-only">{chunks}</span>;
const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

export function LastChange({ room }: { room: RoomView }) {
  const t = useTranslations("console.room");
  const ta = useTranslations("activity");
  const now = useServerNow(15_000);
  const ago = (ms: number) => {
    const s = Math.max(0, Math.round(ms / 1000));
    return s < 60
      ? t("justNow")
      : s < 3600
        ? t("minutesAgo", { count: Math.floor(s / 60) })
        : t("hoursAgo", { count: Math.floor(s / 3600) });
  };
  const change = room.lastChange;
  if (!change) return null;
  const replacing = replacements(room.changes, now);
  return (
    <div className="space-y-2">
      <p className="text-sm text-ink-soft" data-testid="room-last-change">
        {t.rich("lastChange", {
          by: activityBy(ta, change),
          change: activityText(ta, change),
          ago: ago(now - change.at),
          who: (chunks) => <span className="font-semibold text-ink">{chunks}</span>,
        })}
      </p>
      {/* Both people see these: the one whose change stands, and the one whose change it replaced. */}
      {replacing.map((c) =>
        c.replaced ? (
          <p
            key={c.what}
            role="status"
            className="rounded-lg bg-sun/30 px-3 py-2 text-sm font-semibold"
            data-testid="room-replaced"
          >
            {t("replaced", {
              by: activityBy(ta, c),
              change: activityText(ta, c),
              otherBy: activityBy(ta, c.replaced),
              otherChange: activityText(ta, c.replaced),
            })}
          </p>
        ) : null,
      )}
    </div>
  );
}

export function AgendaPanel({
  room,
  agenda,
  slug,
  locked,
  canEdit,
}: {
  room: RoomView;
  agenda: PhaseView[];
  slug: string;
  locked: boolean;
  /** An organiser's: the agenda's editor is theirs alone, so a facilitator is sent to them, not to a page that refuses. */
  canEdit: boolean;
}) {
  const t = useTranslations("console.agenda");
  const { run, message } = useRoomCommand();
  const current = room.phase?.id ?? null;
  const next = nextPhase(agenda, current);
  return (
    <section id="agenda" aria-labelledby="agenda-title" className="card scroll-mt-20 space-y-4 p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="agenda-title" className="text-lg font-bold">
          {t("title")}
        </h2>
        {canEdit ? (
          <Link href={`/o/${slug}/edit`} className="link text-sm">
            {t("edit")}
          </Link>
        ) : null}
      </div>
      <p className="text-sm" data-testid="console-phase">
        {room.phase ? t.rich("now", { phase: room.phase.name, strong }) : t.rich("nowNotStarted", { strong })}
      </p>
      {agenda.length === 0 ? (
        <p className="text-ink-soft">{canEdit ? t("empty") : t("emptyAskOrganiser")}</p>
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
                  {status === "now" ? <span className="ms-2 text-sm font-bold text-brand">{t("nowBadge")}</span> : null}
                </span>
                {status !== "now" ? (
                  <button
                    type="button"
                    className="btn btn-secondary min-h-10 px-3 py-1 text-sm"
                    disabled={locked}
                    onClick={() => void run("phase:start", { phaseId: p.id })}
                  >
                    {t.rich("start", { phase: p.name, sr })}
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
        {next ? t("startNextNamed", { phase: next.name }) : agenda.length ? t("last") : t("startNext")}
      </button>
    </section>
  );
}

export function TimerPanel({ room, locked }: { room: RoomView; locked: boolean }) {
  const t = useTranslations("console.timer");
  const { run, message } = useRoomCommand();
  const [minutes, setMinutes] = useState("5");
  const running = room.timer.status === "running";
  // Blank: the timer's own length. Anything else goes as typed, so a bad value ("0", "-5", "ten")
  // is refused with the server's reason, said in the reader's language, never dropped in silence.
  const asMinutes = (): number | undefined => {
    const typed = minutes.trim();
    if (!typed) return undefined;
    const m = Number(typed.replace(",", "."));
    return (Number.isFinite(m) ? m : typed) as number;
  };
  return (
    <section id="timer" aria-labelledby="timer-title" className="card scroll-mt-20 space-y-4 p-4">
      <h2 id="timer-title" className="text-lg font-bold">
        {t("title")}
      </h2>
      <RoomTimer timer={room.timer} size="console" testId="console-timer" />
      {/* A disabled fieldset disables every control in it, and says so to screen readers. */}
      <fieldset disabled={locked} className="space-y-4">
        <div className="grid grid-cols-2 gap-2">
          {running ? (
            <button type="button" className="btn btn-primary" onClick={() => void run("timer:pause", {})}>
              {t("pause")}
            </button>
          ) : (
            <button type="button" className="btn btn-primary" onClick={() => void run("timer:start", {})}>
              {room.timer.status === "paused" ? t("resume") : t("start")}
            </button>
          )}
          <button type="button" className="btn btn-secondary" onClick={() => void run("timer:extend", { seconds: 60 })}>
            {t("extend")}
          </button>
        </div>
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            void run("timer:reset", { minutes: asMinutes() });
          }}
        >
          <div className="min-w-24 flex-1">
            <label htmlFor="timer-minutes" className="field-label text-sm">
              {t("minutes")}
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
            {t("reset")}
          </button>
          <button type="button" className="btn btn-secondary" onClick={() => void run("timer:start", { minutes: asMinutes() })}>
            {t("startFresh")}
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

const simpleWalls = [
  { kind: "join" },
  { kind: "teams" },
  { kind: "agenda" },
  { kind: "announcement" },
  { kind: "rotate" },
  { kind: "presentations" },
] as const satisfies WallChoice[];

/** A vote opened from the console: the vote panel's defaults (3 dots each, one per note, no time limit). */
export const quickVote = { dotsPerPerson: 3, maxPerTarget: 1, talliesLive: false, minutes: null, shortlistSize: 8 };

/** Whether `choice` is what the big screen shows now. */
export const isOnScreen = (wall: RoomView["wall"], choice: WallChoice) =>
  choice.kind === wall.kind && (!("boardId" in choice) || ("boardId" in wall && wall.boardId === choice.boardId));

/**
 * What the big screen shows: the walls that are not a board (each board is put on the screen from
 * its row in the list of boards). `nudge` is shared with those rows.
 */
export function ScreenPanel({
  room,
  boards,
  locked,
  nudge,
  onNudge,
}: {
  room: RoomView;
  boards: BoardSummary[];
  locked: boolean;
  nudge: boolean;
  onNudge: (nudge: boolean) => void;
}) {
  const t = useTranslations("console.screen");
  const { run, message } = useRoomCommand();
  const wall = room.wall;
  const boardTitle = "boardId" in wall ? (boards.find((b) => b.id === wall.boardId)?.title ?? null) : null;
  const show = (choice: WallChoice) => void run("screen:show", { wall: choice, nudge });
  return (
    <section id="screen" aria-labelledby="screen-title" className="card scroll-mt-20 space-y-3 p-4">
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <h2 id="screen-title" className="text-lg font-bold">
          {t("title")}
        </h2>
        <p className="min-w-0 break-words text-sm" data-testid="console-wall">
          {t.rich("showing", {
            wall: boardTitle !== null ? t("wallOf", { kind: wall.kind, title: boardTitle }) : t("wall", { kind: wall.kind }),
            strong,
          })}
        </p>
      </div>
      <div className="flex flex-wrap gap-2">
        {simpleWalls.map((choice) => (
          <button
            key={choice.kind}
            type="button"
            aria-pressed={isOnScreen(wall, choice)}
            disabled={locked}
            className={`btn min-h-10 px-3 py-1 text-sm ${isOnScreen(wall, choice) ? "btn-primary" : "btn-secondary"}`}
            onClick={() => show(choice)}
          >
            {t(`walls.${choice.kind}`)}
          </button>
        ))}
      </div>
      <label className="flex items-center gap-2 text-sm font-semibold">
        <input type="checkbox" checked={nudge} onChange={(e) => onNudge(e.target.checked)} className="h-5 w-5 shrink-0" />
        {t("nudge")}
      </label>
      <p className="text-sm text-ink-soft">
        {t.rich("boardsHint", {
          link: (chunks) => (
            <a href="#boards" className="link">
              {chunks}
            </a>
          ),
        })}
      </p>
      {message ? (
        <p role="alert" className="field-error">
          {message}
        </p>
      ) : null}
    </section>
  );
}

/** Who changed the room last, and why these controls are locked if a lead locked them. */
export function RoomNotices({ room, lockedBy }: { room: RoomView; lockedBy: string | null }) {
  const t = useTranslations("console.room");
  return (
    <div className="space-y-3 empty:hidden">
      <LastChange room={room} />
      {lockedBy !== null ? (
        <p role="status" className="rounded-lg bg-brand-soft px-4 py-3 font-semibold" data-testid="controls-locked">
          {t("locked", { name: lockedBy })}
        </p>
      ) : null}
    </div>
  );
}
