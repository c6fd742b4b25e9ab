import "../../screen.css";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProjectedBoard } from "@/app/live/board/projected-board";
import { ConnectionPill } from "@/app/live/status";
import { Refused } from "@/app/ui/refused";
import { sharedDatabase } from "@/db";
import { findBoard } from "@/lib/boards/find-boards";
import { formatJoinCode } from "@/lib/events/join-code";
import { EventConnectionProvider } from "@/lib/realtime/client/react";
import { staffPage } from "@/lib/server/staff-page";

export const metadata: Metadata = { title: "Board on the big screen" };

/** One board, projected: large, dark, live, with the join code in the corner for latecomers. */
export default async function ProjectedBoardPage({ params }: { params: Promise<{ slug: string; boardId: string }> }) {
  const { slug, boardId } = await params;
  const { event, refused } = await staffPage(slug, `/s/${slug}/b/${boardId}`);
  if (refused) {
    return (
      <Refused
        title="The big screen is opened by the facilitator"
        body="Everything on it reaches your phone too."
        back={{ href: `/p/${event.slug}/b/${boardId}`, label: "Open the board on my page" }}
      />
    );
  }
  const board = await findBoard((await sharedDatabase()).read, boardId);
  if (!board || board.eventId !== event.id) notFound();
  return (
    <EventConnectionProvider eventId={event.id}>
      {/* The screen's rem (screen.css): laid out for 1080p, the same picture at any resolution. */}
      <div className="screen flex h-dvh flex-col overflow-hidden bg-stage px-12 py-6 text-white">
        <header className="mb-4 flex shrink-0 items-center justify-between">
          <p className="text-xl font-semibold uppercase tracking-[0.2em] text-sun">{event.name}</p>
          <p className="text-2xl font-semibold">
            Join with code{" "}
            <span className="font-mono text-3xl font-extrabold tracking-widest">{formatJoinCode(event.joinCode)}</span>
          </p>
        </header>
        <main className="min-h-0 flex-1">
          <h1 className="sr-only">Board: {board.title}</h1>
          <ProjectedBoard boardId={board.id} />
        </main>
        <footer className="mt-3 flex shrink-0 justify-end">
          <ConnectionPill tone="dark" />
        </footer>
      </div>
    </EventConnectionProvider>
  );
}
