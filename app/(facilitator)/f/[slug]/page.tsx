import { asc, eq } from "drizzle-orm";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotOnStaff, Refused } from "@/app/ui/refused";
import { sharedDatabase } from "@/db";
import { teams } from "@/db/schema";
import { personTag } from "@/lib/auth/pseudonym";
import { findWelcomeBoard, listBoards } from "@/lib/boards/find-boards";
import { formatJoinCode } from "@/lib/events/join-code";
import { newSubmission } from "@/lib/forms/form-submission";
import { EventConnectionProvider } from "@/lib/realtime/event-connection";
import { phoneBaseUrl } from "@/lib/server/phone-url";
import { staffPage } from "@/lib/server/staff-page";
import { announceAction, createBoardAction } from "./actions";
import { Console } from "./console";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("console.page");
  return { title: t("metaTitle") };
}

export default async function FacilitatorConsolePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { event, actor, refused } = await staffPage(slug, `/f/${slug}`);
  if (refused) {
    if (refused === "account") return <NotOnStaff />;
    const t = await getTranslations("console.page");
    return (
      <Refused title={t("refusedTitle")} body={t("refusedBody")} back={{ href: `/p/${event.slug}`, label: t("refusedBack") }} />
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
    <EventConnectionProvider eventId={event.id} person={personTag(actor)} staff>
      <Console
        event={{
          name: event.name,
          slug: event.slug,
          joinCode: formatJoinCode(event.joinCode),
          joinUrl: `${address.base}/j/${event.joinCode}`,
          reachableByPhones: address.reachableByPhones,
          draft: event.status === "draft",
        }}
        me={{ name: actor.name, role: actor.role }}
        board={board ? { id: board.id, title: board.title, columns: board.columns } : null}
        boards={boards}
        teams={eventTeams}
        actions={{ announce: announceAction.bind(null, event.slug), createBoard: createBoardAction.bind(null, event.slug) }}
        announcementSubmission={newSubmission()}
      />
    </EventConnectionProvider>
  );
}
