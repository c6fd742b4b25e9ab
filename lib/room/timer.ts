/**
 * The room's countdown, as pure arithmetic on the server's clock. A running timer is stored as
 * the moment it ends, never as "seconds left", so every screen derives the same remaining time
 * from one number and nothing drifts while messages travel.
 */
export type TimerState = {
  status: "idle" | "running" | "paused";
  /** What a reset goes back to. */
  durationMs: number;
  /** Server epoch ms; set only while running. */
  endsAt: number | null;
  /** What is left while idle or paused. */
  remainingMs: number;
};

export const minute = 60_000;
/** Longer than any session of a weekend; a typo of 5000 minutes is refused, not run. */
export const maxTimerMs = 12 * 60 * minute;

export const idleTimer = (durationMs = 5 * minute): TimerState => ({
  status: "idle",
  durationMs,
  endsAt: null,
  remainingMs: durationMs,
});

const clamp = (ms: number) => Math.max(0, Math.min(maxTimerMs, Math.round(ms)));

/** What is left at `now`; never negative. */
export function remainingAt(timer: TimerState, now: number): number {
  if (timer.status === "running" && timer.endsAt !== null) return Math.max(0, timer.endsAt - now);
  return Math.max(0, timer.remainingMs);
}

/** Whole seconds left, rounded up, so a screen shows 0:00 only when time is really up. */
export const secondsLeft = (timer: TimerState, now: number) => Math.ceil(remainingAt(timer, now) / 1000);

/** "4:05", or "1:02:03" past an hour. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, "0");
  return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${sec}` : `${m}:${sec}`;
}

/**
 * Starts (or resumes) the countdown. A duration sets a fresh countdown of that length; without
 * one an idle or paused timer runs from what it has left (the full duration once it has run out).
 * Starting a running timer without a duration changes nothing.
 */
export function startTimer(timer: TimerState, now: number, durationMs?: number): TimerState {
  if (durationMs !== undefined) {
    const d = clamp(durationMs);
    return { status: "running", durationMs: d, endsAt: now + d, remainingMs: d };
  }
  if (timer.status === "running") return timer;
  const left = timer.remainingMs > 0 ? timer.remainingMs : timer.durationMs;
  return { ...timer, status: "running", endsAt: now + left, remainingMs: left };
}

/** Freezes what is left. Pausing a timer that is not running changes nothing. */
export function pauseTimer(timer: TimerState, now: number): TimerState {
  if (timer.status !== "running") return timer;
  return { ...timer, status: "paused", endsAt: null, remainingMs: remainingAt(timer, now) };
}

/** Adds time (a minute, by default); a running timer that had run out restarts from now. */
export function extendTimer(timer: TimerState, now: number, ms = minute): TimerState {
  if (timer.status === "running" && timer.endsAt !== null) {
    const left = clamp(remainingAt(timer, now) + ms);
    return { ...timer, endsAt: now + left, remainingMs: left };
  }
  return { ...timer, remainingMs: clamp(timer.remainingMs + ms) };
}

/** Back to the full duration (or a new one), stopped. */
export function resetTimer(timer: TimerState, durationMs?: number): TimerState {
  return idleTimer(durationMs === undefined ? timer.durationMs : clamp(durationMs));
}

/**
 * How long "0:00 Time's up" stays loud (red, pulsing) before it calms down. A minute is long
 * enough for everyone in the room to notice the end, and short enough that a timer nobody reset
 * is not still shouting on every phone and the projector an hour later.
 */
export const timeUpLoudMs = minute;

/**
 * What a screen shows for the countdown at `now`:
 * - `counting`: running, time left (`urgent` in the last minute);
 * - `up`: just ran out, loud for `timeUpLoudMs`;
 * - `ended`: ran out a while ago, shown calmly as "Time's up at HH:MM" (`endedAt`);
 * - `paused` / `idle`: stopped.
 */
export type TimerPhase =
  | { kind: "counting"; seconds: number; urgent: boolean }
  | { kind: "up"; endedAt: number }
  | { kind: "ended"; endedAt: number }
  | { kind: "paused"; seconds: number }
  | { kind: "idle"; seconds: number };

export function timerPhase(timer: TimerState, now: number): TimerPhase {
  const seconds = secondsLeft(timer, now);
  if (timer.status === "idle") return { kind: "idle", seconds };
  if (timer.status === "paused") return { kind: "paused", seconds };
  if (seconds > 0 || timer.endsAt === null) return { kind: "counting", seconds, urgent: seconds <= 60 };
  return now - timer.endsAt < timeUpLoudMs ? { kind: "up", endedAt: timer.endsAt } : { kind: "ended", endedAt: timer.endsAt };
}
