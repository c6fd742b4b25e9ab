import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { HeldOutPage } from "@/app/(participant)/p/[slug]/held-out-page";
import { phoneVisitor } from "@/app/(participant)/phone-visitor";
import { ConnectionPill } from "@/app/live/status";
import { sharedDatabase } from "@/db";
import { findEventBySlug } from "@/lib/events/find-event";
import { ClientMessages } from "@/lib/i18n/client-messages";
import { EventConnectionProvider } from "@/lib/realtime/event-connection";
import { PhoneShell } from "../../../phone-shell";
import { JudgeScores } from "./judge-scores";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("presentations"))("judgeMetaTitle") };
}

export default async function JudgePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const event = await findEventBySlug((await sharedDatabase()).read, slug);
  if (!event) notFound();
  const { heldOut, person } = await phoneVisitor(event);
  if (heldOut) return <HeldOutPage event={event} why={heldOut} person={person} />;
  return (
    <ClientMessages area="judge">
      <EventConnectionProvider eventId={event.id} person={person}>
        <PhoneShell aside={<ConnectionPill />}>
          <JudgeScores slug={event.slug} eventName={event.name} />
        </PhoneShell>
      </EventConnectionProvider>
    </ClientMessages>
  );
}
