import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { sendToJoin } from "@/app/(participant)/send-to-join";
import { ConnectionPill } from "@/app/live/status";
import { sharedDatabase } from "@/db";
import { isStaff } from "@/lib/auth/actor";
import { personTag } from "@/lib/auth/pseudonym";
import { actorForEvent } from "@/lib/auth/web-session";
import { findEventBySlug } from "@/lib/events/find-event";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { EventConnectionProvider } from "@/lib/realtime/client/react";
import { PhoneShell } from "../../../phone-shell";
import { ShowcaseEditor } from "./showcase-editor";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("showcase"))("metaTitle") };
}

export default async function ShowcasePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ team?: string }>;
}) {
  const { slug } = await params;
  const { team } = await searchParams;
  const event = await findEventBySlug((await sharedDatabase()).read, slug);
  if (!event) notFound();
  const actor = await actorForEvent(event.id);
  if (!actor) sendToJoin(event);
  return (
    <ClientMessages area="showcase">
      <EventConnectionProvider eventId={event.id} person={personTag(actor)}>
        <PhoneShell aside={<ConnectionPill />}>
          <ShowcaseEditor slug={event.slug} eventName={event.name} staffTeamId={isStaff(actor) ? (team ?? null) : null} />
        </PhoneShell>
      </EventConnectionProvider>
    </ClientMessages>
  );
}
