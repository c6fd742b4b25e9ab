"use client";

import Link from "next/link";
import { AnnouncementBanner } from "@/app/live/announcement";
import { ConnectionPill } from "@/app/live/status";
import { useEventRoom } from "@/lib/realtime/client/react";
import { PhoneShell } from "../../phone-shell";
import { WelcomeWall } from "./welcome-wall";

type Props = {
  event: { name: string; slug: string };
  me: { name: string; key: string; isStaff: boolean };
  board: { id: string; title: string; columns: { key: string; title: string }[] } | null;
};

export function PhoneHome({ event, me, board }: Props) {
  const { announcement, presence } = useEventRoom();
  return (
    <PhoneShell aside={<ConnectionPill />}>
      <div className="space-y-6">
        <AnnouncementBanner announcement={announcement} />
        <section className="space-y-1">
          <p className="eyebrow">{event.name}</p>
          <h1 className="text-3xl font-extrabold tracking-tight">Hello, {me.name}</h1>
          <p className="text-ink-soft" aria-live="polite">
            {presence ? (
              <>
                <strong className="text-ink" data-testid="people-here">
                  {presence.people}
                </strong>{" "}
                {presence.people === 1 ? "person is" : "people are"} here now
              </>
            ) : (
              "Finding out who's here…"
            )}
          </p>
        </section>
        {board ? <WelcomeWall board={board} myKey={me.key} /> : null}
        <nav aria-label="More" className="card divide-y divide-line">
          <Link href={`/p/${event.slug}/device`} className="flex min-h-14 items-center justify-between px-4 font-semibold">
            Continue on another device <span aria-hidden>→</span>
          </Link>
          <Link href={`/e/${event.slug}`} className="flex min-h-14 items-center justify-between px-4 font-semibold">
            About this event and its briefs <span aria-hidden>→</span>
          </Link>
          {me.isStaff ? (
            <Link href={`/f/${event.slug}`} className="flex min-h-14 items-center justify-between px-4 font-semibold">
              Facilitator console <span aria-hidden>→</span>
            </Link>
          ) : null}
        </nav>
      </div>
    </PhoneShell>
  );
}
