"use server";

import { eq } from "drizzle-orm";
import { refresh } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { events } from "@/db/schema";
import { removeStaff } from "@/lib/accounts/access";
import { emailSchema } from "@/lib/accounts/create-account";
import { staffChanged } from "@/lib/activity/staff-handlers";
import { accountKey } from "@/lib/auth/actor";
import { tokenForSubmission } from "@/lib/auth/tokens";
import { currentAccount, sessionSecret } from "@/lib/auth/web-session";
import { deliver } from "@/lib/email/deliver";
import { sharedMailer } from "@/lib/email/mailer";
import { tellProgressSoon } from "@/lib/email/progress-news";
import { staffInviteEmail } from "@/lib/email/templates";
import { eventTimeZone, formatDay } from "@/lib/events/event-dates";
import { tellOpenScreens } from "@/lib/events/tell-open-screens";
import { formArg, textArg } from "@/lib/forms/action-args";
import { onceInTransaction, postedSubmission, sameSending } from "@/lib/forms/form-submission";
import { inRequestLanguage } from "@/lib/i18n/action-text";
import { defaultLocale, knownLocale } from "@/lib/i18n/locales";
import { createInvite, inviteExpirySchema, inviteRoleSchema } from "@/lib/invites/create-invite";
import { findInvite } from "@/lib/invites/find-invite";
import { revokeInvite } from "@/lib/invites/revoke-invite";
import { handedOnBaseUrl } from "@/lib/server/phone-url";
import { emailLinkBase } from "@/lib/server/public-url";
import { sharedRealtime } from "@/lib/server/shared-realtime";
import { organisersOnlyText, staffAccess } from "../../access";
import { fieldText } from "../../form-state";

export type StatusFormState = FormState & { saved?: string };
export type InviteFormState = FormState & {
  invite?: { link: string; role: "organiser" | "facilitator"; expires: string; emailedTo?: string };
};

/** The event, if the signed-in account organises it: every action checks for itself. */
async function asOrganiser(slug: string) {
  const account = await currentAccount();
  if (!account) return null;
  const { event, role } = await staffAccess(slug, account.id);
  return event && role === "organiser" ? { account, event } : null;
}

const statusSchema = z.enum(["draft", "published", "archived"], "Choose draft, published or archived.");
const statusNews = { draft: "savedDraft", published: "savedPublished", archived: "savedArchived" } as const;

