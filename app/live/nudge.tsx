"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { useEventRoom } from "@/lib/realtime/client/react";
import { RoomTimer } from "./room-timer";

/**
 * What the room is doing, on a phone: the current phase and the shared countdown, and, when a
 * facilitator starts a phase or sends everyone to a board or a vote, an invitation to go there.
 * Never a forced navigation: people may be in the middle of typing.
 */
export function RoomNudge({ slug, boardId = null }: { slug: string; boardId?: string | null }) {
  const { room, nudge } = useEventRoom();
  const [dismissed, setDismissed] = useState<string | null>(null);

  useEffect(() => {
    // A gentle buzz where phones allow it; the banner itself is the cue everywhere else.
    if (nudge && typeof navigator !== "undefined" && "vibrate" in navigator) navigator.vibrate?.(150);
  }, [nudge]);

  const timerShown = room && (room.timer.status !== "idle" || room.phase);
  const here = nudge?.boardId !== null && nudge?.boardId === boardId;
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
            {nudge.boardId ? (
              <Link
                href={`/p/${slug}/b/${nudge.boardId}`}
                className="btn min-h-11 bg-white px-4 text-ink"
                onClick={() => setDismissed(nudge.id)}
              >
                {nudge.kind === "votes" ? "Go to the vote" : "Go to the board"}
              </Link>
            ) : null}
            <button
              type="button"
              onClick={() => setDismissed(nudge.id)}
              className="min-h-11 rounded-lg px-3 text-sm font-semibold underline"
            >
              {nudge.boardId ? "Not now" : "OK"}
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
