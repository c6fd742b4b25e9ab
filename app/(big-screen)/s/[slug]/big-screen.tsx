"use client";

import { NoteCard } from "@/app/live/note-card";
import { ConnectionPill } from "@/app/live/status";
import { TeamOverview } from "@/app/live/team-overview";
import { MegaphoneIcon } from "@/app/ui/icons";
import { plural } from "@/lib/plural";
import { useEventRoom } from "@/lib/realtime/client/react";
import { useBoard } from "@/lib/realtime/client/use-board";

type Props = {
  event: { name: string; place: string };
  join: { url: string; shortUrl: string; code: string; qr: string };
  board: { id: string; title: string; columns: { key: string; title: string }[] } | null;
};

/** The projector: readable from the back of a hall, no chrome, live. */
export function BigScreen({ event, join, board }: Props) {
  const { presence, announcement } = useEventRoom();
  const wall = useBoard(board?.id ?? "");
  const wallNotes = Object.values(wall.state?.notes ?? {}).filter((n) => !n.hidden);
  const latest = wallNotes.sort((a, b) => b.createdAt - a.createdAt).slice(0, 9);

  return (
    <div className="flex min-h-dvh flex-col bg-stage text-white">
      <header className="flex items-center justify-between px-12 pt-10">
        <div>
          <p className="text-xl font-semibold uppercase tracking-[0.2em] text-sun">Made In</p>
          <h1 className="text-5xl font-extrabold tracking-tight">{event.name}</h1>
        </div>
        <div className="flex items-center gap-6">
          <p className="text-right text-3xl font-bold" aria-live="polite">
            <span className="text-7xl font-extrabold tabular-nums text-sun" data-testid="screen-people">
              {presence?.people ?? "–"}
            </span>
            <span className="block text-xl font-semibold text-white/80">
              {presence?.people === 1 ? "person here" : "people here"}
            </span>
          </p>
        </div>
      </header>

      {announcement ? (
        <section
          role="status"
          aria-label="Announcement"
          className="mx-12 mt-8 flex items-center gap-6 rounded-2xl bg-sun px-10 py-6 text-4xl font-extrabold text-ink shadow-2xl"
          data-testid="screen-announcement"
        >
          <MegaphoneIcon className="h-12 w-12 shrink-0" />
          {announcement.text}
        </section>
      ) : null}

      <main className="grid flex-1 grid-cols-[minmax(0,560px)_1fr] gap-12 px-12 py-10">
        <section
          aria-labelledby="join-title"
          className="flex flex-col items-center justify-center rounded-3xl bg-white p-10 text-ink"
        >
          <h2 id="join-title" className="text-4xl font-extrabold">
            Join on your phone
          </h2>
          {/* biome-ignore lint/performance/noImgElement: a data: URL SVG needs no optimisation */}
          <img src={join.qr} alt={`QR code to join: ${join.url}`} className="my-6 h-80 w-80" />
          <p className="text-2xl font-semibold text-ink-soft">or go to</p>
          <p className="text-3xl font-bold">{join.shortUrl}</p>
          <p className="mt-4 text-2xl font-semibold text-ink-soft">code</p>
          <p className="font-mono text-6xl font-extrabold tracking-[0.15em]" data-testid="screen-code">
            {join.code}
          </p>
        </section>

        {board ? (
          <section aria-labelledby="wall-title" className="min-w-0">
            <h2 id="wall-title" className="mb-6 text-3xl font-bold">
              {board.title}
              <span className="ml-4 text-2xl font-semibold text-white/70">{plural(wallNotes.length, "note")}</span>
            </h2>
            {latest.length === 0 ? (
              <p className="rounded-2xl bg-stage-raised p-10 text-3xl text-white/80">
                Notes from phones appear here. {board.columns.map((c) => c.title).join(" · ")}
              </p>
            ) : (
              <ul className="grid grid-cols-3 gap-6">
                {latest.map((n) => (
                  <li key={n.id} data-testid="screen-note">
                    <NoteCard text={n.text} colour={n.colour} author={n.authorName} size="wall" />
                  </li>
                ))}
              </ul>
            )}
          </section>
        ) : null}
      </main>
      <TeamOverview variant="screen" />
      <footer className="flex justify-end px-12 pb-6">
        <ConnectionPill tone="dark" />
      </footer>
    </div>
  );
}
