import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { HeldOutPage } from "@/app/(participant)/p/[slug]/held-out-page";
import { phoneVisitor } from "@/app/(participant)/phone-visitor";
import { ConnectionPill } from "@/app/live/status";
import { sharedDatabase } from "@/db";
import { currentDeviceId } from "@/lib/auth/web-session";
import { findEventBySlug } from "@/lib/events/find-event";
import { newSubmission } from "@/lib/forms/form-submission";
import { sameVenueDay } from "@/lib/i18n/dates";
import { sayDeviceLabel } from "@/lib/participants/device-label";
import { listDevices } from "@/lib/participants/devices";
import { findPerson } from "@/lib/participants/participant-views";
import { EventConnectionProvider } from "@/lib/realtime/event-connection";
import { PhoneShell } from "../../../phone-shell";
import { makeDeviceLink, signOutDeviceAction } from "./actions";
import { DeviceLinkPanel } from "./device-link";
import { FollowOwnDevices } from "./follow-own-devices";

export async function generateMetadata() {
  const t = await getTranslations("phone.device");
  return { title: t("title") };
}

export default async function ContinueElsewherePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const t = await getTranslations("phone.device");
  const format = await getFormatter();
  const db = await sharedDatabase();
  const event = await findEventBySlug(db.read, slug);
  if (!event) notFound();
  const { actor, heldOut, person } = await phoneVisitor(event);
  if (heldOut) return <HeldOutPage event={event} why={heldOut} person={person} />;
  // Their own full name, even where others see only initials (under-18s).
  const self = actor.kind === "participant" ? await findPerson(db.read, event.id, actor.participantId) : null;
  const devices = actor.kind === "participant" ? await listDevices(db.read, actor.participantId) : [];
  const thisDevice = actor.kind === "participant" ? await currentDeviceId(event.id) : null;

  /** "today at 14:05" or "on 3 May at 09:30": in the venue's local time as the server sees it. */
  const signedIn = (at: number) => {
    const when = new Date(at);
    const time = format.dateTime(when, { hour: "2-digit", minute: "2-digit" });
    // The venue's calendar day, as the time is shown in the venue's time.
    const sameDay = sameVenueDay(at, Date.now());
    return sameDay
      ? t("signedInToday", { time })
      : t("signedInOn", { time, date: format.dateTime(when, { day: "numeric", month: "long" }) });
  };

  return (
    // Its forms (the link, signing a device out) post to server actions without JavaScript.
    <EventConnectionProvider eventId={event.id} person={person} worksWithoutJavaScript>
      <FollowOwnDevices />
      <PhoneShell aside={<ConnectionPill />}>
        <div className="card mt-4 space-y-6 p-6">
          <div className="space-y-2">
            <p className="eyebrow">{event.name}</p>
            <h1 className="text-3xl font-extrabold tracking-tight">{t("title")}</h1>
            <p className="text-ink-soft">
              {t("intro", { name: self?.participant.displayName ?? (actor.kind === "staff" ? actor.name : "") })}
            </p>
          </div>
          {actor.kind === "participant" ? (
            <DeviceLinkPanel action={makeDeviceLink.bind(null, event.slug)} submission={newSubmission()} />
          ) : (
            <p>{t("staff")}</p>
          )}
          {actor.kind === "participant" ? (
            <section aria-labelledby="devices-title" className="space-y-3">
              <h2 id="devices-title" className="text-xl font-bold">
                {t("devicesHeading")}
              </h2>
              {devices.length === 0 ? (
                <p className="text-ink-soft">{t("onlyThis")}</p>
              ) : (
                <ul className="divide-y divide-line rounded-xl border border-line" data-testid="devices">
                  {devices.map((d) => (
                    <li key={d.id} className="flex flex-wrap items-center justify-between gap-3 p-3">
                      <span>
                        <span className="block font-semibold">
                          {sayDeviceLabel(d.label, (key, values) => t(key, values))}
                          {d.id === thisDevice ? <span className="font-normal text-ink-soft"> {t("thisDevice")}</span> : null}
                        </span>
                        <span className="block text-sm text-ink-soft">{signedIn(d.createdAt)}</span>
                      </span>
                      {d.id === thisDevice ? null : (
                        <form action={signOutDeviceAction.bind(null, event.slug)}>
                          <input type="hidden" name="deviceId" value={d.id} />
                          <button type="submit" className="btn btn-secondary min-h-11 py-2 text-sm">
                            {t("signOut")}
                            <span className="sr-only"> {sayDeviceLabel(d.label, (key, values) => t(key, values))}</span>
                          </button>
                        </form>
                      )}
                    </li>
                  ))}
                </ul>
              )}
              <p className="text-sm text-ink-soft">{t("recognise")}</p>
            </section>
          ) : null}
          <Link href={`/p/${event.slug}`} className="link inline-block">
            {t("back")}
          </Link>
        </div>
      </PhoneShell>
    </EventConnectionProvider>
  );
}
