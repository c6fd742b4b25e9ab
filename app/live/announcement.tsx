"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { MegaphoneIcon } from "@/app/ui/icons";
import { useEventRoom } from "@/lib/realtime/client/react";
import { useServerNow } from "@/lib/realtime/client/server-clock";
import type { AnnouncementView } from "@/lib/realtime/contract";
import { whatIsNow } from "@/lib/room/now";
import { useTimeOfDay } from "./room-timer";

/** The latest announcement, until the person dismisses it; a new one always shows again. */
export function AnnouncementBanner({ announcement }: { announcement: AnnouncementView | null }) {
  const t = useTranslations("live.announcements");
  const [dismissed, setDismissed] = useState<string | null>(null);
  useEffect(() => {
    if (announcement) setDismissed((d) => (d === announcement.id ? d : null));
  }, [announcement]);
  if (!announcement || dismissed === announcement.id) return null;
  return (
    <section
      role="status"
      aria-label={t("label")}
      className="flex items-start gap-3 rounded-xl bg-ink px-4 py-3 text-white shadow-lg"
    >
      <MegaphoneIcon className="mt-0.5 h-6 w-6 shrink-0 text-sun" />
      <p className="flex-1 text-base font-semibold [overflow-wrap:anywhere]" data-testid="announcement">
        {announcement.text}
      </p>
      <button
        type="button"
        onClick={() => setDismissed(announcement.id)}
        className="-m-2 min-h-11 min-w-11 rounded-lg text-sm font-semibold underline"
      >
        {t("hide")}
      </button>
    </section>
  );
}

/**
 * The room's latest announcement while it is still news (lib/room/now.ts), followed live: for
 * phone pages without the "now" card.
 */
export function RoomAnnouncement() {
  const room = useEventRoom();
  const { announcement } = whatIsNow({ announcement: room.announcement, nudge: null }, useServerNow(15_000));
  return <AnnouncementBanner announcement={announcement} />;
}

/** Every announcement the room keeps, newest first, with its time: nothing is lost when one stops being "now". */
export function AnnouncementHistory() {
  const t = useTranslations("live.announcements");
  const timeOfDay = useTimeOfDay();
  const { announcements } = useEventRoom();
  if (announcements.length === 0) return null;
  return (
    <details className="card px-4 py-2" data-testid="announcement-history">
      <summary className="flex min-h-11 cursor-pointer items-center font-semibold">
        {t("history", { count: announcements.length })}
      </summary>
      <ol className="divide-y divide-line pb-2">
        {announcements.map((a) => (
          <li key={a.id} className="py-2">
            <span className="block text-sm text-ink-soft">{timeOfDay(a.createdAt)}</span>
            <span className="block [overflow-wrap:anywhere]">{a.text}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}
