"use client";

import { useTranslations } from "next-intl";
import { useBoard } from "@/lib/realtime/client/use-board";
import { useVoting } from "@/lib/realtime/client/use-voting";
import { tallyCounts } from "@/lib/voting/voting-state";
import { clock, useSecondsLeft } from "./vote-banner";
import { ProjectedVoteResults } from "./vote-results";
import { WallBoardView } from "./wall-board";

/** A board on the projector, with its vote: who has voted, tallies when visible, the ranking on reveal. */
export function ProjectedBoard({ boardId }: { boardId: string }) {
  const t = useTranslations("wall.projected");
  const board = useBoard(boardId, { asTheRoom: true });
  const voting = useVoting(boardId);
  const { round, tally } = voting;
  const secondsLeft = useSecondsLeft(round?.status === "open" ? round.endsAt : null);
  const revealed = round?.status === "revealed" && tally?.tallies && board.state;

  return (
    <div className="flex h-full min-h-0 flex-col gap-8">
      {round && round.status !== "revealed" ? (
        <section
          aria-label={t("voting")}
          className={`flex flex-wrap items-center justify-between gap-x-8 gap-y-2 rounded-2xl px-10 py-6 ${round.status === "open" ? "bg-coral" : "bg-stage-raised"}`}
          data-testid="screen-vote"
        >
          <p className="text-4xl font-extrabold">
            {round.status === "open" ? t("voteNow") : t("closed")}
            {secondsLeft !== null ? <span className="ms-6 font-mono tabular-nums">{clock(secondsLeft)}</span> : null}
          </p>
          <p className="text-3xl font-semibold" aria-live="polite" data-testid="screen-voted">
            {t("progress", { voters: tally?.voters ?? 0, dots: tally?.dotsUsed ?? 0 })}
          </p>
        </section>
      ) : null}
      {revealed ? (
        <section aria-labelledby="results-title" className="flex min-h-0 flex-1 flex-col gap-4 overflow-hidden">
          <h2 id="results-title" className="text-4xl font-extrabold">
            {t("results", { voters: tally.voters })}
          </h2>
          <div className="min-h-0 flex-1">
            <ProjectedVoteResults state={board.state!} tallies={tally.tallies!} shortlistSize={round.shortlistSize} />
          </div>
        </section>
      ) : (
        <div className="min-h-0 flex-1">
          <WallBoardView
            boardId={boardId}
            board={board}
            interactive={false}
            tone="dark"
            tallies={tally?.tallies ?? null}
            counts={tallyCounts(voting)}
          />
        </div>
      )}
    </div>
  );
}
