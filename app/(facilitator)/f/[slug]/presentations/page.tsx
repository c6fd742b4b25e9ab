import type { Metadata } from "next";
import { Refused } from "@/app/ui/refused";
import { EventConnectionProvider } from "@/lib/realtime/client/react";
import { staffPage } from "@/lib/server/staff-page";
import { PresentationsConsole } from "./presentations-console";

export const metadata: Metadata = { title: "Presentations" };

export default async function PresentationsConsolePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { event, refused } = await staffPage(slug, `/f/${slug}/presentations`);
  if (refused) {
    return (
      <Refused
        title="This page is for the people running the event"
        body="The facilitator runs the presentations from here. Your own page lets you cheer, write to teams and vote."
        back={{ href: `/p/${event.slug}/presentations`, label: "Go to the presentations" }}
      />
    );
  }
  return (
    <EventConnectionProvider eventId={event.id}>
      <PresentationsConsole event={{ name: event.name, slug: event.slug }} />
    </EventConnectionProvider>
  );
}
