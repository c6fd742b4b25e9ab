/**
 * What each email says. Plain, short, one job each; every message says why it was sent.
 * Functions of their data and the reader's language: the words are in messages/<language>/email.json.
 */
import { localEventDates, localShortDate } from "@/lib/i18n/dates";
import { translator } from "@/lib/i18n/translator";
import type { EmailContent } from "./render";

const words = (locale: string) => translator(locale, "email");

export function staffInviteEmail(d: {
  locale: string;
  eventName: string;
  role: "organiser" | "facilitator";
  link: string;
  days: number;
}): EmailContent {
  const t = words(d.locale);
  const event = d.eventName;
  return {
    locale: d.locale,
    subject: t("staffInvite.subject", { event }),
    blocks: [
      { kind: "text", text: t("staffInvite.body", { event, role: d.role }) },
      { kind: "button", label: t("staffInvite.button"), url: d.link },
      { kind: "text", text: t("staffInvite.expiry", { days: d.days }) },
    ],
    reason: t("staffInvite.reason", { event }),
  };
}

export function passwordResetEmail(d: { locale: string; link: string; minutes: number }): EmailContent {
  const t = words(d.locale);
  return {
    locale: d.locale,
    subject: t("passwordReset.subject"),
    blocks: [
      { kind: "text", text: t("passwordReset.body") },
      { kind: "button", label: t("passwordReset.button"), url: d.link },
      { kind: "text", text: t("passwordReset.expiry", { minutes: d.minutes }) },
    ],
    reason: t("passwordReset.reason"),
  };
}

/**
 * A project owner is greeted without their name, here and in their reminders: owners have no age
 * band, so the owner may be a young person, and the address an organiser typed is not verified;
 * the email needs the project, not the person (docs/privacy.md, "About project owners").
 */
export function ownerLinkEmail(d: { locale: string; projectTitle: string; eventName: string; link: string }): EmailContent {
  const t = words(d.locale);
  const values = { project: d.projectTitle, event: d.eventName };
  return {
    locale: d.locale,
    subject: t("ownerLink.subject", values),
    greeting: t("greetingWithoutName"),
    blocks: [
      { kind: "text", text: t("ownerLink.owner", values) },
      { kind: "text", text: t("ownerLink.howTo") },
      { kind: "button", label: t("postUpdate"), url: d.link },
      { kind: "text", text: t("ownerLink.keep") },
    ],
    reason: t("ownerLink.reason", values),
  };
}

export type ReminderKind = "due" | "overdue" | "nudge";

export function checkInReminderEmail(d: {
  locale: string;
  kind: ReminderKind;
  projectTitle: string;
  eventName: string;
  milestoneTitle: string | null;
  dueAt: number | null;
  link: string;
  stopUrl: string;
}): EmailContent {
  const t = words(d.locale);
  const values = { project: d.projectTitle, event: d.eventName };
  const date = d.dueAt === null ? null : localShortDate(d.locale, d.dueAt);
  const when =
    d.kind === "overdue" && date
      ? t("checkIn.wasDue", { date })
      : date
        ? t("checkIn.dueBy", { date })
        : t("checkIn.howIsItGoing");
  return {
    locale: d.locale,
    subject: t(d.kind === "overdue" ? "checkIn.subjectOverdue" : "checkIn.subject", values),
    greeting: t("greetingWithoutName"),
    blocks: [
      { kind: "text", text: when },
      ...(d.milestoneTitle ? [{ kind: "text" as const, text: t("checkIn.byThen", { milestone: d.milestoneTitle }) }] : []),
      { kind: "text", text: t("checkIn.shortUpdate") },
      { kind: "button", label: t("postUpdate"), url: d.link },
    ],
    reason: t("checkIn.reason", values),
    stopUrl: d.stopUrl,
  };
}

export type DigestProject = { title: string; situation: string; url: string };

