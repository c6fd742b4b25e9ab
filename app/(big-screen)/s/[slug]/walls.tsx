"use client";

import { useLocale, useTranslations } from "next-intl";
import type { CSSProperties } from "react";
import { ProjectedVoteResults } from "@/app/live/board/vote-results";
import { WallBoard } from "@/app/live/board/wall-board";
import { localWeekdayTime } from "@/lib/i18n/dates";
import { useServerNow } from "@/lib/realtime/client/server-clock";
import { useBoard } from "@/lib/realtime/client/use-board";
import { useVoting } from "@/lib/realtime/client/use-voting";
import type { BoardListing, PhaseView, RoomView } from "@/lib/realtime/contract";
import { phaseStatus } from "@/lib/room/phases";
import { rotationIndex, rotationIntervalMs, untilNextTurn } from "@/lib/room/rotation";
import { formatClock } from "@/lib/room/timer";

/** A board, projected: the lead's wall, not interactive. */
export function BoardWall({ boardId }: { boardId: string }) {
  return (
    // A map fills what the header, the footer and its title leave of the screen.
    <div className="h-full overflow-hidden [--map-reserve:23rem]" data-testid="wall-board">
      <WallBoard boardId={boardId} interactive={false} tone="dark" />
    </div>
  );
}

/** A board's dot-voting: progress while open, the ranking once revealed. */
export function VotesWall({ boardId }: { boardId: string }) {
  const t = useTranslations("screen.votes");
  const board = useBoard(boardId, { asTheRoom: true });
  const voting = useVoting(boardId);
  const { round, tally } = voting;
  const endsAt = round?.status === "open" ? round.endsAt : null;
  // The server's clock, not this laptop's, so the projector agrees with the phones.
  const serverNow = useServerNow(endsAt ? 1000 : null);
  const secondsLeft = endsAt ? Math.max(0, Math.ceil((endsAt - serverNow) / 1000)) : null;
  const title = board.state?.board.title ?? "";
  return (
    <section aria-labelledby="votes-title" className="flex h-full flex-col overflow-hidden" data-testid="wall-votes">
      <h2 id="votes-title" className="mb-6 text-4xl font-extrabold">
        {t("title", { title })}
      </h2>
      {!round ? (
        <p className="text-4xl text-white/80">{t("none")}</p>
      ) : round.status === "open" ? (
        <div className="space-y-6">
          <p className="text-6xl font-extrabold">
            {secondsLeft !== null ? t("openLeft", { time: formatClock(secondsLeft) }) : t("open")}
          </p>
          <p className="text-4xl">
            {t.rich("progress", {
              voters: tally?.voters ?? 0,
              dots: tally?.dotsUsed ?? 0,
              each: round.dotsPerPerson,
              strong: (c) => <strong className="text-sun">{c}</strong>,
            })}
          </p>
        </div>
      ) : round.status === "closed" ? (
        <p className="text-5xl font-extrabold">{t("closed", { voters: tally?.voters ?? 0 })}</p>
      ) : board.state && tally?.tallies ? (
        <div className="min-h-0 flex-1 overflow-hidden">
          <ProjectedVoteResults state={board.state} tallies={tally.tallies} shortlistSize={round.shortlistSize} />
        </div>
      ) : (
        <p className="text-4xl text-white/80">{t("opening")}</p>
      )}
    </section>
  );
}

/** "Sat 10:00" in English; the event's language and the event's time zone otherwise, never the laptop's. */
function phaseTime(locale: string, ms: number) {
  return localWeekdayTime(locale, ms);
}

/** The weekend's phases, with where the room is now. */
const agendaColumns = (phases: number) => (phases <= 5 ? 1 : phases <= 14 ? 2 : 3);
const agendaRows = (phases: number) => Math.max(1, Math.ceil(phases / agendaColumns(phases)));
const agendaSize = (phases: number) => {
  const rows = agendaRows(phases);
  return rows <= 5 ? "text-4xl" : rows <= 7 ? "text-3xl" : "text-2xl";
};

