import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { HeldOutPage } from "@/app/(participant)/p/[slug]/held-out-page";
import { phoneVisitor } from "@/app/(participant)/phone-visitor";
import { PhoneBoard } from "@/app/live/board/phone-board";
import { NowCard } from "@/app/live/nudge";
import { ConnectionPill } from "@/app/live/status";
import { sharedDatabase } from "@/db";
import { isStaff } from "@/lib/auth/actor";
import { findBoard } from "@/lib/boards/find-boards";
import { canReadBoard } from "@/lib/boards/rules";
import { findEventBySlug } from "@/lib/events/find-event";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { EventConnectionProvider } from "@/lib/realtime/event-connection";
import { PhoneShell } from "../../../../phone-shell";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("board");
  return { title: t("pageTitle") };
}

export default async function ParticipantBoardPage({ params }: { params: Promise<{ slug: string; boardId: string }> }) {
  const { slug, boardId } = await params;
  const db = (await sharedDatabase()).read;
  const event = await findEventBySlug(db, slug);
  if (!event) notFound();
  const { actor, heldOut, person } = await phoneVisitor(event);
  if (heldOut) return <HeldOutPage event={event} why={heldOut} person={person} />;
  const board = await findBoard(db, boardId);
  if (!board || !canReadBoard(actor, board)) notFound();
  return (
    <ClientMessages area="board">
      <EventConnectionProvider eventId={event.id} person={person}>
        <PhoneShell aside={<ConnectionPill />}>
          <div className="space-y-4">
            <Link href={`/p/${event.slug}`} className="link inline-block">
              ← {event.name}
            </Link>
            <NowCard slug={event.slug} boardId={board.id} />
            <PhoneBoard boardId={board.id} isStaff={isStaff(actor)} headingLevel={1} />
          </div>
        </PhoneShell>
      </EventConnectionProvider>
    </ClientMessages>
  );
}
