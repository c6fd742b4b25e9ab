import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Refused } from "@/app/ui/refused";
import { sharedDatabase } from "@/db";
import { findBoard, listBoards } from "@/lib/boards/find-boards";
import { EventConnectionProvider } from "@/lib/realtime/client/react";
import { staffPage } from "@/lib/server/staff-page";
import { FacilitatorBoard } from "./facilitator-board";

export const metadata: Metadata = { title: "Board" };

export default async function FacilitatorBoardPage({ params }: { params: Promise<{ slug: string; boardId: string }> }) {
  const { slug, boardId } = await params;
  const { event, refused } = await staffPage(slug, `/f/${slug}/b/${boardId}`);
  if (refused) {
    return (
      <Refused
        title="This page is for the people running the event"
        body="You can add to this board from your own page."
        back={{ href: `/p/${event.slug}/b/${boardId}`, label: "Open the board on my page" }}
      />
    );
  }
  const db = (await sharedDatabase()).read;
  const board = await findBoard(db, boardId);
  if (!board || board.eventId !== event.id) notFound();
  const others = (await listBoards(db, event.id)).filter((b) => b.id !== boardId);
  return (
    <EventConnectionProvider eventId={event.id}>
      <FacilitatorBoard slug={event.slug} eventName={event.name} boardId={boardId} otherBoards={others} />
    </EventConnectionProvider>
  );
}
