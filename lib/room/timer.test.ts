import { describe, expect, it } from "vitest";
import {
  extendTimer,
  formatClock,
  idleTimer,
  maxTimerMs,
  minute,
  pauseTimer,
  remainingAt,
  resetTimer,
  secondsLeft,
  startTimer,
  timerPhase,
  timeUpLoudMs,
} from "./timer";

const t0 = 1_800_000_000_000;

describe("the room timer", () => {
  it("runs from its duration and is stored as the moment it ends", () => {
    const running = startTimer(idleTimer(5 * minute), t0);
    expect(running).toMatchObject({ status: "running", endsAt: t0 + 5 * minute });
    expect(remainingAt(running, t0 + 90_000)).toBe(210_000);
    expect(secondsLeft(running, t0 + 90_001)).toBe(210); // rounded up: 3:29.999 shows 3:30
    expect(remainingAt(running, t0 + 10 * minute)).toBe(0);
  });

  it("starts a fresh countdown when given minutes, even while running", () => {
    const running = startTimer(idleTimer(), t0);
    expect(startTimer(running, t0 + 1000, 2 * minute)).toEqual({
      status: "running",
      durationMs: 2 * minute,
      endsAt: t0 + 1000 + 2 * minute,
      remainingMs: 2 * minute,
    });
    expect(startTimer(running, t0 + 1000)).toBe(running);
  });

  it("pauses with what was left and resumes from there", () => {
    const paused = pauseTimer(startTimer(idleTimer(5 * minute), t0), t0 + 60_000);
    expect(paused).toMatchObject({ status: "paused", endsAt: null, remainingMs: 4 * minute });
    expect(remainingAt(paused, t0 + 10 * minute)).toBe(4 * minute);
    expect(startTimer(paused, t0 + 10 * minute)).toMatchObject({ status: "running", endsAt: t0 + 14 * minute });
    expect(pauseTimer(paused, t0 + 11 * minute)).toBe(paused);
  });

  it("adds a minute while running, paused or idle; one that ran out restarts from now", () => {
    const running = startTimer(idleTimer(5 * minute), t0);
    expect(extendTimer(running, t0 + 1000).endsAt).toBe(t0 + 6 * minute);
    expect(extendTimer(running, t0 + 9 * minute).endsAt).toBe(t0 + 10 * minute);
    expect(extendTimer(idleTimer(5 * minute), t0).remainingMs).toBe(6 * minute);
    expect(extendTimer(pauseTimer(running, t0 + minute), t0 + 2 * minute, 30_000).remainingMs).toBe(4.5 * minute);
  });

  it("never runs beyond its limit", () => {
    expect(startTimer(idleTimer(), t0, 100 * 60 * minute).remainingMs).toBe(maxTimerMs);
    expect(extendTimer(idleTimer(maxTimerMs), t0).remainingMs).toBe(maxTimerMs);
  });

  it("resets to its duration, or a new one, stopped", () => {
    const running = startTimer(idleTimer(5 * minute), t0, 3 * minute);
    expect(resetTimer(running)).toEqual(idleTimer(3 * minute));
    expect(resetTimer(running, 10 * minute)).toEqual(idleTimer(10 * minute));
  });

  it("runs a finished timer again from the full duration", () => {
    const finished = pauseTimer(startTimer(idleTimer(minute), t0), t0 + 2 * minute);
    expect(finished.remainingMs).toBe(0);
    expect(startTimer(finished, t0 + 3 * minute).endsAt).toBe(t0 + 4 * minute);
  });

  it("formats minutes and seconds, and hours when needed", () => {
    expect(formatClock(0)).toBe("0:00");
    expect(formatClock(65)).toBe("1:05");
    expect(formatClock(600)).toBe("10:00");
    expect(formatClock(3723)).toBe("1:02:03");
    expect(formatClock(-5)).toBe("0:00");
  });
});

describe("a finished timer calms down", () => {
  const started = startTimer(idleTimer(), 1_000_000, 5 * minute);
  const endsAt = 1_000_000 + 5 * minute;

  it("counts down, urgent only in the last minute", () => {
    expect(timerPhase(started, 1_000_000)).toEqual({ kind: "counting", seconds: 300, urgent: false });
    expect(timerPhase(started, endsAt - 30_000)).toEqual({ kind: "counting", seconds: 30, urgent: true });
  });

  it("is loud for a minute after time is up, then calm, with the moment it ended", () => {
    expect(timerPhase(started, endsAt)).toEqual({ kind: "up", endedAt: endsAt });
    expect(timerPhase(started, endsAt + timeUpLoudMs - 1)).toEqual({ kind: "up", endedAt: endsAt });
    expect(timerPhase(started, endsAt + timeUpLoudMs)).toEqual({ kind: "ended", endedAt: endsAt });
    expect(timerPhase(started, endsAt + 3 * 3_600_000)).toEqual({ kind: "ended", endedAt: endsAt });
  });

  it("a paused or reset timer is never 'up'", () => {
    expect(timerPhase(pauseTimer(started, endsAt - 10_000), endsAt + timeUpLoudMs).kind).toBe("paused");
    expect(timerPhase(resetTimer(started), endsAt + timeUpLoudMs).kind).toBe("idle");
  });
});