/** "Friday 4 December 2026" in English's house style; the reader's own conventions otherwise, in the event's time zone. */
function longDay(locale: string, ms: number) {
  if (locale.toLowerCase().startsWith("en")) return formatDay(ms);
  return new Intl.DateTimeFormat(locale, {
    timeZone: eventTimeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(new Date(ms));
}

/** The first zod issue in the request's language (errors.json), or the fallback when there is none. */
async function firstIssue(error: z.ZodError, fallback: string) {
  const message = error.issues[0]?.message;
  return message ? await inRequestLanguage(message) : fallback;
}

export async function changeEventStatus(slug: string, _previous: StatusFormState, form: FormData): Promise<StatusFormState> {
  slug = textArg(slug);
  form = formArg(form);
  const values = { status: fieldText(form, "status") };
  const allowed = await asOrganiser(slug);
  if (!allowed) return { message: await organisersOnlyText(), values };
  const t = await getTranslations("organiser.status");
  const status = statusSchema.safeParse(values.status);
  if (!status.success) return { errors: { status: t("chooseOne") }, values };

  const db = await sharedDatabase();
  await db.transact((tx) => tx.update(events).set({ status: status.data }).where(eq(events.id, allowed.event.id)));
  // Participants' open sockets close now: an archived event takes no more part (its phones say
  // it has finished), and a draft is private to its staff (they say it isn't open). Either way
  // their phones keep trying, and are back in, as them, if it is published again.
  const participants = [{ kind: "event-participants", eventId: allowed.event.id } as const];
  if (status.data === "draft") sharedRealtime()?.revoke(participants, "closed");
  if (status.data === "archived") sharedRealtime()?.revoke(participants, "finished");
  // The console and the big screen say whether phones can reach the event.
  await tellOpenScreens(db, allowed.event.id, "status");
  // Projects made public while it was a draft: their people's news, held back then, goes now (once
  // each), after the answer, so a slow relay never holds the form.
  const mailer = sharedMailer();
  if (status.data !== "draft" && mailer)
    await tellProgressSoon(db, mailer, allowed.event.id, { baseUrl: emailLinkBase(), secret: sessionSecret() });
  refresh();
  return { saved: t(statusNews[status.data]), values };
}

export async function createInviteAction(slug: string, _previous: InviteFormState, form: FormData): Promise<InviteFormState> {
  slug = textArg(slug);
  form = formArg(form);
  const values = {
    role: fieldText(form, "role"),
    email: fieldText(form, "email"),
    // A form without the choice (an older page still open) gets the usual week.
    expires: fieldText(form, "expires") || "7",
  };
  const allowed = await asOrganiser(slug);
  if (!allowed) return { message: await organisersOnlyText(), values };
  const t = await getTranslations("organiser.invite");
  const role = inviteRoleSchema.safeParse(values.role);
  if (!role.success) return { errors: { role: await firstIssue(role.error, t("chooseRole")) }, values };
  const lifetime = inviteExpirySchema.safeParse(values.expires);
  if (!lifetime.success) return { errors: { expires: await firstIssue(lifetime.error, t("chooseExpiry")) }, values };
  const email = values.email.trim() ? emailSchema.safeParse(values.email) : null;
  if (email && !email.success) return { errors: { email: await firstIssue(email.error, t("checkAddress")) }, values };

  const db = await sharedDatabase();
  const mailer = sharedMailer();
  // Opened on the invitee's own device: the address the join link uses, or PUBLIC_URL when emailed.
  const linkTo = async (token: string) => `${await handedOnBaseUrl(mailer !== null)}/invite/${token}`;
  // The form's own token: sent again (a reload, back then resend), it shows the invitation it made
  // again, the same link, instead of making (and emailing) another.
  const submission = sameSending(postedSubmission(form), [values.role, values.expires, values.email.trim()]);
  const sending = { actorKey: accountKey(allowed.account.id), submission, form: "staff-invite" };
  const token = sending.submission ? tokenForSubmission(sessionSecret(), sending.form, sending.submission) : undefined;
  const once = await onceInTransaction(db, sending, async (tx) => ({
    invite: await createInvite(tx, {
      eventId: allowed.event.id,
      role: role.data,
      createdBy: allowed.account.id,
      lifetimeMs: lifetime.data,
      token,
    }),
    broadcasts: await staffChanged(tx, allowed.event.id),
  }));
  if (once.again) {
    // The page drawn again gives the form a fresh id: its next sending is a new invitation.
    refresh();
    const made = token ? await findInvite(db.read, token) : null;
    if (!token || made?.event.id !== allowed.event.id || made.status !== "valid") return { message: t("sentAgain"), values };
    return {
      values: { role: values.role, expires: values.expires },
      invite: { link: await linkTo(token), role: made.role, expires: longDay(await getLocale(), made.expiresAt) },
    };
  }
  const { invite, broadcasts } = once.result;
  // The other organisers' event pages list pending invitations: the staff room's news redraws them.
  sharedRealtime()?.emitBroadcasts(broadcasts);
  refresh();
  const link = await linkTo(invite.token);
  let emailedTo: string | undefined;
  let notEmailed: string | undefined;
  if (email?.success && mailer) {
    const sent = await deliver(db, mailer, {
      eventId: allowed.event.id,
      kind: "staff_invite",
      to: email.data,
      content: staffInviteEmail({
        // The invitee has no account yet: the event's language.
        locale: knownLocale(allowed.event.language) ?? defaultLocale,
        eventName: allowed.event.name,
        role: role.data,
        link,
        days: lifetime.data / (24 * 3600 * 1000),
      }),
    });
    if (sent) emailedTo = email.data;
    // The relay refused it: said at the address, which stays typed, so they know to send the link themselves.
    else notEmailed = t("notEmailed", { email: email.data });
  }
  return {
    values: { role: values.role, expires: values.expires, ...(notEmailed ? { email: values.email } : {}) },
    ...(notEmailed ? { errors: { email: notEmailed } } : {}),
    invite: { link, role: role.data, expires: longDay(await getLocale(), invite.expiresAt), emailedTo },
  };
}

export async function revokeInviteAction(slug: string, form: FormData): Promise<void> {
  slug = textArg(slug);
  form = formArg(form);
  const allowed = await asOrganiser(slug);
  const tokenHash = z.string().min(1).max(100).safeParse(fieldText(form, "tokenHash"));
  if (!allowed || !tokenHash.success) return;
  const db = await sharedDatabase();
  const broadcasts = await db.transact(async (tx) => {
    await revokeInvite(tx, { eventId: allowed.event.id, tokenHash: tokenHash.data });
    return staffChanged(tx, allowed.event.id);
  });
  sharedRealtime()?.emitBroadcasts(broadcasts);
  refresh();
}

/** Takes someone off this event's staff; their open consoles and screens close at once. */
export async function removeStaffAction(slug: string, form: FormData): Promise<void> {
  slug = textArg(slug);
  form = formArg(form);
  const allowed = await asOrganiser(slug);
  const accountId = z.string().min(1).max(64).safeParse(fieldText(form, "accountId"));
  if (!allowed || !accountId.success || accountId.data === allowed.account.id) return;
  const db = await sharedDatabase();
  const outcome = await db.transact((tx) => removeStaff(tx, { eventId: allowed.event.id, accountId: accountId.data }));
  if (outcome.ok) {
    // "removed", not "ended": their laptop forgets what it kept for them (its outbox, drafts).
    sharedRealtime()?.revoke(outcome.revocations, "removed");
    sharedRealtime()?.emitBroadcasts(outcome.broadcasts);
  }
  refresh();
}
