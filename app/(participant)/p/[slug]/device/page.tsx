import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { sendToJoin } from "@/app/(participant)/send-to-join";
import { sharedDatabase } from "@/db";
import { actorForEvent, currentDeviceId } from "@/lib/auth/web-session";
import { findEventBySlug } from "@/lib/events/find-event";
import { listDevices } from "@/lib/participants/devices";
import { findPerson } from "@/lib/participants/participant-views";
import { PhoneShell } from "../../../phone-shell";
import { signOutDeviceAction } from "./actions";
import { DeviceLinkPanel } from "./device-link";

export const metadata: Metadata = { title: "Continue on another device" };

export default async function ContinueElsewherePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const db = await sharedDatabase();
  const event = await findEventBySlug(db.read, slug);
  if (!event) notFound();
  const actor = await actorForEvent(event.id);
  if (!actor) sendToJoin(event);
  // Their own full name, even where others see only initials (under-18s).
  const self = actor.kind === "participant" ? await findPerson(db.read, event.id, actor.participantId) : null;
  const devices = actor.kind === "participant" ? await listDevices(db.read, actor.participantId) : [];
  const thisDevice = actor.kind === "participant" ? await currentDeviceId(event.id) : null;

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
        {actor.kind === "participant" ? (
          <section aria-labelledby="devices-title" className="space-y-3">
            <h2 id="devices-title" className="text-xl font-bold">
              Devices signed in as you
            </h2>
            {devices.length === 0 ? (
              <p className="text-ink-soft">Only this one.</p>
            ) : (
              <ul className="divide-y divide-line rounded-xl border border-line" data-testid="devices">
                {devices.map((d) => (
                  <li key={d.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
                    <span>
                      <span className="block font-semibold">
                        {d.label}
                        {d.id === thisDevice ? <span className="font-normal text-ink-soft"> (this device)</span> : null}
                      </span>
                      <span className="block text-sm text-ink-soft">Signed in {formatSignedIn(d.createdAt)}</span>
                    </span>
                    {d.id === thisDevice ? null : (
                      <form action={signOutDeviceAction.bind(null, event.slug)}>
                        <input type="hidden" name="deviceId" value={d.id} />
                        <button type="submit" className="btn btn-secondary min-h-11 py-2 text-sm">
                          Sign out<span className="sr-only"> {d.label}</span>
                        </button>
                      </form>
                    )}
                  </li>
                ))}
              </ul>
            )}
            <p className="text-sm text-ink-soft">Don't recognise one? Sign it out: it stops working at once.</p>
          </section>
        ) : null}
        <Link href={`/p/${event.slug}`} className="link inline-block">
          ← Back to the room
        </Link>
      </div>
    </PhoneShell>
  );
}

/** "today at 14:05" or "on 3 May at 09:30": in the venue's local time as the server sees it. */
function formatSignedIn(at: number) {
  const when = new Date(at);
  const time = when.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  const sameDay = when.toDateString() === new Date().toDateString();
  return sameDay ? `today at ${time}` : `on ${when.toLocaleDateString("en-GB", { day: "numeric", month: "long" })} at ${time}`;
}
