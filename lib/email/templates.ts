/**
 * What each email says. Plain, short, one job each; every message says why it was sent.
 * Functions of their data only, so a later translation swaps the wording, not the code.
 */
import type { EmailContent } from "./render";

const roleWord = { organiser: "an organiser", facilitator: "a facilitator" } as const;

export function staffInviteEmail(d: {
  eventName: string;
  role: keyof typeof roleWord;
  link: string;
  days: number;
}): EmailContent {
  return {
    subject: `You're invited to help run ${d.eventName}`,
    blocks: [
      { kind: "text", text: `You've been invited to join ${d.eventName} on Made In as ${roleWord[d.role]}.` },
      { kind: "button", label: "Accept the invitation", url: d.link },
      { kind: "text", text: `The link works once and for ${d.days} days. If you weren't expecting it, ignore this email.` },
    ],
    reason: `You got this because an organiser of ${d.eventName} invited this address.`,
  };
}

export function passwordResetEmail(d: { link: string; minutes: number }): EmailContent {
  return {
    subject: "Reset your Made In password",
    blocks: [
      { kind: "text", text: "Someone asked to reset the password of the Made In account that uses this address." },
      { kind: "button", label: "Choose a new password", url: d.link },
      {
        kind: "text",
        text: `The link works once, for ${d.minutes} minutes. If you didn't ask, ignore this email: your password stays as it is.`,
      },
    ],
    reason: "You got this because a password reset was asked for on the sign-in page with this address.",
  };
}

export function ownerLinkEmail(d: { ownerName: string; projectTitle: string; eventName: string; link: string }): EmailContent {
  return {
    subject: `Your link to update "${d.projectTitle}"`,
    greeting: `Hello ${d.ownerName},`,
    blocks: [
      { kind: "text", text: `You're the owner of "${d.projectTitle}", from ${d.eventName}.` },
      {
        kind: "text",
        text: "Open this link on your phone to post updates: how it's going, what you've learned, any help you need.",
      },
      { kind: "button", label: "Post an update", url: d.link },
      { kind: "text", text: "Keep the link to yourself: anyone who has it can post updates for the project." },
    ],
    reason: `You got this because the organisers of ${d.eventName} named you as the project's owner.`,
  };
}

export type ReminderKind = "due" | "overdue" | "nudge";

export function checkInReminderEmail(d: {
  kind: ReminderKind;
  ownerName: string;
  projectTitle: string;
  eventName: string;
  milestoneTitle: string | null;
  dueDate: string | null;
  link: string;
  stopUrl: string;
}): EmailContent {
  const when =
    d.kind === "overdue" && d.dueDate
      ? `Your check-in was due on ${d.dueDate}.`
      : d.dueDate
        ? `Your next check-in is due by ${d.dueDate}.`
        : "The organisers would love to hear how it's going.";
  return {
    subject: d.kind === "overdue" ? `"${d.projectTitle}": your check-in is overdue` : `"${d.projectTitle}": time for a check-in`,
    greeting: `Hello ${d.ownerName},`,
    blocks: [
      { kind: "text", text: when },
      ...(d.milestoneTitle ? [{ kind: "text" as const, text: `By then: ${d.milestoneTitle}` }] : []),
      {
        kind: "text",
        text: "A short update is enough: is it on track, what happened, what you learned, and any help you need.",
      },
      { kind: "button", label: "Post an update", url: d.link },
    ],
    reason: `You got this because you own "${d.projectTitle}" from ${d.eventName}, and the organisers follow projects up at 30, 60 and 90 days.`,
    stopUrl: d.stopUrl,
  };
}

export type DigestProject = { title: string; situation: string; url: string };

export function organiserDigestEmail(d: {
  events: { name: string; projects: DigestProject[] }[];
  stopUrl: string;
}): EmailContent {
  const count = d.events.reduce((n, e) => n + e.projects.length, 0);
  return {
    subject: `${count === 1 ? "1 project needs" : `${count} projects need`} attention this week`,
    blocks: d.events.flatMap((e) => [
      { kind: "text" as const, text: e.name },
      { kind: "list" as const, items: e.projects.map((p) => ({ text: `${p.title}: ${p.situation}`, url: p.url })) },
    ]),
    reason: "You got this weekly summary because you organise these events on Made In.",
    stopUrl: d.stopUrl,
  };
}

export function deviceLinkEmail(d: { name: string; eventName: string; link: string }): EmailContent {
  return {
    subject: `Your link to ${d.eventName}`,
    greeting: `Hello ${d.name},`,
    blocks: [
      { kind: "text", text: `Open this link on another phone or computer to carry on in ${d.eventName} as yourself.` },
      { kind: "button", label: "Carry on here", url: d.link },
      { kind: "text", text: "Keep it to yourself: anyone with the link can act as you in this event." },
    ],
    reason: "You got this because you asked for your link on your phone and agreed to be contacted.",
  };
}

export function catchUpInviteEmail(d: {
  name: string;
  eventName: string;
  when: string;
  place: string;
  link: string;
}): EmailContent {
  return {
    subject: `Catch up with your team: ${d.eventName}`,
    greeting: `Hello ${d.name},`,
    blocks: [
      { kind: "text", text: `There's a catch-up for the people who made things together: ${d.eventName}.` },
      { kind: "text", text: [d.when, d.place].filter(Boolean).join(", ") },
      { kind: "button", label: "See the details", url: d.link },
    ],
    reason: "You got this because you took part in the weekend and agreed to be contacted afterwards.",
  };
}

export function progressPublishedEmail(d: { name: string; eventName: string; link: string }): EmailContent {
  return {
    subject: `See what happened after ${d.eventName}`,
    greeting: `Hello ${d.name},`,
    blocks: [
      { kind: "text", text: `The projects from ${d.eventName} now share their progress on a public page.` },
      { kind: "button", label: "See the progress", url: d.link },
    ],
    reason: "You got this because you took part in the weekend and agreed to be contacted afterwards.",
  };
}
