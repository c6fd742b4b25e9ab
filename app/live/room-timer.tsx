"use client";

import { useServerNow } from "@/lib/realtime/client/server-clock";
import type { TimerView } from "@/lib/realtime/contract";
import { formatClock, secondsLeft } from "@/lib/room/timer";

/** The room's countdown on this device, from the server's clock: the same second on every screen. */
export function useRoomTimer(timer: TimerView | null | undefined) {
  const serverNow = useServerNow(timer?.status === "running" ? 200 : null);
  if (!timer) return null;
  const seconds = secondsLeft(timer, serverNow);
  return { status: timer.status, seconds, text: formatClock(seconds), done: seconds === 0 && timer.status === "running" };
}

const statusWords = { idle: "Ready", running: "Running", paused: "Paused" } as const;

/** mm:ss with its state; `size` picks phone, console or projector type. */
export function RoomTimer({
  timer,
  size,
  testId = "room-timer",
}: {
  timer: TimerView | null | undefined;
  size: "phone" | "console" | "screen";
  testId?: string;
}) {
  const t = useRoomTimer(timer);
  if (!t) return null;
  const digits = { phone: "text-3xl", console: "text-6xl", screen: "text-[9rem] leading-none" }[size];
  const urgent = t.status === "running" && t.seconds <= 60;
  return (
    <p className="flex flex-col items-center" data-timer-status={t.status}>
      <span
        role="timer"
        aria-live="off"
        aria-label={`Timer: ${t.text} ${t.status === "paused" ? "paused" : t.done ? "time is up" : "left"}`}
        className={`font-extrabold tabular-nums tracking-tight ${digits} ${t.done ? "motion-safe:animate-pulse" : ""} ${
          urgent ? (size === "screen" ? "timer-urgent" : "text-coral") : ""
        }`}
        data-testid={testId}
      >
        {t.text}
      </span>
      <span className={`font-semibold ${size === "screen" ? "text-2xl opacity-80" : "text-sm text-ink-soft"}`}>
        {t.done ? "Time's up" : statusWords[t.status]}
      </span>
    </p>
  );
}
