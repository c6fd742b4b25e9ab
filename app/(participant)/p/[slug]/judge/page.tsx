import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { sendToJoin } from "@/app/(participant)/send-to-join";
import { ConnectionPill } from "@/app/live/status";
import { sharedDatabase } from "@/db";
import { personTag } from "@/lib/auth/pseudonym";
import { actorForEvent } from "@/lib/auth/web-session";
import { findEventBySlug } from "@/lib/events/find-event";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { EventConnectionProvider } from "@/lib/realtime/client/react";
import { PhoneShell } from "../../../phone-shell";
import { JudgeScores } from "./judge-scores";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("presentations"))("judgeMetaTitle") };
}

export default async function JudgePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const event = await findEventBySlug((await sharedDatabase()).read, slug);
  if (!event) notFound();
  const actor = await actorForEvent(event.id);
  if (!actor) sendToJoin(event);
  return (
    <ClientMessages area="judge">
      <EventConnectionProvider eventId={event.id} person={personTag(actor)}>
        <PhoneShell aside={<ConnectionPill />}>
          <JudgeScores slug={event.slug} eventName={event.name} />
        </PhoneShell>
      </EventConnectionProvider>
    </ClientMessages>
  );
}
