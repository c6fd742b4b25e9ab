"use server";

import { refresh } from "next/cache";
import { getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { actorKey } from "@/lib/auth/actor";
import { tokenForSubmission } from "@/lib/auth/tokens";
import { actorForEvent, currentDeviceId, sessionSecret } from "@/lib/auth/web-session";
import { sharedMailer } from "@/lib/email/mailer";
import { emailDeviceLink } from "@/lib/email/participant-emails";
import { findEventBySlug } from "@/lib/events/find-event";
import { formArg, textArg } from "@/lib/forms/action-args";
import { onceInTransaction, postedSubmission } from "@/lib/forms/form-submission";
import { findPersonalLink, signOutDevice } from "@/lib/participants/devices";
import { renewResumeToken } from "@/lib/participants/join-event";
import { formLimit } from "@/lib/rate-limit/form-limit";
import { handedOnBaseUrl } from "@/lib/server/phone-url";
import { qrDataUrl } from "@/lib/server/qr";
import { sharedRealtime } from "@/lib/server/shared-realtime";

const linkLimit = formLimit("device-link", 20, 3600);

export type DeviceLink = { url: string; qr: string; emailed?: boolean } | { error: string };

/**
 * A fresh personal link: whoever opens it continues as this person, so the old one stops working.
 * Posted by the page's form, with JavaScript or without (the page is then drawn with the link).
 * The same form sent again (a reload of that page, back then resend) shows the link it made
 * again, while it still works: neither replaced (the copy already sent on stops working) nor emailed twice.
 */
export async function makeDeviceLink(slug: string, _previous: DeviceLink | null, form: FormData): Promise<DeviceLink> {
  slug = textArg(slug);
  form = formArg(form);
  const db = await sharedDatabase();
  const event = await findEventBySlug(db.read, slug);
  const actor = event ? await actorForEvent(event.id) : null;
  if (!event || actor?.kind !== "participant") return { error: (await getTranslations("phone.device"))("joinFirst") };
  // Each is a write and a QR code: a person needs a few an hour, a script could ask without end.
  if (!(await linkLimit(actor.participantId))) return { error: (await getTranslations("phone.device"))("tooManyLinks") };
  const sending = { actorKey: actorKey(actor), submission: postedSubmission(form), form: "device-link" };
  const formToken = sending.submission ? tokenForSubmission(sessionSecret(), sending.form, sending.submission) : undefined;
  const once = await onceInTransaction(db, sending, (tx) => renewResumeToken(tx, actor.participantId, formToken));
  const mailer = sharedMailer();
  // Opened on the person's other device: the address the join link uses, or PUBLIC_URL when emailed.
  const urlOf = async (token: string) => `${await handedOnBaseUrl(mailer !== null)}/c/${token}`;
  if (once.again) {
    const made = formToken ? await findPersonalLink(db.read, formToken) : null;
    if (!formToken || !made || made.expired) {
      // The page drawn again gives the form a fresh id: the next tap makes a new link.
      refresh();
      return { error: (await getTranslations("phone.device"))("linkGone") };
    }
    const url = await urlOf(formToken);
    return { url, qr: await qrDataUrl(url) };
  }
  const token = once.result;
  const url = await urlOf(token);
  const emailed = mailer
    ? await emailDeviceLink(db, mailer, { eventId: event.id, eventName: event.name, participantId: actor.participantId, url })
    : false;
  return { url, qr: await qrDataUrl(url), emailed };
}

/** Signs one of this person's other devices out: its pages and open sockets stop at once. */
export async function signOutDeviceAction(slug: string, form: FormData): Promise<void> {
  slug = textArg(slug);
  form = formArg(form);
  const deviceId = String(form.get("deviceId") ?? "");
  const db = await sharedDatabase();
  const event = await findEventBySlug(db.read, slug);
  const actor = event ? await actorForEvent(event.id) : null;
  if (!event || actor?.kind !== "participant" || !deviceId || deviceId.length > 64) return;
  // This device signs out by leaving or by its browser forgetting: not from this list.
  if (deviceId === (await currentDeviceId(event.id))) return;
  const revoked = await db.transact((tx) => signOutDevice(tx, actor.participantId, deviceId));
  sharedRealtime()?.revoke(revoked);
  sharedRealtime()?.devicesChanged(actor.participantId);
  refresh();
}
