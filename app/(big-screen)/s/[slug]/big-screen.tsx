"use client";

import "./screen.css";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState } from "react";
import { NoteCard } from "@/app/live/note-card";
import { RoomTimer, useRoomTimer } from "@/app/live/room-timer";
import { ConnectionPill } from "@/app/live/status";
import { TeamWall } from "@/app/live/team-wall";
import { MegaphoneIcon } from "@/app/ui/icons";
import { activityBy, activityText } from "@/lib/activity/activity-message";
import { onStage } from "@/lib/presentations/rules";
import { useOutboxText } from "@/lib/realtime/client/outbox-text";
import { useConnection, useEventRoom } from "@/lib/realtime/client/react";
import { useBoardList } from "@/lib/realtime/client/teams";
import { useBoard } from "@/lib/realtime/client/use-board";
import { usePresentations } from "@/lib/realtime/client/use-presentations";
import type { AnnouncementView, BoardListing, PhaseView, RoomView, Wall, WallChoice } from "@/lib/realtime/contract";
import { nextBoardWall, screenShortcut, shortcuts } from "@/lib/room/shortcuts";
import { PresentationsWall } from "./presenter-wall";
import { AgendaWall, BoardWall, RotateWall, VotesWall } from "./walls";

type Props = {
  event: { name: string; place: string };
  join: {
    url: string;
    shortUrl: string;
    code: string;
    qr: string;
    reachableByPhones: boolean;
    /** Taken back to draft: the code opens nothing until it is published (drawn again when that changes). */
    draft: boolean;
    /** "Join on your phone" in the event's extra languages. */
    alsoIn: { code: string; heading: string }[];
  };
  /** The welcome board: drawn from the room's live copy, in the event's language. */
  board: { id: string } | null;
  boards: readonly Pick<BoardListing, "id" | "title" | "teamId" | "teamName">[];
};

type Theme = "dark" | "light";
const themeKey = "madein.screen.theme";

/** The projector's theme: a choice of this screen (a bright hall), kept across reloads. */
function useTheme(): [Theme, () => void] {
  const [theme, setTheme] = useState<Theme>("dark");
  useEffect(() => {
    const asked = new URLSearchParams(window.location.search).get("theme");
    const saved = asked ?? localStorage.getItem(themeKey);
    if (saved === "light" || saved === "dark") setTheme(saved);
  }, []);
  const toggle = useCallback(() => {
    setTheme((t) => {
      const next = t === "dark" ? "light" : "dark";
      localStorage.setItem(themeKey, next);
      return next;
    });
  }, []);
  return [theme, toggle];
}

function JoinPanel({ join }: { join: Props["join"] }) {
  const t = useTranslations("screen.join");
  return (
    <section
      aria-labelledby="join-title"
      className="join-panel flex h-full min-h-0 flex-col items-center justify-center gap-2 rounded-3xl p-6 text-center"
      data-testid="join-panel"
    >
      <h2 id="join-title" className="text-4xl font-extrabold">
        {t("heading")}
      </h2>
      {join.alsoIn.length > 0 ? (
        <p className="text-2xl font-semibold text-ink-soft" data-testid="join-also-in">
          {join.alsoIn.map((l, i) => (
            <span key={l.code}>
              {i > 0 ? <span aria-hidden> · </span> : null}
              <span lang={l.code}>{l.heading}</span>
            </span>
          ))}
        </p>
      ) : null}
      {/*
        The QR code takes all the height the words leave, as a true square (the smaller of the
        box's width and height), so it stays about a third of any projector's height.
      */}
      <div className="flex min-h-0 w-full flex-1 items-center justify-center [container-type:size]">
        {/* biome-ignore lint/performance/noImgElement: a data: URL SVG needs no optimisation */}
        <img
          src={join.qr}
          alt={t("qrAlt", { url: join.url })}
          className="h-[min(100cqw,100cqh)] w-[min(100cqw,100cqh)]"
          data-testid="join-qr"
        />
      </div>
      <p className="text-xl font-semibold text-ink-soft">{t("orGoTo")}</p>
      <p className="max-w-full text-3xl font-bold [overflow-wrap:anywhere]" data-testid="join-url">
        {join.shortUrl}
      </p>
      <p className="flex items-baseline gap-4">
        <span className="text-2xl font-semibold text-ink-soft">{t("code")}</span>
        <span className="font-mono text-6xl font-extrabold tracking-[0.15em]" data-testid="screen-code">
          {join.code}
        </span>
      </p>
      {join.draft ? (
        <p role="note" className="rounded-xl bg-sun px-4 py-2 text-lg font-semibold text-ink" data-testid="join-draft">
          {t("draft")}
        </p>
      ) : null}
      {join.reachableByPhones ? null : (
        <p role="note" className="rounded-xl bg-sun px-4 py-2 text-lg font-semibold text-ink" data-testid="join-unreachable">
          {t("unreachable")}
        </p>
      )}
    </section>
  );
}

