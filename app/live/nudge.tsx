"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { MegaphoneIcon } from "@/app/ui/icons";
import { keptKey } from "@/lib/realtime/client/kept";
import { useEventRoom, useKeeper } from "@/lib/realtime/client/react";
import { useServerNow } from "@/lib/realtime/client/server-clock";
import { whatIsNow } from "@/lib/room/now";
import { nudgeInWords } from "@/lib/room/nudge-words";
import { nudgeHref } from "@/lib/room/nudges";
import { RoomTimer } from "./room-timer";

const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

/**
 * A nudge answered on this phone stays answered, even when it comes back with the room's snapshot.
 * Kept for the person who answered it: the next one on a shared phone still gets it.
 */
function useAnswered(storageKey: string) {
  const [answered, setAnsweredState] = useState<string | null>(null);
  useEffect(() => {
    try {
      setAnsweredState(localStorage.getItem(storageKey));
    } catch {
      // Private browsing without storage: answered for this page only.
    }
  }, [storageKey]);
  const setAnswered = (id: string) => {
    setAnsweredState(id);
    try {
      localStorage.setItem(storageKey, id);
    } catch {}
  };
  return [answered, setAnswered] as const;
}

/**
 * What the room is doing now, on a phone, in one card: the phase and the shared countdown, the
 * latest announcement and the facilitator's current nudge (an invitation to a board or a vote).
 * One card rather than a stack of banners, so the person's own team stays on the first screen.
 * Announcements and nudges stop being "now" after a while (lib/room/now.ts). Never a forced
 * navigation: people may be in the middle of typing.
 */
export function NowCard({ slug, boardId = null }: { slug: string; boardId?: string | null }) {
  const t = useTranslations("live.now");
  const templateWords = useTranslations("templates");
  const room = useEventRoom();
  // Re-read every 15 s, so a stale announcement or nudge leaves without a reload.
  const serverNow = useServerNow(15_000);
  const { announcement, nudge } = whatIsNow(room, serverNow);
  const [answered, setAnswered] = useAnswered(keptKey(useKeeper(), "nudge"));
  const [hidden, setHidden] = useState<string | null>(null);

  useEffect(() => {
    // A gentle buzz where phones allow it; the card itself is the cue everywhere else.
    if (room.nudge && typeof navigator !== "undefined" && "vibrate" in navigator) navigator.vibrate?.(150);
  }, [room.nudge]);

  const state = room.room;
  const timerShown = state && (state.timer.status !== "idle" || state.phase);
  // Already on the board it points to: nothing to say. A phase is news on every page.
  const here = nudge?.boardId != null && nudge.boardId === boardId;
  // On the event page, a nudge without a board has nowhere else to send people.
  const goes = nudge ? nudge.boardId !== null || boardId !== null : false;
  const showNudge = nudge && answered !== nudge.id && !here ? nudgeInWords(nudge, templateWords) : null;
  const showAnnouncement = announcement && hidden !== announcement.id ? announcement : null;

  if (!timerShown && !showNudge && !showAnnouncement) return null;
  return (
    <section aria-label={t("label")} className="card divide-y divide-line overflow-hidden" data-testid="now-card">
      {timerShown ? (
        <div className="flex items-center justify-between gap-3 px-4 py-2" data-testid="room-status">
          <p className="min-w-0">
            <span className="block text-xs font-semibold uppercase tracking-wider text-ink-soft">{t("now")}</span>
            <span className="block text-lg font-bold [overflow-wrap:anywhere]" data-testid="room-phase">
              {state.phase?.name ?? t("timer")}
            </span>
          </p>
          {state.timer.status !== "idle" ? <RoomTimer timer={state.timer} size="phone" /> : null}
        </div>
      ) : null}
      {showAnnouncement ? (
        <div role="status" aria-label={t("announcement")} className="flex items-start gap-3 bg-ink px-4 py-2 text-white">
          <MegaphoneIcon className="mt-0.5 h-5 w-5 shrink-0 text-sun" />
          <p className="flex-1 font-semibold [overflow-wrap:anywhere]" data-testid="announcement">
            {showAnnouncement.text}
          </p>
          <button
            type="button"
            onClick={() => setHidden(showAnnouncement.id)}
            className="-my-2 min-h-11 min-w-11 rounded-lg text-sm font-semibold underline"
          >
            {t("hide")}
          </button>
        </div>
      ) : null}
      {showNudge ? (
        <div
          role="status"
          aria-label={t("fromFacilitator")}
          className="flex flex-wrap items-center gap-x-3 gap-y-1 bg-brand px-4 py-2 text-white motion-safe:animate-[rise_300ms_ease-out_both]"
          data-testid="nudge"
        >
          <p className="min-w-0 flex-1 basis-48 font-semibold [overflow-wrap:anywhere]">
            {showNudge.kind === "phase"
              ? showNudge.boardTitle
                ? t.rich("phaseOnBoard", { title: showNudge.title, board: showNudge.boardTitle, strong })
                : t.rich("phase", { title: showNudge.title, strong })
              : showNudge.kind === "votes"
                ? t.rich("votes", { title: showNudge.title, strong })
                : t.rich("board", { title: showNudge.title, strong })}
            <span className="block text-sm font-normal text-white/90">{t("from", { name: showNudge.by })}</span>
          </p>
          <div className="flex gap-2">
            {goes ? (
              <Link
                href={nudgeHref(slug, showNudge)}
                className="btn min-h-11 bg-white px-4 py-2 text-ink"
                onClick={() => setAnswered(showNudge.id)}
                data-testid="nudge-go"
              >
                {showNudge.kind === "votes" ? t("goVote") : showNudge.boardId ? t("goBoard") : t("seeWhatsOn")}
              </Link>
            ) : null}
            <button
              type="button"
              onClick={() => setAnswered(showNudge.id)}
              className="min-h-11 rounded-lg px-2 text-sm font-semibold underline"
            >
              {goes ? t("notNow") : t("ok")}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
