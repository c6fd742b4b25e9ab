import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { HeldOutPage } from "@/app/(participant)/p/[slug]/held-out-page";
import { phoneVisitor } from "@/app/(participant)/phone-visitor";
import { ConnectionPill } from "@/app/live/status";
import { sharedDatabase } from "@/db";
import { isStaff } from "@/lib/auth/actor";
import { findEventBySlug } from "@/lib/events/find-event";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { EventConnectionProvider } from "@/lib/realtime/event-connection";
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
  const { actor, heldOut, person } = await phoneVisitor(event);
  if (heldOut) return <HeldOutPage event={event} why={heldOut} person={person} />;
  return (
    <ClientMessages area="showcase">
      <EventConnectionProvider eventId={event.id} person={person}>
        <PhoneShell aside={<ConnectionPill />}>
          <ShowcaseEditor slug={event.slug} eventName={event.name} staffTeamId={isStaff(actor) ? (team ?? null) : null} />
        </PhoneShell>
      </EventConnectionProvider>
    </ClientMessages>
  );
}
