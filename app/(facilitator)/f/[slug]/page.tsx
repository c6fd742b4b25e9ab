import { asc, eq } from "drizzle-orm";
import type { Metadata } from "next";
import { Refused } from "@/app/ui/refused";
import { sharedDatabase } from "@/db";
import { teams } from "@/db/schema";
import { actorKey } from "@/lib/auth/actor";
import { findWelcomeBoard, listBoards } from "@/lib/boards/find-boards";
import { formatJoinCode } from "@/lib/events/join-code";
import { EventConnectionProvider } from "@/lib/realtime/client/react";
import { phoneBaseUrl } from "@/lib/server/phone-url";
import { staffPage } from "@/lib/server/staff-page";
import { Console } from "./console";

export const metadata: Metadata = { title: "Facilitator console" };

export default async function FacilitatorConsolePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { event, actor, refused } = await staffPage(slug, `/f/${slug}`);
  if (refused) {
    return (
      <Refused
        title="This page is for the people running the event"
        body="The facilitator console can only be opened by the event's facilitators and organisers. Your own page has everything you need."
        back={{ href: `/p/${event.slug}`, label: "Go to my page" }}
      />
    );
  }
  // The same address as the big screen's join wall: one a phone in the room can open.
  const address = await phoneBaseUrl();
  const db = (await sharedDatabase()).read;
  const [board, boards, eventTeams] = await Promise.all([
    findWelcomeBoard(db, event.id),
    listBoards(db, event.id),
    db.select({ id: teams.id, name: teams.name }).from(teams).where(eq(teams.eventId, event.id)).orderBy(asc(teams.position)),
  ]);
  return (
    <EventConnectionProvider eventId={event.id}>
      <Console
        event={{
          name: event.name,
          slug: event.slug,
          joinCode: formatJoinCode(event.joinCode),
          joinUrl: `${address.base}/j/${event.joinCode}`,
          reachableByPhones: address.reachableByPhones,
        }}
        me={{ name: actor.name, role: actor.role, key: actorKey(actor) }}
        board={board ? { id: board.id, title: board.title, columns: board.columns } : null}
        boards={boards}
        teams={eventTeams}
      />
    </EventConnectionProvider>
  );
}
