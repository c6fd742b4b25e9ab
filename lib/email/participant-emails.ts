import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Database, Tx } from "@/db/client";
import { eventFollowUps, events, participants, projects, teamMembers } from "@/db/schema";
import { defaultLocale, knownLocale } from "@/lib/i18n/locales";
import { type AgeBand, initials, isUnder18 } from "@/lib/participants/profile-facts";
import { formLimit } from "@/lib/rate-limit/form-limit";
import { normaliseEmail } from "@/lib/text/email-address";
import type { EmailLinks } from "./check-in-reminders";
import { claim, claimedKeys } from "./claims";
import { type Delivery, deliver } from "./deliver";
import { linkToken } from "./links";
import type { Mailer } from "./mailer";
import { roundMailer } from "./relay-out";
import { type AfterTheWeekendReader, catchUpInviteEmail, deviceLinkEmail, progressPublishedEmail } from "./templates";

const isEmail = (contact: string) => z.email().safeParse(contact.trim()).success;

/** In every email sent on their agreement to be contacted: one click takes it back (and their address with it). */
const consentStopUrl = (links: EmailLinks, participantId: string) =>
  `${links.baseUrl}/stop/${linkToken(links.secret, "consent", participantId)}`;

/** A participant's email speaks their language: theirs, else their event's. */
const languageOf = (person: { language: string | null }, event: { language: string }) =>
  knownLocale(person.language) ?? knownLocale(event.language) ?? defaultLocale;

/**
 * An under-18's contact is their parent's or carer's: the email is worded for them. Someone who
 * never said their age is treated as a young person may be (the room shows them by initials too):
 * the address is not verified, so their full name goes only to someone who said they are 18 or over.
 */
const readerOf = (person: { name: string; ageBand: AgeBand | null }): AfterTheWeekendReader => {
  if (person.ageBand === "18_plus") return { kind: "participant", name: person.name };
  const youngPerson = initials(person.name);
  return isUnder18(person.ageBand) ? { kind: "carer", youngPerson } : { kind: "either", youngPerson };
};

/**
 * People of an event who agreed to be contacted afterwards and gave an email address; the rest
 * are counted, for the organisers to reach by link. Only those still in the event (not left).
 */
async function reachable(db: Database, eventId: string, teamMembersOnly: boolean) {
  const rows = await db.read
    .select({
      id: participants.id,
      name: participants.displayName,
      consent: participants.contactConsent,
      contact: participants.contact,
      teamId: teamMembers.teamId,
      language: participants.language,
      ageBand: participants.ageBand,
    })
    .from(participants)
    .leftJoin(teamMembers, eq(teamMembers.participantId, participants.id))
    .where(and(eq(participants.eventId, eventId), isNull(participants.leftAt)));
  const people = teamMembersOnly ? rows.filter((r) => r.teamId !== null) : rows;
  const byEmail = people.filter((p) => p.consent && isEmail(p.contact));
  return { byEmail, byLinkOnly: people.length - byEmail.length };
}

export async function catchUpAudience(db: Database, catchUpId: string) {
  const [follows] = await db.read.select().from(eventFollowUps).where(eq(eventFollowUps.eventId, catchUpId));
  if (!follows) return null;
  const audience = await reachable(db, follows.followsEventId, true);
  return { followsEventId: follows.followsEventId, emailable: audience.byEmail.length, byLinkOnly: audience.byLinkOnly };
}

/** How a round of emails to an event's people went: sent, and refused by the relay (to be tried again). */
export type Sent = { sent: number; failed: number };

type Reachable = Awaited<ReturnType<typeof reachable>>["byEmail"][number];

/**
 * One email to each person, each at most once for `claimKey` (however often the organiser clicks,
 * in however many tabs). A message the relay refuses for now gives its claim back, so the next try
 * sends it; one refused for good (no such mailbox) keeps it, until the person gives another address
 * (forgetMessagesTo).
 * Once the relay is out (unreachable, silent), the rest are counted as not sent without trying,
 * their claims untouched: the next try sends them.
 */
async function onceEach(
  db: Database,
  mailer: Mailer,
  people: Reachable[],
  claimKey: (person: Reachable) => string,
  delivery: (person: Reachable) => Delivery,
): Promise<Sent> {
  const outcome: Sent = { sent: 0, failed: 0 };
  const told = await claimedKeys(db, people.map(claimKey));
  const relay = roundMailer(mailer);
  for (const person of people) {
    const key = claimKey(person);
    if (told.has(key)) continue;
    if (relay.out()) {
      outcome.failed++;
      continue;
    }
    const held = await db.transact((tx) => claim(tx, key, "sent", Date.now(), Number.MAX_SAFE_INTEGER));
    if (!held) continue;
    if (await deliver(db, relay, { ...delivery(person), claim: held })) outcome.sent++;
    else outcome.failed++;
  }
  return outcome;
}

