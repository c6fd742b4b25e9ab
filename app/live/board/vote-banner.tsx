"use client";

import { plural } from "@/lib/plural";
import { useServerNow } from "@/lib/realtime/client/server-clock";
import type { VotingHandle } from "@/lib/realtime/client/use-voting";

/** Seconds left on a round, by the server's clock: every phone agrees, whatever its own clock says. */
export function useSecondsLeft(endsAt: number | null) {
  const now = useServerNow(endsAt ? 1000 : null);
  return endsAt ? Math.max(0, Math.round((endsAt - now) / 1000)) : null;
}

export const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;

/** The phone's cue: voting is open (and how many dots are left), or it has just closed. */
export function VoteBanner({ voting }: { voting: VotingHandle }) {
  const { round } = voting;
  const secondsLeft = useSecondsLeft(round?.status === "open" ? round.endsAt : null);
  if (!round) return null;
  if (round.status === "open") {
    return (
      <section
        aria-label="Voting"
        className="sticky top-2 z-10 space-y-1 rounded-xl bg-coral px-4 py-3 text-white shadow-lg"
        data-testid="vote-banner"
      >
        <p className="text-lg font-extrabold" role="status">
          Voting is open: <span data-testid="dots-left">{plural(voting.dotsLeft, "dot")}</span> left
        </p>
        <p className="text-sm">
          Tap + on the notes you like most
          {round.maxPerTarget > 1 ? ` (up to ${round.maxPerTarget} dots on one)` : ""}. Tap − to take a dot back.
          {secondsLeft !== null ? ` Closes in ${clock(secondsLeft)}.` : ""}
        </p>
        {voting.message ? (
          <p role="alert" className="rounded bg-white/20 px-2 py-1 text-sm font-semibold">
            {voting.message}
          </p>
        ) : null}
      </section>
    );
  }
  return (
    <p className="rounded-xl bg-white p-4 font-semibold ring-1 ring-line" role="status" data-testid="vote-banner">
      {round.status === "revealed"
        ? "Voting has closed. The results are in: see the dots on each note."
        : "Voting has closed. Results coming soon."}
    </p>
  );
}
