"use client";

import { useTranslations } from "next-intl";
import { useServerNow } from "@/lib/realtime/client/server-clock";
import { useVotingOf, type VotingStore } from "@/lib/realtime/client/use-voting";

/** Seconds left on a round, by the server's clock: every phone agrees, whatever its own clock says. */
export function useSecondsLeft(endsAt: number | null) {
  const now = useServerNow(endsAt ? 1000 : null);
  return endsAt ? Math.max(0, Math.round((endsAt - now) / 1000)) : null;
}

export const clock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;

/** The phone's cue: voting is open (and how many dots are left), or it has just closed. */
export function VoteBanner({ votes }: { votes: VotingStore }) {
  const t = useTranslations("vote");
  const voting = useVotingOf(votes);
  const { round } = voting;
  const secondsLeft = useSecondsLeft(round?.status === "open" ? round.endsAt : null);
  if (!round) return null;
  if (round.status === "open") {
    // Only the one line that matters stays pinned while scrolling (compact even at 200 % text);
    // how to vote is said once, below it, and scrolls away with the page.
    return (
      <>
        <section
          aria-label={t("banner.label")}
          className="sticky top-2 z-10 rounded-xl bg-coral px-3 py-1.5 text-white shadow-lg"
          data-testid="vote-banner"
        >
          {/* Two pieces that wrap as wholes: at 200 % text the pinned banner stays a few short lines. */}
          <p className="flex flex-wrap items-baseline gap-x-2 font-extrabold leading-snug" role="status">
            <span>
              {t.rich("banner.open", {
                count: voting.dotsLeft,
                dots: (c) => <span data-testid="dots-left">{c}</span>,
              })}
            </span>
            {secondsLeft !== null ? (
              <span className="whitespace-nowrap font-semibold tabular-nums">
                {t.rich("banner.closesIn", {
                  time: clock(secondsLeft),
                  sr: (c) => <span className="sr-only">{c}</span>,
                })}
              </span>
            ) : null}
          </p>
          {voting.message ? (
            <p role="alert" className="mt-1 rounded bg-white/20 px-2 py-1 text-sm font-semibold">
              {voting.message}
            </p>
          ) : null}
        </section>
        <p className="text-sm text-ink-soft">
          {round.maxPerTarget > 1
            ? t("banner.tapPlusUpTo", { max: round.maxPerTarget, on: round.targets })
            : t("banner.tapPlus", { on: round.targets })}{" "}
          {t("banner.tapMinus")}
        </p>
      </>
    );
  }
  return (
    <p className="rounded-xl bg-white p-4 font-semibold ring-1 ring-line" role="status" data-testid="vote-banner">
      {round.status === "revealed" ? t("banner.revealed", { on: round.targets }) : t("banner.closed")}
    </p>
  );
}