/** Invites the weekend's team members to its catch-up: by email where they agreed to be contacted. */
export async function inviteToCatchUp(db: Database, mailer: Mailer, catchUpId: string, links: EmailLinks): Promise<Sent> {
  const [catchUp] = await db.read.select().from(events).where(eq(events.id, catchUpId));
  const [follows] = await db.read.select().from(eventFollowUps).where(eq(eventFollowUps.eventId, catchUpId));
  if (!catchUp || !follows) return { sent: 0, failed: 0 };
  const { byEmail } = await reachable(db, follows.followsEventId, true);
  return onceEach(
    db,
    mailer,
    byEmail,
    (person) => catchUpKey(catchUpId, person.id),
    (person) => ({
      eventId: catchUpId,
      kind: "catch_up_invite",
      to: person.contact.trim(),
      content: catchUpInviteEmail({
        locale: languageOf(person, catchUp),
        reader: readerOf(person),
        eventName: catchUp.name,
        startsAt: catchUp.startsAt,
        endsAt: catchUp.endsAt,
        place: catchUp.place,
        link: `${links.baseUrl}/e/${catchUp.slug}`,
        stopUrl: consentStopUrl(links, person.id),
      }),
    }),
  );
}

const progressKey = (eventId: string, participantId: string) => `progress:${eventId}:${participantId}`;
const catchUpKey = (catchUpId: string, participantId: string) => `catch-up:${catchUpId}:${participantId}`;

/**
 * Someone gave another address: the progress news and catch-up invitations are owed to it again
 * (the old one may have been mistyped, and the relay refused it for good), once each as before.
 */
export async function forgetMessagesTo(tx: Tx, participantId: string) {
  await tx.run(
    sql`DELETE FROM email_claims WHERE key LIKE ${progressKey("%", participantId)} OR key LIKE ${catchUpKey("%", participantId)}`,
  );
}

/**
 * The event and the people its progress news is owed to: none while it is a draft (its pages are
 * its staff's only: the link would lead nowhere) or before a project is public; nothing is used up
 * then, so the news goes when both are true.
 */
async function progressAudience(db: Database, eventId: string) {
  const [event] = await db.read.select().from(events).where(eq(events.id, eventId));
  const [shown] = await db.read
    .select({ id: projects.id })
    .from(projects)
    .where(and(eq(projects.eventId, eventId), eq(projects.isPublic, true)))
    .limit(1);
  if (!event || event.status === "draft" || !shown) return null;
  return { event, people: (await reachable(db, eventId, false)).byEmail };
}

/** How many of the event's people have not yet been told of its progress page (read only). */
export async function progressNewsOwed(db: Database, eventId: string): Promise<number> {
  const audience = await progressAudience(db, eventId);
  if (!audience) return 0;
  const told = await claimedKeys(
    db,
    audience.people.map((p) => progressKey(eventId, p.id)),
  );
  return audience.people.filter((p) => !told.has(progressKey(eventId, p.id))).length;
}

/** When an event's progress page shows a project: its consenting people hear of it, once. */
export async function announceProgress(db: Database, mailer: Mailer, eventId: string, links: EmailLinks): Promise<Sent> {
  const audience = await progressAudience(db, eventId);
  if (!audience) return { sent: 0, failed: 0 };
  const { event, people } = audience;
  return onceEach(
    db,
    mailer,
    people,
    (person) => progressKey(eventId, person.id),
    (person) => ({
      eventId,
      kind: "progress_published",
      to: person.contact.trim(),
      content: progressPublishedEmail({
        locale: languageOf(person, event),
        reader: readerOf(person),
        eventName: event.name,
        link: `${links.baseUrl}/e/${event.slug}/progress`,
        stopUrl: consentStopUrl(links, person.id),
      }),
    }),
  );
}

/**
 * Anyone with the join code can type any address as their contact and press "Show my personal
 * link" again and again: an address gets a few device links an hour, however many people name it,
 * so the council's relay is never turned on someone's inbox. The link is on the page regardless.
 */
export const deviceLinkEmailsPerHour = 3;
const perAddress = formLimit("device-link-email", deviceLinkEmailsPerHour, 3600);

/**
 * A participant's fresh "continue on another device" link, emailed too if they agreed to email.
 * Never for someone under 18: their contact is a parent's or carer's, given for what happens
 * next, and this link lets whoever opens it act as the young person. Someone who never said their
 * age gets it (they asked for it, on their phone), greeted without their name.
 */
export async function emailDeviceLink(
  db: Database,
  mailer: Mailer,
  input: { eventId: string; eventName: string; participantId: string; url: string },
) {
  const [found] = await db.read
    .select({ person: participants, eventLanguage: events.language })
    .from(participants)
    .innerJoin(events, eq(events.id, participants.eventId))
    .where(eq(participants.id, input.participantId));
  const person = found?.person;
  if (!found || !person || person.leftAt !== null || !person.contactConsent || !isEmail(person.contact)) return false;
  if (isUnder18(person.ageBand)) return false;
  if (!(await perAddress(normaliseEmail(person.contact)))) return false;
  return deliver(db, mailer, {
    eventId: input.eventId,
    kind: "device_link",
    to: person.contact.trim(),
    content: deviceLinkEmail({
      locale: languageOf(person, { language: found.eventLanguage }),
      name: person.ageBand === "18_plus" ? person.displayName : null,
      eventName: input.eventName,
      link: input.url,
    }),
  });
}
