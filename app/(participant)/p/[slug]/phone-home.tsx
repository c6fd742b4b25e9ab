"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { AnnouncementHistory } from "@/app/live/announcement";
import { DeviceNotice } from "@/app/live/device-notice";
import { NowCard } from "@/app/live/nudge";
import { ConnectionPill } from "@/app/live/status";
import { titleInWords } from "@/lib/boards/board-words";
import type { BoardSummary } from "@/lib/boards/find-boards";
import { isPeoplesChoice } from "@/lib/presentations/peoples-choice-board";
import { useEventRoom } from "@/lib/realtime/client/react";
import { useRefresh } from "@/lib/realtime/client/refresh";
import { useBoardList, useTeams } from "@/lib/realtime/client/teams";
import { useOwnNews } from "@/lib/realtime/client/use-own-news";
import { PhoneShell } from "../../phone-shell";
import { MyTeam } from "./my-team";
import { WelcomeWall } from "./welcome-wall";

type Props = {
  event: { name: string; slug: string };
  me: { name: string; key: string; isStaff: boolean };
  board: { id: string; title: string; columns: { key: string; title: string }[] } | null;
  /** Every board at page load, with its note count then; the list itself follows the event room. */
  boards: BoardSummary[];
  /** The welcome wall (shown below) and the people's-choice board (its vote is on the presentations page). */
  hiddenBoardIds: string[];
};

export function PhoneHome({ event, me, board, boards: boardsAtLoad, hiddenBoardIds }: Props) {
  const t = useTranslations("phone.home");
  const templateWords = useTranslations("templates");
  const { presence, noteCounts } = useEventRoom();
  const liveBoards = useBoardList();
  const myTeamId = useTeams().me?.teamId ?? null;
  // The greeting says the name this person gave: drawn again when they change it on another device.
  useOwnNews(["profile:renamed"], useRefresh());
  // The room's boards and my team's, live; other teams' boards stay a tap away on the event page.
  const boards = useMemo(
    () =>
      (liveBoards ?? boardsAtLoad)
        .filter((b) => !hiddenBoardIds.includes(b.id) && !isPeoplesChoice(b) && (b.teamId === null || b.teamId === myTeamId))
        .map((b) => ({ ...b, notes: noteCounts[b.id] ?? boardsAtLoad.find((l) => l.id === b.id)?.notes ?? 0 })),
    [liveBoards, boardsAtLoad, hiddenBoardIds, myTeamId, noteCounts],
  );
  return (
    <PhoneShell aside={<ConnectionPill />}>
      <div className="space-y-5">
        {me.isStaff ? null : <DeviceNotice slug={event.slug} />}
        <section className="space-y-1">
          <p className="eyebrow [overflow-wrap:anywhere]">{event.name}</p>
          <h1 className="text-2xl font-extrabold tracking-tight [overflow-wrap:anywhere]" data-testid="hello">
            {t("hello", { name: me.name })}
          </h1>
          <p className="text-sm text-ink-soft" aria-live="polite">
            {presence
              ? t.rich("peopleHere", {
                  count: presence.participants,
                  num: (chunks) => (
                    <strong className="text-ink" data-testid="people-here">
                      {chunks}
                    </strong>
                  ),
                })
              : t("findingPeople")}
          </p>
        </section>
        {/* Phase, timer, the latest announcement and the current nudge: one card, so the team stays on the first screen. */}
        <NowCard slug={event.slug} />
        <MyTeam slug={event.slug} isStaff={me.isStaff} />
        <nav aria-labelledby="presentations-title" className="space-y-2">
          <h2 id="presentations-title" className="text-xl font-bold">
            {t("presentationsHeading")}
          </h2>
          <ul className="card divide-y divide-line">
            <li>
              <Link href={`/p/${event.slug}/showcase`} className="flex min-h-14 items-center justify-between gap-3 px-4 py-2">
                <span>
                  <span className="block font-semibold">{t("showcase")}</span>
                  <span className="block text-sm text-ink-soft">{t("showcaseHint")}</span>
                </span>
                <span aria-hidden>→</span>
              </Link>
            </li>
            <li>
              <Link
                href={`/p/${event.slug}/presentations`}
                className="flex min-h-14 items-center justify-between gap-3 px-4 py-2"
              >
                <span>
                  <span className="block font-semibold">{t("watch")}</span>
                  <span className="block text-sm text-ink-soft">{t("watchHint")}</span>
                </span>
                <span aria-hidden>→</span>
              </Link>
            </li>
          </ul>
        </nav>
        {boards.length > 0 ? (
          <nav aria-labelledby="boards-title" className="space-y-2">
            <h2 id="boards-title" className="text-xl font-bold">
              {t("boardsHeading")}
            </h2>
            <ul className="card divide-y divide-line">
              {boards.map((b) => (
                <li key={b.id}>
                  <Link
                    href={`/p/${event.slug}/b/${b.id}`}
                    className="flex min-h-14 items-center justify-between gap-3 px-4 py-2"
                  >
                    <span>
                      <span className="block font-semibold">{titleInWords(b, templateWords)}</span>
                      <span className="block text-sm text-ink-soft">
                        {b.teamId === null
                          ? t("boardWholeRoom", { notes: b.notes })
                          : b.teamName
                            ? t("boardMyNamedTeam", { team: b.teamName, notes: b.notes })
                            : t("boardMyTeam", { notes: b.notes })}
                      </span>
                    </span>
                    <span aria-hidden>→</span>
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {board ? <WelcomeWall board={board} myKey={me.key} /> : null}
        <AnnouncementHistory />
        <nav aria-label={t("moreLabel")} className="card divide-y divide-line">
          {me.isStaff ? null : (
            <Link href={`/p/${event.slug}/me`} className="flex min-h-14 items-center justify-between px-4 font-semibold">
              {t("me")} <span aria-hidden>→</span>
            </Link>
          )}
          <Link href={`/p/${event.slug}/device`} className="flex min-h-14 items-center justify-between px-4 font-semibold">
            {t("device")} <span aria-hidden>→</span>
          </Link>
          <Link href={`/e/${event.slug}`} className="flex min-h-14 items-center justify-between px-4 font-semibold">
            {t("about")} <span aria-hidden>→</span>
          </Link>
          {me.isStaff ? (
            <Link href={`/f/${event.slug}`} className="flex min-h-14 items-center justify-between px-4 font-semibold">
              {t("console")} <span aria-hidden>→</span>
            </Link>
          ) : null}
        </nav>
      </div>
    </PhoneShell>
  );
}
