"use client";

import { useEffect, useState } from "react";
import { MegaphoneIcon } from "@/app/ui/icons";
import { useEventRoom } from "@/lib/realtime/client/react";
import type { AnnouncementView } from "@/lib/realtime/contract";

/** The latest announcement, until the person dismisses it; a new one always shows again. */
export function AnnouncementBanner({ announcement }: { announcement: AnnouncementView | null }) {
  const [dismissed, setDismissed] = useState<string | null>(null);
  useEffect(() => {
    if (announcement) setDismissed((d) => (d === announcement.id ? d : null));
  }, [announcement]);
  if (!announcement || dismissed === announcement.id) return null;
  return (
    <section
      role="status"
      aria-label="Announcement"
      className="flex items-start gap-3 rounded-xl bg-ink px-4 py-3 text-white shadow-lg"
    >
      <MegaphoneIcon className="mt-0.5 h-6 w-6 shrink-0 text-sun" />
      <p className="flex-1 text-base font-semibold" data-testid="announcement">
        {announcement.text}
      </p>
      <button
        type="button"
        onClick={() => setDismissed(announcement.id)}
        className="-m-2 min-h-11 min-w-11 rounded-lg text-sm font-semibold underline"
      >
        Hide
      </button>
    </section>
  );
}

/** The room's latest announcement, followed live: on every phone page, not only the home page. */
export function RoomAnnouncement() {
  return <AnnouncementBanner announcement={useEventRoom().announcement} />;
}