export function organiserDigestEmail(d: {
  locale: string;
  events: { name: string; projects: DigestProject[] }[];
  stopUrl: string;
}): EmailContent {
  const t = words(d.locale);
  const count = d.events.reduce((n, e) => n + e.projects.length, 0);
  return {
    locale: d.locale,
    subject: t("digest.subject", { count }),
    blocks: d.events.flatMap((e) => [
      { kind: "text" as const, text: e.name },
      {
        kind: "list" as const,
        items: e.projects.map((p) => ({ text: t("digest.project", { project: p.title, situation: p.situation }), url: p.url })),
      },
    ]),
    reason: t("digest.reason"),
    stopUrl: d.stopUrl,
  };
}

/**
 * `name` is null for someone not known to be 18 or over: the address they gave is not verified,
 * so their full name does not go to it (see AfterTheWeekendReader).
 */
export function deviceLinkEmail(d: { locale: string; name: string | null; eventName: string; link: string }): EmailContent {
  const t = words(d.locale);
  return {
    locale: d.locale,
    subject: t("deviceLink.subject", { event: d.eventName }),
    greeting: d.name === null ? t("greetingWithoutName") : t("greeting", { name: d.name }),
    blocks: [
      { kind: "text", text: t("deviceLink.body", { event: d.eventName }) },
      { kind: "button", label: t("deviceLink.button"), url: d.link },
      { kind: "text", text: t("deviceLink.keep") },
    ],
    reason: t("deviceLink.reason"),
  };
}

/**
 * Who reads an email sent on someone's agreement to hear what happens next: the participant, or
 * (for an under-18) the parent or carer whose address they gave. A carer's email names the young
 * person only as the room does (initials): the address is not verified, so no full name goes to it.
 * Someone who never said their age may be either: named by initials too, in words true for both.
 */
export type AfterTheWeekendReader =
  | { kind: "participant"; name: string }
  | { kind: "carer"; youngPerson: string }
  | { kind: "either"; youngPerson: string };

function afterTheWeekendWords(t: ReturnType<typeof words>, reader: AfterTheWeekendReader) {
  if (reader.kind === "participant") return { greeting: t("greeting", { name: reader.name }), reason: t("afterTheWeekend") };
  return {
    greeting: t("greetingWithoutName"),
    reason:
      reader.kind === "carer"
        ? t("afterTheWeekendCarer", { name: reader.youngPerson })
        : t("afterTheWeekendEither", { name: reader.youngPerson }),
  };
}

export function catchUpInviteEmail(d: {
  locale: string;
  reader: AfterTheWeekendReader;
  eventName: string;
  startsAt: number | null;
  endsAt: number | null;
  place: string;
  link: string;
  /** Where the participant takes back their agreement to be contacted. */
  stopUrl: string;
}): EmailContent {
  const t = words(d.locale);
  const when = d.startsAt === null ? "" : localEventDates(d.locale, d.startsAt, d.endsAt, "");
  const { greeting, reason } = afterTheWeekendWords(t, d.reader);
  return {
    locale: d.locale,
    subject:
      d.reader.kind === "participant"
        ? t("catchUp.subject", { event: d.eventName })
        : t("catchUp.subjectCarer", { event: d.eventName, name: d.reader.youngPerson }),
    greeting,
    blocks: [
      { kind: "text", text: t("catchUp.body", { event: d.eventName }) },
      ...(when || d.place
        ? [{ kind: "text" as const, text: when && d.place ? t("catchUp.whenWhere", { when, place: d.place }) : when || d.place }]
        : []),
      { kind: "button", label: t("catchUp.button"), url: d.link },
    ],
    reason,
    stopUrl: d.stopUrl,
    stopLabel: t("stopEventEmails"),
  };
}

export function progressPublishedEmail(d: {
  locale: string;
  reader: AfterTheWeekendReader;
  eventName: string;
  link: string;
  /** Where the participant takes back their agreement to be contacted. */
  stopUrl: string;
}): EmailContent {
  const t = words(d.locale);
  const { greeting, reason } = afterTheWeekendWords(t, d.reader);
  return {
    locale: d.locale,
    subject: t("progress.subject", { event: d.eventName }),
    greeting,
    blocks: [
      { kind: "text", text: t("progress.body", { event: d.eventName }) },
      { kind: "button", label: t("progress.button"), url: d.link },
    ],
    reason,
    stopUrl: d.stopUrl,
    stopLabel: t("stopEventEmails"),
  };
}