/** The default wall: how to join, the latest notes on the welcome wall, and the teams forming. */
function JoinWall({ join, board }: { join: Props["join"]; board: Props["board"] }) {
  const t = useTranslations("screen.welcome");
  const wall = useBoard(board?.id ?? "", { asTheRoom: true });
  const wallNotes = Object.values(wall.state?.notes ?? {}).filter((n) => !n.hidden);
  const latest = wallNotes.sort((a, b) => b.createdAt - a.createdAt).slice(0, 3);
  // The room's live copy, in the event's language: not the stored title, which a rename or a change of language leaves behind.
  const shown = board ? wall.state?.board : undefined;
  return (
    // On a portrait screen the join panel sits above the notes and teams, taking most of the height for its QR code.
    <div className="grid h-full grid-cols-[34rem_minmax(0,1fr)] grid-rows-[minmax(0,1fr)] gap-10 portrait:grid-cols-[minmax(0,1fr)] portrait:grid-rows-[minmax(0,3fr)_minmax(0,2fr)]">
      <JoinPanel join={join} />
      <div className="flex min-h-0 min-w-0 flex-col gap-6 overflow-hidden">
        {shown ? (
          <section aria-labelledby="welcome-title" className="shrink-0">
            <h2 id="welcome-title" className="mb-4 text-3xl font-bold">
              {shown.title}
              <span className="ms-4 text-2xl font-semibold text-white/70">{t("noteCount", { count: wallNotes.length })}</span>
            </h2>
            {latest.length === 0 ? (
              <p className="rounded-2xl bg-stage-raised p-8 text-3xl text-white/80">
                {t("empty", { columns: shown.columns.map((c) => c.title).join(" · ") })}
              </p>
            ) : (
              <ul className="grid grid-cols-3 gap-6">
                {latest.map((n) => (
                  <li key={n.id} data-testid="screen-note">
                    <NoteCard note={n} size="wall" lines={4} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        ) : null}
        <div className="-mx-12 min-h-0 flex-1 overflow-hidden">
          <TeamWall />
        </div>
      </div>
    </div>
  );
}

/**
 * The biggest words an announcement of this length fits in on the screen (up to 240 characters).
 * A screen stood on its end has the card the whole width and the height for a size up: at the
 * landscape sizes it filled a third of the screen, with bands of stage above and below.
 */
function announcementSize(text: string) {
  const n = [...text].length;
  return n <= 60
    ? "text-7xl portrait:text-8xl"
    : n <= 110
      ? "text-6xl portrait:text-7xl"
      : n <= 170
        ? "text-5xl portrait:text-6xl"
        : "text-4xl portrait:text-5xl";
}

function AnnouncementWall({ announcement }: { announcement: AnnouncementView | null }) {
  const t = useTranslations("screen.announcement");
  return (
    <section aria-label={t("label")} className="flex h-full items-center justify-center overflow-hidden">
      {announcement ? (
        <p
          className={`flex max-h-full max-w-[80%] portrait:max-w-full items-start gap-8 overflow-hidden rounded-3xl bg-sun px-16 py-12 font-extrabold leading-tight break-words text-ink shadow-2xl ${announcementSize(announcement.text)}`}
        >
          <MegaphoneIcon className="mt-2 h-20 w-20 shrink-0" />
          <span data-testid="wall-announcement">{announcement.text}</span>
        </p>
      ) : (
        <p className="text-4xl text-white/80">{t("none")}</p>
      )}
    </section>
  );
}

function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  const t = useTranslations("screen.shortcuts");
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-black/70 p-12">
      <section
        role="dialog"
        aria-modal="true"
        aria-labelledby="keys-title"
        className="join-panel max-h-full w-[69rem] max-w-full overflow-auto rounded-3xl p-10"
        data-testid="shortcuts"
      >
        <div className="mb-6 flex items-center justify-between">
          <h2 id="keys-title" className="text-4xl font-extrabold">
            {t("title")}
          </h2>
          <button type="button" className="btn btn-secondary text-xl" onClick={onClose} ref={close}>
            {t("close")}
          </button>
        </div>
        <dl className="grid grid-cols-2 gap-x-12 gap-y-3 text-2xl">
          {shortcuts.map((s) => (
            <div key={s.key} className="flex items-center gap-4">
              <dt>
                <kbd className="inline-block min-w-16 rounded-lg bg-paper px-3 py-1 text-center font-mono font-bold ring-2 ring-line">
                  {s.label ?? t("space")}
                </kbd>
              </dt>
              <dd>{t(`does.${s.action}`)}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}

function PhaseTitle({ phase, agenda, dense }: { phase: PhaseView | null; agenda: PhaseView[]; dense: boolean }) {
  const t = useTranslations("screen.phase");
  if (!phase) return agenda.length ? <p className="text-3xl font-semibold text-white/80">{t("startingSoon")}</p> : null;
  const i = agenda.findIndex((p) => p.id === phase.id);
  return (
    <p className={`${dense ? "text-4xl" : "text-6xl"} font-extrabold tracking-tight`} data-testid="screen-phase">
      <span className={`block ${dense ? "text-xl" : "text-2xl"} font-semibold uppercase tracking-[0.15em] text-sun`}>
        {i >= 0 ? t("nowOf", { number: i + 1, total: agenda.length }) : t("now")}
      </span>
      {phase.name}
    </p>
  );
}

/** A short chime when the countdown reaches zero, once the screen has been touched (browsers' rule). */
function useChime(done: boolean) {
  useEffect(() => {
    if (!done) return;
    try {
      const ctx = new AudioContext();
      if (ctx.state !== "running") return void ctx.close();
      for (const [i, freq] of [660, 880].entries()) {
        const osc = ctx.createOscillator();
        const gain = ctx.createGain();
        osc.frequency.value = freq;
        gain.gain.setValueAtTime(0.0001, ctx.currentTime + i * 0.35);
        gain.gain.exponentialRampToValueAtTime(0.3, ctx.currentTime + i * 0.35 + 0.02);
        gain.gain.exponentialRampToValueAtTime(0.0001, ctx.currentTime + i * 0.35 + 0.5);
        osc.connect(gain).connect(ctx.destination);
        osc.start(ctx.currentTime + i * 0.35);
        osc.stop(ctx.currentTime + i * 0.35 + 0.55);
      }
      setTimeout(() => void ctx.close(), 1500);
    } catch {
      // No audio on this machine: the pulsing 0:00 is the cue.
    }
  }, [done]);
}

/** The projector: readable from the back of a hall, no chrome, live, driven from the console or the keyboard. */
export function BigScreen({ event, join, board, boards: boardsAtLoad }: Props) {
  const t = useTranslations("screen.join");
  const ts = useTranslations("screen");
  const ta = useTranslations("activity");
  const connection = useConnection();
  const { presence, announcement, room, agenda } = useEventRoom();
  const liveBoards = useBoardList();
  // Boards made after the page loaded join the choices and the rotation as they are made.
  const boards = liveBoards ?? boardsAtLoad;
  const [theme, toggleTheme] = useTheme();
  const [help, setHelp] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const timer = useRoomTimer(room?.timer);
  useChime(timer?.done ?? false);
  const wall: Wall = room?.wall ?? { kind: "join" };
  const presentations = usePresentations();
  const onNow = presentations.state?.run.currentTeamId ?? null;

  const say = useOutboxText();
  const run = useCallback(
    async (done: Promise<{ ok: boolean; error?: { message: string } }> | undefined) => {
      const ack = await done;
      setProblem(ack && !ack.ok ? say(ack.error?.message ?? ts("failed")) : null);
    },
    [ts, say],
  );

  const show = useCallback(
    (choice: WallChoice) => run(connection?.send("screen:show", { wall: choice }).done),
    [connection, run],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const action = screenShortcut(e.key, e.target as HTMLElement | null, help);
      if (!action) return;
      if (action === "help") return setHelp((h) => !h);
      if (action === "close") return setHelp(false);
      e.preventDefault();
      switch (action) {
        case "join":
        case "teams":
        case "agenda":
        case "announcement":
        case "rotate":
        case "presentations":
          return void show({ kind: action });
        case "presentation-next":
        case "presentation-previous":
          // Only while the presentations are on screen: an arrow key elsewhere changes nothing.
          if (wall.kind !== "presentations") return;
          return void run(
            connection?.send("presentation:step", {
              step:
                action === "presentation-next" ? (presentations.state?.run.stage === "waiting" ? "start" : "next") : "previous",
              from: onNow,
              // The stage this screen showed: a second quick press against a stage gone is refused.
              fromStage: presentations.state?.run.stage,
            }).done,
          );
        case "board":
        case "votes": {
          const choice = nextBoardWall(action, wall, boards);
          if (choice) void show(choice);
          else setProblem(ts("noBoards"));
          return;
        }
        case "next-phase":
          return void run(connection?.send("phase:next", { fromPhaseId: room?.phase?.id ?? null }).done);
        case "timer": {
          // With the presentations showing, the clock on screen is the presenter's: Space pauses that.
          const presenterRun = presentations.state?.run;
          if (wall.kind === "presentations" && presenterRun && onStage(presenterRun)) {
            return void run(
              connection?.send("presentation:step", { step: presenterRun.pausedAt === null ? "pause" : "resume", from: onNow })
                .done,
            );
          }
          const running = room?.timer.status === "running";
          return void run(connection?.send(running ? "timer:pause" : "timer:start", {}).done);
        }
        case "add-minute":
          return void run(connection?.send("timer:extend", { seconds: 60 }).done);
        case "reset-timer":
          return void run(connection?.send("timer:reset", {}).done);
        case "fullscreen":
          if (document.fullscreenElement) void document.exitFullscreen();
          else void document.documentElement.requestFullscreen?.().catch(() => {});
          return;
        case "theme":
          return toggleTheme();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [show, run, connection, room, wall, boards, toggleTheme, onNow, presentations.state?.run, ts, help]);

  // Presenter mode has its own clock, per team; two countdowns on one screen would confuse.
  const showsTimer = room && wall.kind !== "presentations" && (room.timer.status !== "idle" || room.phase);
  // A board's notes need the height: the header around them gets slimmer.
  const dense = wall.kind === "board" || wall.kind === "rotate";

  return (
    <div
      className={`screen ${theme === "light" ? "screen-light" : ""} flex h-dvh flex-col overflow-hidden bg-stage text-white`}
      data-theme={theme}
      data-wall={wall.kind}
      data-testid="big-screen"
    >
      <header
        className={`flex shrink-0 items-center justify-between gap-x-10 gap-y-4 px-12 portrait:flex-wrap ${dense ? "pt-4 pb-1" : "pt-8 pb-4"}`}
      >
        <div className="min-w-0">
          <p className="text-xl font-semibold uppercase tracking-[0.2em] text-sun">{event.name}</p>
          {room?.phase || agenda.length ? (
            <PhaseTitle phase={room?.phase ?? null} agenda={agenda} dense={dense} />
          ) : (
            <h1 className="text-5xl font-extrabold tracking-tight">{event.name}</h1>
          )}
          {room?.phase || agenda.length ? <h1 className="sr-only">{event.name}</h1> : null}
        </div>
        <div className="flex shrink-0 items-center gap-12">
          {wall.kind !== "join" ? (
            <p className="text-end text-2xl font-semibold">
              {t("withCode")}
              <span className="block font-mono text-5xl font-extrabold tracking-widest">{join.code}</span>
            </p>
          ) : null}
          {showsTimer ? <RoomTimer timer={room.timer} size="screen" testId="screen-timer" /> : null}
          {/* Participants, not staff: the projector's own sign-in is not someone who joined. */}
          <p className="text-end text-3xl font-bold" aria-live="polite">
            <span
              className={`${dense ? "text-5xl" : "text-7xl"} font-extrabold tabular-nums text-sun`}
              data-testid="screen-people"
            >
              {presence?.participants ?? "–"}
            </span>
            <span className="block text-xl font-semibold text-white/80">
              {t("peopleHere", { count: presence?.participants ?? 0 })}
            </span>
          </p>
        </div>
      </header>

      {announcement && wall.kind !== "announcement" ? (
        <section
          role="status"
          aria-label={ts("announcement.label")}
          className="mx-12 mt-2 flex shrink-0 items-center gap-6 rounded-2xl bg-sun px-10 py-5 text-4xl font-extrabold text-ink shadow-2xl"
          data-testid="screen-announcement"
        >
          <MegaphoneIcon className="h-12 w-12 shrink-0" />
          {/* At most two lines: the wall below (the QR code) keeps its height; the phones have the rest. */}
          <span className="line-clamp-2 min-w-0 break-words">{announcement.text}</span>
        </section>
      ) : null}

      <main className={`min-h-0 flex-1 overflow-hidden px-12 ${dense ? "py-3" : "py-6"}`} data-testid="screen-wall">
        {wall.kind === "join" ? <JoinWall join={join} board={board} /> : null}
        {wall.kind === "board" ? <BoardWall boardId={wall.boardId} /> : null}
        {wall.kind === "votes" ? <VotesWall boardId={wall.boardId} /> : null}
        {wall.kind === "teams" ? (
          <div className="-mx-12 h-full overflow-hidden">
            <TeamWall />
          </div>
        ) : null}
        {wall.kind === "agenda" ? <AgendaWall agenda={agenda} room={room as RoomView | null} /> : null}
        {wall.kind === "announcement" ? <AnnouncementWall announcement={announcement} /> : null}
        {wall.kind === "rotate" ? <RotateWall startedAt={wall.startedAt} boards={boards} /> : null}
        {wall.kind === "presentations" ? <PresentationsWall handle={presentations} /> : null}
      </main>

      <footer className="flex shrink-0 items-center justify-between gap-6 px-12 pb-5">
        <p className="text-lg text-white/70">
          {problem ? (
            <span role="alert" className="font-semibold text-sun">
              {problem}
            </span>
          ) : room?.lastChange ? (
            ta.rich("line", {
              by: activityBy(ta, room.lastChange),
              change: activityText(ta, room.lastChange),
              who: (chunks) => chunks,
            })
          ) : (
            event.place
          )}
        </p>
        <div className="flex items-center gap-4">
          <button
            type="button"
            onClick={() => setHelp(true)}
            className="rounded-full bg-white/10 px-3 py-1 text-sm font-semibold"
          >
            {ts("shortcuts.open")}
          </button>
          <ConnectionPill tone="dark" />
        </div>
      </footer>
      {help ? <ShortcutsOverlay onClose={() => setHelp(false)} /> : null}
    </div>
  );
}
