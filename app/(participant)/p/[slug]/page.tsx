import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { HeldOutPage } from "@/app/(participant)/p/[slug]/held-out-page";
import { phoneVisitor } from "@/app/(participant)/phone-visitor";
import { sharedDatabase } from "@/db";
import { actorKey } from "@/lib/auth/actor";
import { findWelcomeBoard, listBoards } from "@/lib/boards/find-boards";
import { findEventBySlug } from "@/lib/events/find-event";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { findPerson } from "@/lib/participants/participant-views";
import { findRun } from "@/lib/presentations/store";
import { EventConnectionProvider } from "@/lib/realtime/event-connection";
import { PhoneHome } from "./phone-home";

export async function generateMetadata() {
  const t = await getTranslations("phone.home");
  return { title: t("title") };
}

export default async function ParticipantHomePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const db = await sharedDatabase();
  const event = await findEventBySlug(db.read, slug);
  if (!event) notFound();
  const { actor, heldOut, person } = await phoneVisitor(event);
  if (heldOut) return <HeldOutPage event={event} why={heldOut} person={person} />;
  const board = await findWelcomeBoard(db.read, event.id);
  const { peoplesChoiceBoardId } = await findRun(db.read, event.id);
  const boards = await listBoards(db.read, event.id);
  // Their own name, in full, even where others see only initials (under-18s).
  const self = actor.kind === "participant" ? await findPerson(db.read, event.id, actor.participantId) : null;

  return (
    <ClientMessages area="home">
      <EventConnectionProvider eventId={event.id} person={person}>
        <PhoneHome
          event={{ name: event.name, slug: event.slug }}
          me={{
            name: self?.participant.displayName ?? (actor.kind === "staff" ? actor.name : ""),
            key: actorKey(actor),
            isStaff: actor.kind === "staff",
          }}
          board={board ? { id: board.id, title: board.title, columns: board.columns } : null}
          boards={boards}
          hiddenBoardIds={[board?.id, peoplesChoiceBoardId].filter((id): id is string => !!id)}
        />
      </EventConnectionProvider>
    </ClientMessages>
  );
}