export function AgendaWall({ agenda, room }: { agenda: PhaseView[]; room: RoomView | null }) {
  const t = useTranslations("screen.agenda");
  const locale = useLocale();
  const current = room?.phase?.id ?? null;
  return (
    <section aria-labelledby="agenda-title" className="flex h-full flex-col overflow-hidden" data-testid="wall-agenda">
      <h2 id="agenda-title" className="mb-6 text-4xl font-extrabold">
        {t("title")}
      </h2>
      {agenda.length === 0 ? (
        <p className="text-4xl text-white/80">{t("empty")}</p>
      ) : (
        // Every phase on the screen, however many: one column up to five, then two (three past
        // fourteen), rows sharing the height, and smaller words the more rows there are. A screen
        // stood on its end has the height for one column up to fourteen (screen.css).
        <ol
          className="agenda-phases grid min-h-0 flex-1 grid-flow-col gap-x-10 gap-y-3"
          style={
            {
              "--agenda-rows-landscape": agendaRows(agenda.length),
              "--agenda-rows-portrait": agenda.length <= 14 ? agenda.length : Math.ceil(agenda.length / 2),
            } as CSSProperties
          }
        >
          {agenda.map((p, i) => {
            const status = phaseStatus(agenda, current, p.id);
            return (
              <li
                key={p.id}
                aria-current={status === "now" ? "step" : undefined}
                className={`flex min-h-0 items-center gap-6 overflow-hidden rounded-2xl px-8 py-2 ${
                  status === "now" ? "bg-sun text-ink" : status === "done" ? "text-white/70" : "bg-stage-raised"
                }`}
              >
                <span className="w-10 text-3xl font-extrabold tabular-nums">{i + 1}</span>
                <span className={`line-clamp-2 min-w-0 flex-1 font-bold break-words ${agendaSize(agenda.length)}`}>
                  {p.name}
                  {status === "now" ? <span className="sr-only"> {t("now")}</span> : null}
                  {status === "done" ? <span className="sr-only"> {t("done")}</span> : null}
                </span>
                <span className="text-2xl font-semibold">{phaseTime(locale, p.startsAt)}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** Team boards in turn, every 20 seconds, on the server's clock: every screen turns together. */
export function RotateWall({
  startedAt,
  boards,
}: {
  startedAt: number;
  boards: readonly Pick<BoardListing, "id" | "teamId" | "teamName">[];
}) {
  const t = useTranslations("screen.rotate");
  const teamBoards = boards.filter((b) => b.teamId !== null);
  const serverNow = useServerNow(1000);
  const list = teamBoards.length > 0 ? teamBoards : boards;
  const i = rotationIndex(startedAt, serverNow, list.length);
  const board = list[i];
  if (!board) return <p className="text-4xl text-white/80">{t("empty")}</p>;
  const left = Math.ceil(untilNextTurn(startedAt, serverNow) / 1000);
  return (
    <div className="flex h-full flex-col gap-4 [--map-reserve:26rem]" data-testid="wall-rotate">
      <p className="flex items-center justify-between gap-6 text-2xl font-semibold text-white/80">
        <span className="min-w-0 truncate">
          {board.teamId === null
            ? t("wholeRoom", { number: i + 1, total: list.length })
            : t("team", { team: board.teamName ?? "", number: i + 1, total: list.length })}
        </span>
        <span aria-hidden className="shrink-0">
          {t("nextIn", { seconds: left })}
          <span className="ms-4 inline-block h-2 w-40 overflow-hidden rounded-full bg-white/20 align-middle">
            <span className="block h-full bg-sun" style={{ width: `${100 - (left * 1000 * 100) / rotationIntervalMs}%` }} />
          </span>
        </span>
      </p>
      <div className="min-h-0 flex-1 overflow-hidden">
        <WallBoard key={board.id} boardId={board.id} interactive={false} tone="dark" />
      </div>
    </div>
  );
}
