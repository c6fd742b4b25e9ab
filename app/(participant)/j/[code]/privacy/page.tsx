import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { sharedDatabase } from "@/db";
import { formatShortDate } from "@/lib/events/event-dates";
import { findEventByJoinCode } from "@/lib/events/find-event";
import { retentionEndsAt, retentionLabel } from "@/lib/privacy/retention";
import { PhoneShell } from "../../../phone-shell";

export const metadata: Metadata = { title: "How we use your information", robots: { index: false, follow: false } };

/**
 * The privacy notice, in plain words and on one phone screen: who runs the event, who sees what,
 * how long it is kept, and what people can do about it. Reached with the join code, from the
 * join page and from "What you've shared".
 */
export default async function PrivacyNoticePage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<{ from?: string }>;
}) {
  const { code } = await params;
  const fromMe = (await searchParams).from === "me";
  const event = await findEventByJoinCode((await sharedDatabase()).read, code);
  if (!event) notFound();
  const controller = event.dataController || `The organisers of ${event.name}`;
  const until = formatShortDate(retentionEndsAt(event));

  return (
    <PhoneShell>
      <article className="space-y-3 text-[0.95rem] leading-snug">
        <header className="space-y-1">
          <p className="eyebrow">{event.name}</p>
          <h1 className="text-2xl font-extrabold tracking-tight">How we use your information</h1>
        </header>
        <section aria-labelledby="who-runs">
          <h2 id="who-runs" className="font-bold">
            Who looks after it
          </h2>
          <p>
            {controller}
            {event.privacyContact ? (
              <>
                . Questions or requests: <span className="font-semibold break-all">{event.privacyContact}</span>
              </>
            ) : (
              ". Ask the organisers in the room with any questions"
            )}
            .
          </p>
        </section>
        <section aria-labelledby="who-sees">
          <h2 id="who-sees" className="font-bold">
            Who sees what
          </h2>
          <ul className="list-disc space-y-0.5 pl-5">
            <li>
              <strong>Everyone in the room</strong>: your name (only initials if you're under 18), skills, team and notes.
            </li>
            <li>
              <strong>Only organisers and facilitators</strong>: your age group, access needs and contact details.
            </li>
            <li>
              <strong>Public pages</strong>: the event and the projects the organisers choose to share. Never your details.
            </li>
          </ul>
        </section>
        <section aria-labelledby="how-long">
          <h2 id="how-long" className="font-bold">
            How long we keep it
          </h2>
          <p>
            Until {until}, {retentionLabel(event.retentionMonths)} after the event. Then names, contact details and photos are
            erased. Notes and ideas stay, without your name.
          </p>
        </section>
        <section aria-labelledby="your-choices">
          <h2 id="your-choices" className="font-bold">
            Your choices
          </h2>
          <p>
            Only a name is needed. In <strong>What you've shared</strong> you can see, change or download everything, or leave and
            have it deleted.
          </p>
        </section>
        <Link href={fromMe ? `/p/${event.slug}/me` : `/j/${event.joinCode}`} className="btn btn-secondary w-full">
          {fromMe ? "Back to what you've shared" : "Back to joining"}
        </Link>
      </article>
    </PhoneShell>
  );
}
