"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { useEventRoom } from "@/lib/realtime/client/react";
import { nudgeHref } from "@/lib/room/nudges";
import { RoomTimer } from "./room-timer";

/**
 * What the room is doing, on a phone: the current phase and the shared countdown, and, when a
 * facilitator starts a phase or sends everyone to a board or a vote, an invitation to go there.
 * Never a forced navigation: people may be in the middle of typing.
 */
export function RoomNudge({ slug, boardId = null }: { slug: string; boardId?: string | null }) {
  const { room, nudge } = useEventRoom();
  // Remembered on the phone, so a nudge that came back with the room's snapshot stays answered.
  const [dismissed, setDismissedState] = useState<string | null>(null);
  const storageKey = `madein.nudge.${slug}`;
  useEffect(() => {
    try {
      setDismissedState(localStorage.getItem(storageKey));
    } catch {
      // Private browsing without storage: the nudge is simply answered for this page only.
    }
  }, [storageKey]);
  const setDismissed = (id: string) => {
    setDismissedState(id);
    try {
      localStorage.setItem(storageKey, id);
    } catch {}
  };

  useEffect(() => {
    // A gentle buzz where phones allow it; the banner itself is the cue everywhere else.
    if (nudge && typeof navigator !== "undefined" && "vibrate" in navigator) navigator.vibrate?.(150);
  }, [nudge]);

  const timerShown = room && (room.timer.status !== "idle" || room.phase);
  // Already on the board it points to: nothing to say. A phase is news on every page.
  const here = nudge?.boardId != null && nudge.boardId === boardId;
  // On the event page, a nudge without a board has nowhere else to send people.
  const goes = nudge ? nudge.boardId !== null || boardId !== null : false;
  const showNudge = nudge && dismissed !== nudge.id && !here;

  if (!timerShown && !showNudge) return null;
  return (
    <div className="space-y-3">
      {showNudge ? (
        <section
          role="status"
          aria-label="From the facilitator"
          className="space-y-3 rounded-xl bg-brand px-4 py-3 text-white shadow-lg motion-safe:animate-[rise_300ms_ease-out_both]"
          data-testid="nudge"
        >
          <p className="text-base font-semibold">
            {nudge.kind === "phase" ? (
              <>
                Now: <strong>{nudge.title}</strong>
                {nudge.boardTitle ? (
                  <>
                    {" "}
                    on the board <strong>{nudge.boardTitle}</strong>
                  </>
                ) : null}
              </>
            ) : nudge.kind === "votes" ? (
              <>
                Time to vote on <strong>{nudge.title}</strong>
              </>
            ) : (
              <>
                Everyone to the board <strong>{nudge.title}</strong>
              </>
            )}
            <span className="block text-sm font-normal text-white/90">from {nudge.by}</span>
          </p>
          <div className="flex flex-wrap gap-2">
            {goes ? (
              <Link
                href={nudgeHref(slug, nudge)}
                className="btn min-h-11 bg-white px-4 text-ink"
                onClick={() => setDismissed(nudge.id)}
                data-testid="nudge-go"
              >
                {nudge.kind === "votes" ? "Go to the vote" : nudge.boardId ? "Go to the board" : "See what's on"}
              </Link>
            ) : null}
            <button
              type="button"
              onClick={() => setDismissed(nudge.id)}
              className="min-h-11 rounded-lg px-3 text-sm font-semibold underline"
            >
              {goes ? "Not now" : "OK"}
            </button>
          </div>
        </section>
      ) : null}
      {timerShown ? (
        <section
          aria-label="What the room is doing"
          className="flex items-center justify-between gap-3 rounded-xl bg-white px-4 py-2 ring-1 ring-line"
          data-testid="room-status"
        >
          <p className="min-w-0">
            <span className="block text-xs font-semibold uppercase tracking-wider text-ink-soft">Now</span>
            <span className="block truncate text-lg font-bold" data-testid="room-phase">
              {room.phase?.name ?? "Timer"}
            </span>
          </p>
          {room.timer.status !== "idle" ? <RoomTimer timer={room.timer} size="phone" /> : null}
        </section>
      ) : null}
    </div>
  );
}
