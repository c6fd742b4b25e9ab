import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { sendToJoin } from "@/app/(participant)/send-to-join";
import { sharedDatabase } from "@/db";
import { actorForEvent } from "@/lib/auth/web-session";
import { findEventBySlug } from "@/lib/events/find-event";
import { findPerson, privateDetails } from "@/lib/participants/participant-views";
import { EventConnectionProvider } from "@/lib/realtime/client/react";
import { PhoneShell } from "../../../phone-shell";
import { LeaveEvent } from "./leave-event";
import { ProfileForm } from "./profile-form";

export const metadata: Metadata = { title: "About you" };

/**
 * The optional "about you" step right after joining (`?welcome=1`), and later the place to see
 * and change what was shared, or to leave the event.
 */
export default async function AboutMePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ welcome?: string }>;
}) {
  const { slug } = await params;
  const welcome = (await searchParams).welcome === "1";
  const db = await sharedDatabase();
  const event = await findEventBySlug(db.read, slug);
  if (!event) notFound();
  const actor = await actorForEvent(event.id);
  if (!actor) sendToJoin(event);
  if (actor.kind !== "participant") {
    return (
      <PhoneShell>
        <div className="card mt-4 space-y-4 p-6">
          <h1 className="text-3xl font-extrabold tracking-tight">About you</h1>
          <p>You're signed in as staff of this event, so there is no participant profile to edit here.</p>
          <Link href={`/p/${event.slug}`} className="link inline-block">
            ← Back to the room
          </Link>
        </div>
      </PhoneShell>
    );
  }
  const found = await findPerson(db.read, event.id, actor.participantId);
  if (!found) sendToJoin(event);
  const p = found.participant;
  const details = privateDetails(p);

  return (
    <EventConnectionProvider eventId={event.id}>
      <PhoneShell>
        <div className="mt-4 space-y-6">
          <div className="space-y-2">
            <p className="eyebrow">{event.name}</p>
            <h1 className="text-3xl font-extrabold tracking-tight">
              {welcome ? `You're in, ${p.displayName}!` : "What you've shared"}
            </h1>
            <p className="text-ink-soft">
              {welcome
                ? "A few quick questions help the organisers mix teams well. Every one is optional."
                : "You can change any of this, or take it back, at any time."}
            </p>
          </div>
          <ProfileForm
            slug={event.slug}
            welcome={welcome}
            initial={{
              displayName: details.displayName,
              skills: p.skills,
              kind: p.kind,
              ageBand: details.ageBand,
              accessNeeds: details.accessNeeds,
              contactConsent: details.contactConsent,
              contact: details.contact,
            }}
          />
          {welcome ? null : (
            <>
              <section aria-labelledby="your-data-heading" className="card space-y-3 p-5">
                <h2 id="your-data-heading" className="text-xl font-bold">
                  Your data
                </h2>
                <p className="text-ink-soft">
                  Everything this event holds about you: what you shared, your team, your notes, votes, feedback and uploads, in
                  one file (JSON).
                </p>
                <a href={`/p/${event.slug}/me/data`} download className="btn btn-secondary w-full">
                  Download your data
                </a>
                <p className="text-sm text-ink-soft">
                  To delete your notes, leave the event below and tick "Also delete the notes I wrote".{" "}
                  <Link href={`/j/${event.joinCode}/privacy?from=me`} className="link">
                    How we use your information
                  </Link>
                </p>
              </section>
              <Link href={`/p/${event.slug}`} className="link inline-block">
                ← Back to the room
              </Link>
              <LeaveEvent slug={event.slug} eventName={event.name} />
            </>
          )}
        </div>
      </PhoneShell>
    </EventConnectionProvider>
  );
}
