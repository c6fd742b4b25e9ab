import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NotOnStaff, Refused } from "@/app/ui/refused";
import { sharedDatabase } from "@/db";
import { personTag } from "@/lib/auth/pseudonym";
import { findRun } from "@/lib/presentations/store";
import { EventConnectionProvider } from "@/lib/realtime/event-connection";
import { staffPage } from "@/lib/server/staff-page";
import { saveTimesAction } from "./actions";
import { PresentationsConsole } from "./presentations-console";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("presentations-console.page");
  return { title: t("metaTitle") };
}

export default async function PresentationsConsolePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { event, actor, refused } = await staffPage(slug, `/f/${slug}/presentations`);
  if (refused) {
    if (refused === "account") return <NotOnStaff />;
    const t = await getTranslations("presentations-console.page");
    return (
      <Refused
        title={t("refusedTitle")}
        body={t("refusedBody")}
        back={{ href: `/p/${event.slug}/presentations`, label: t("refusedBack") }}
      />
    );
  }
  const run = await findRun((await sharedDatabase()).read, event.id);
  return (
    <EventConnectionProvider eventId={event.id} person={personTag(actor)} staff>
      <PresentationsConsole
        event={{ name: event.name, slug: event.slug }}
        saveTimes={saveTimesAction.bind(null, event.slug)}
        times={{ presentSeconds: run.presentSeconds, questionsSeconds: run.questionsSeconds }}
      />
    </EventConnectionProvider>
  );
}
