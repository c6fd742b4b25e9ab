"use server";

import { sharedDatabase } from "@/db";
import { actorForEvent } from "@/lib/auth/web-session";
import { sharedMailer } from "@/lib/email/mailer";
import { emailDeviceLink } from "@/lib/email/participant-emails";
import { findEventBySlug } from "@/lib/events/find-event";
import { textArg } from "@/lib/forms/action-args";
import { renewResumeToken } from "@/lib/participants/join-event";
import { publicBaseUrl } from "@/lib/server/public-url";
import { qrDataUrl } from "@/lib/server/qr";

export type DeviceLink = { url: string; qr: string; emailed?: boolean } | { error: string };

/** A fresh personal link: whoever opens it continues as this person, so the old one stops working. */
export async function makeDeviceLink(slug: string): Promise<DeviceLink> {
  slug = textArg(slug);
  const db = await sharedDatabase();
  const event = await findEventBySlug(db.read, slug);
  const actor = event ? await actorForEvent(event.id) : null;
  if (!event || actor?.kind !== "participant") return { error: "Join the event on this device first." };
  const token = await db.transact((tx) => renewResumeToken(tx, actor.participantId));
  const url = `${await publicBaseUrl()}/c/${token}`;
  const mailer = sharedMailer();
  const emailed = mailer
    ? await emailDeviceLink(db, mailer, { eventId: event.id, eventName: event.name, participantId: actor.participantId, url })
    : false;
  return { url, qr: await qrDataUrl(url), emailed };
}
