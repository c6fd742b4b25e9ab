import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { HeldOutPage } from "@/app/(participant)/p/[slug]/held-out-page";
import { phoneVisitor } from "@/app/(participant)/phone-visitor";
import { sendToJoin } from "@/app/(participant)/send-to-join";
import { ConnectionPill } from "@/app/live/status";
import { sharedDatabase } from "@/db";
import { findEventBySlug } from "@/lib/events/find-event";
import { findPerson, privateDetails } from "@/lib/participants/participant-views";
import { EventConnectionProvider } from "@/lib/realtime/event-connection";
import { PhoneShell } from "../../../phone-shell";
import { YourData } from "../your-data";
import { leaveEventAction, saveProfileAction } from "./actions";
import { LeaveEvent } from "./leave-event";
import { ProfileForm } from "./profile-form";

export async function generateMetadata() {
  const t = await getTranslations("me.page");
  return { title: t("title") };
}

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
  const t = await getTranslations("me.page");
  const welcome = (await searchParams).welcome === "1";
  const db = await sharedDatabase();
  const event = await findEventBySlug(db.read, slug);
  if (!event) notFound();
  const { actor, heldOut, person } = await phoneVisitor(event);
  if (heldOut) return <HeldOutPage event={event} why={heldOut} person={person} />;
  if (actor.kind !== "participant") {
    return (
      <PhoneShell>
        <div className="card mt-4 space-y-4 p-6">
          <h1 className="text-3xl font-extrabold tracking-tight">{t("title")}</h1>
          <p>{t("staffBody")}</p>
          <Link href={`/p/${event.slug}`} className="link inline-block">
            {t("back")}
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
    // Its forms (the answers, "Clear my answer", leaving) post to server actions without JavaScript: no notice that it's needed.
    <EventConnectionProvider eventId={event.id} person={person} worksWithoutJavaScript>
      {/* Whether a save reaches the room now or waits on this phone, as on the room's other pages;
          not without JavaScript, where the page has no connection to speak of (its forms post). */}
      <PhoneShell
        aside={
          <span className="noscript:hidden">
            <ConnectionPill />
          </span>
        }
      >
        <div className="mt-4 space-y-6">
          <div className="space-y-2">
            <p className="eyebrow">{event.name}</p>
            <h1 className="text-3xl font-extrabold tracking-tight">
              {welcome ? t("welcomeTitle", { name: p.displayName }) : t("sharedTitle")}
            </h1>
            <p className="text-ink-soft">{welcome ? t("welcomeIntro") : t("sharedIntro")}</p>
          </div>
          <ProfileForm
            slug={event.slug}
            welcome={welcome}
            action={saveProfileAction.bind(null, event.slug, welcome)}
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
              <YourData
                slug={event.slug}
                more={
                  <p className="text-sm text-ink-soft">
                    {t("deleteNotesHint")}{" "}
                    <Link href={`/j/${event.joinCode}/privacy?from=me`} className="link">
                      {t("privacyLink")}
                    </Link>
                  </p>
                }
              />
              <Link href={`/p/${event.slug}`} className="link inline-block">
                {t("back")}
              </Link>
              <LeaveEvent slug={event.slug} eventName={event.name} action={leaveEventAction.bind(null, event.slug)} />
            </>
          )}
        </div>
      </PhoneShell>
    </EventConnectionProvider>
  );
}
