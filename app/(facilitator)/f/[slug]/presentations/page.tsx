import type { Metadata } from "next";
import { Refused } from "@/app/ui/refused";
import { sharedDatabase } from "@/db";
import { findRun } from "@/lib/presentations/store";
import { EventConnectionProvider } from "@/lib/realtime/client/react";
import { staffPage } from "@/lib/server/staff-page";
import { saveTimesAction } from "./actions";
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
  const run = await findRun((await sharedDatabase()).read, event.id);
  return (
    <EventConnectionProvider eventId={event.id}>
      <PresentationsConsole
        event={{ name: event.name, slug: event.slug }}
        saveTimes={saveTimesAction.bind(null, event.slug)}
        times={{ presentSeconds: run.presentSeconds, questionsSeconds: run.questionsSeconds }}
      />
    </EventConnectionProvider>
  );
}
