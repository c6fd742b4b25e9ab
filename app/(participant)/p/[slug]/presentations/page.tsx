import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { HeldOutPage } from "@/app/(participant)/p/[slug]/held-out-page";
import { phoneVisitor } from "@/app/(participant)/phone-visitor";
import { RoomAnnouncement } from "@/app/live/announcement";
import { ConnectionPill } from "@/app/live/status";
import { sharedDatabase } from "@/db";
import { findEventBySlug } from "@/lib/events/find-event";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { EventConnectionProvider } from "@/lib/realtime/event-connection";
import { PhoneShell } from "../../../phone-shell";
import { RoomResponds } from "./room-responds";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("presentations"))("metaTitle") };
}

export default async function PresentationsPhonePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const event = await findEventBySlug((await sharedDatabase()).read, slug);
  if (!event) notFound();
  const { heldOut, person } = await phoneVisitor(event);
  if (heldOut) return <HeldOutPage event={event} why={heldOut} person={person} />;
  return (
    <ClientMessages area="presentations">
      <EventConnectionProvider eventId={event.id} person={person}>
        <PhoneShell aside={<ConnectionPill />}>
          <div className="space-y-4">
            <RoomAnnouncement />
            <RoomResponds slug={event.slug} eventName={event.name} />
          </div>
        </PhoneShell>
      </EventConnectionProvider>
    </ClientMessages>
  );
}
