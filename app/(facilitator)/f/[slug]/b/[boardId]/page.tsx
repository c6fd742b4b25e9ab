import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { NotOnStaff, Refused } from "@/app/ui/refused";
import { sharedDatabase } from "@/db";
import { personTag } from "@/lib/auth/pseudonym";
import { findBoard, listBoards } from "@/lib/boards/find-boards";
import { EventConnectionProvider } from "@/lib/realtime/event-connection";
import { staffPage } from "@/lib/server/staff-page";
import { FacilitatorBoard } from "./facilitator-board";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("console.board");
  return { title: t("metaTitle") };
}

export default async function FacilitatorBoardPage({ params }: { params: Promise<{ slug: string; boardId: string }> }) {
  const { slug, boardId } = await params;
  const { event, actor, refused } = await staffPage(slug, `/f/${slug}/b/${boardId}`);
  if (refused) {
    if (refused === "account") return <NotOnStaff />;
    const t = await getTranslations("console.board");
    return (
      <Refused
        title={t("refusedTitle")}
        body={t("refusedBody")}
        back={{ href: `/p/${event.slug}/b/${boardId}`, label: t("refusedBack") }}
      />
    );
  }
  const db = (await sharedDatabase()).read;
  const board = await findBoard(db, boardId);
  if (!board || board.eventId !== event.id) notFound();
  const others = (await listBoards(db, event.id)).filter((b) => b.id !== boardId);
  return (
    <EventConnectionProvider eventId={event.id} person={personTag(actor)} staff>
      <FacilitatorBoard slug={event.slug} eventName={event.name} boardId={boardId} otherBoards={others} />
    </EventConnectionProvider>
  );
}
