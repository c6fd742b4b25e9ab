"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { formatTime } from "@/lib/events/event-dates";
import { useServerNow } from "@/lib/realtime/client/server-clock";
import type { TimerView } from "@/lib/realtime/contract";
import { formatClock, timerPhase } from "@/lib/room/timer";

/** The room's countdown on this device, from the server's clock: the same second on every screen. */
export function useRoomTimer(timer: TimerView | null | undefined) {
  const serverNow = useServerNow(timer?.status === "running" ? 200 : null);
  if (!timer) return null;
  const phase = timerPhase(timer, serverNow);
  const seconds = phase.kind === "up" || phase.kind === "ended" ? 0 : phase.seconds;
  return {
    status: timer.status,
    seconds,
    text: formatClock(seconds),
    /** Time is up (loud or calm): what a chime listens for. */
    done: phase.kind === "up" || phase.kind === "ended",
    /** Ran out more than a minute ago: shown calmly, no longer red. */
    calm: phase.kind === "ended",
    endedAt: phase.kind === "up" || phase.kind === "ended" ? phase.endedAt : null,
    urgent: phase.kind === "up" || (phase.kind === "counting" && phase.urgent),
  };
}

const statusWords = { idle: "ready", running: "running", paused: "paused" } as const;

/**
 * A time of day as this page's language writes it: English keeps the house style ("2:05pm"),
 * other languages their own (14:05), both in the venue's time zone.
 */
export function useTimeOfDay() {
  const locale = useLocale();
  const format = useFormatter();
  return (ms: number) => (locale.startsWith("en") ? formatTime(ms) : format.dateTime(ms, { hour: "numeric", minute: "2-digit" }));
}

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
  const words = useTranslations("live.timer");
  const timeOfDay = useTimeOfDay();
  const t = useRoomTimer(timer);
  if (!t) return null;
  const digits = { phone: "text-3xl", console: "text-6xl", screen: "text-[9rem] leading-none" }[size];
  if (t.calm && t.endedAt !== null) {
    // Long finished: a quiet fact, not an alarm. Smaller, in the ordinary text colour.
    const calmDigits = { phone: "text-xl", console: "text-3xl", screen: "text-6xl" }[size];
    return (
      <p className="flex flex-col items-center" data-timer-status={t.status} data-timer-calm="">
        <span
          role="timer"
          aria-live="off"
          aria-label={words("labelEnded", { time: timeOfDay(t.endedAt) })}
          className={`font-bold tabular-nums opacity-70 ${calmDigits}`}
          data-testid={testId}
        >
          {t.text}
        </span>
        <span
          className={`font-semibold ${size === "screen" ? "text-2xl opacity-80" : "text-sm text-ink-soft"}`}
          data-testid={`${testId}-calm`}
        >
          {words("timesUpAt", { time: timeOfDay(t.endedAt) })}
        </span>
      </p>
    );
  }
  return (
    <p className="flex flex-col items-center" data-timer-status={t.status}>
      <span
        role="timer"
        aria-live="off"
        aria-label={
          t.status === "paused"
            ? words("labelPaused", { clock: t.text })
            : t.done
              ? words("labelDone", { clock: t.text })
              : words("labelLeft", { clock: t.text })
        }
        className={`font-extrabold tabular-nums tracking-tight ${digits} ${t.done ? "times-up" : ""} ${
          t.urgent ? (size === "screen" ? "timer-urgent" : "text-coral") : ""
        }`}
        data-testid={testId}
      >
        {t.text}
      </span>
      <span className={`font-semibold ${size === "screen" ? "text-2xl opacity-80" : "text-sm text-ink-soft"}`}>
        {t.done ? words("timesUp") : words(statusWords[t.status])}
      </span>
    </p>
  );
}
