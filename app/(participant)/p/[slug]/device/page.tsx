import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { sharedDatabase } from "@/db";
import { actorForEvent } from "@/lib/auth/web-session";
import { findEventBySlug } from "@/lib/events/find-event";
import { findPerson } from "@/lib/participants/participant-views";
import { PhoneShell } from "../../../phone-shell";
import { DeviceLinkPanel } from "./device-link";

export const metadata: Metadata = { title: "Continue on another device" };

export default async function ContinueElsewherePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const db = await sharedDatabase();
  const event = await findEventBySlug(db.read, slug);
  if (!event) notFound();
  const actor = await actorForEvent(event.id);
  if (!actor) redirect(`/j/${event.joinCode}`);
  // Their own full name, even where others see only initials (under-18s).
  const self = actor.kind === "participant" ? await findPerson(db.read, event.id, actor.participantId) : null;

  return (
    <PhoneShell>
      <div className="card mt-4 space-y-6 p-6">
        <div className="space-y-2">
          <p className="eyebrow">{event.name}</p>
          <h1 className="text-3xl font-extrabold tracking-tight">Continue on another device</h1>
          <p className="text-ink-soft">
            Scan this with your other phone or laptop, or send yourself the link. You'll carry on as{" "}
            {self?.participant.displayName ?? (actor.kind === "staff" ? actor.name : "")}, with everything you've added.
          </p>
        </div>
        {actor.kind === "participant" ? (
          <DeviceLinkPanel slug={event.slug} />
        ) : (
          <p>You're signed in as staff: sign in with your email on the other device instead.</p>
        )}
        <Link href={`/p/${event.slug}`} className="link inline-block">
          ← Back to the room
        </Link>
      </div>
    </PhoneShell>
  );
}
