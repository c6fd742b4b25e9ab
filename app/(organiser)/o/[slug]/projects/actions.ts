"use server";

import { and, eq } from "drizzle-orm";
import { refresh, revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { type CheckInState, submitCheckIn } from "@/app/ui/check-in-submission";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { events, projectRisks, projects, teams } from "@/db/schema";
import { sessionSecret } from "@/lib/auth/web-session";
import { sendNudge } from "@/lib/email/check-in-reminders";
import { deliver } from "@/lib/email/deliver";
import { sharedMailer } from "@/lib/email/mailer";
import { catchUpAudience, inviteToCatchUp, type Sent } from "@/lib/email/participant-emails";
import { tellProgressSoon } from "@/lib/email/progress-news";
import { ownerLinkEmail } from "@/lib/email/templates";
import { londonTime } from "@/lib/events/event-details";
import { formArg, textArg } from "@/lib/forms/action-args";
import { typedLine } from "@/lib/forms/direction-controls";
import { basisOf, mergeEdit, postedBasis, readBasis } from "@/lib/forms/edit-basis";
import { inRequestLanguage } from "@/lib/i18n/action-text";
import { localShortDate } from "@/lib/i18n/dates";
import { defaultLocale, knownLocale } from "@/lib/i18n/locales";
import { createCatchUp } from "@/lib/projects/catch-up";
import { maxMilestones, milestoneRowsRead, riskItems } from "@/lib/projects/check-in-rules";
import { createProject } from "@/lib/projects/create-project";
import { findProject, followedBy } from "@/lib/projects/find-projects";
import { riskFields, riskFormText, riskRows } from "@/lib/projects/follow-up-merge";
import { saveOwnerEmail } from "@/lib/projects/owner-email";
import { newOwnerLink, revokeOwnerLink } from "@/lib/projects/owner-link";
import { milestoneSchema, projectSchema, riskSchema } from "@/lib/projects/project-schema";
import { saveMilestones } from "@/lib/projects/save-milestones";
import { handedOnBaseUrl } from "@/lib/server/phone-url";
import { emailLinkBase } from "@/lib/server/public-url";
import { sharedRealtime } from "@/lib/server/shared-realtime";
import { organiserOf, organisersOnlyText } from "../../../access";
import { echo, fieldErrors, fieldText } from "../../../form-state";
import { mergedAnswer } from "../../../merged-save";
import { answerPart, type PageFormState } from "../../../page-form-answer";

/** How long before a project's start a milestone may be dated: a year; before that it is a slip of the year. */
const milestoneLeadMs = 365 * 24 * 3600 * 1000;

export type SavedState = FormState & {
  saved?: string;
  link?: string;
  /** The basis the form's next save is merged on (lib/forms/edit-basis.ts). */
  basis?: string;
  /** Refused before any merge (a field to fix): the basis it was posted with, kept for the next save. */
  postedBasis?: string;
};

/** Each field's message from lib/ (a zod issue) in the language of the request. */
async function inLanguage(errors: Record<string, string>): Promise<Record<string, string>> {
  return Object.fromEntries(await Promise.all(Object.entries(errors).map(async ([k, v]) => [k, await inRequestLanguage(v)])));
}

/** Where emailed links point, and the key their stop and update links are signed with. */
const emailLinks = () => ({ baseUrl: emailLinkBase(), secret: sessionSecret() });

const projectFields = ["teamId", "title", "summary", "ownerName", "ownerRole", "ownerEmail", "coOwners"] as const;

export async function createProjectAction(slug: string, _previous: FormState, form: FormData): Promise<FormState> {
  slug = textArg(slug);
  form = formArg(form);
  const values = echo(form, projectFields);
  const found = await organiserOf(slug);
  if (!found) return { message: await organisersOnlyText(), values };
  const parsed = projectSchema.safeParse(values);
  if (!parsed.success) return { errors: await inLanguage(fieldErrors(parsed.error)), values };
  const db = await sharedDatabase();
  let teamId: string | null = null;
  if (values.teamId) {
    const [team] = await db.read
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.id, values.teamId), eq(teams.eventId, found.event.id)));
    if (!team) {
      const t = await getTranslations("projects.actions");
      return { errors: { teamId: t("teamGone") }, values };
    }
    teamId = team.id;
  }
  const locale = knownLocale(found.event.language) ?? defaultLocale;
  const id = await db.transact((tx) => createProject(tx, { eventId: found.event.id, teamId, locale, ...parsed.data }));
  sharedRealtime()?.recordChanged(found.event.id);
  redirect(`/o/${slug}/projects/${id}`);
}

/** The project, if it is one this organiser's event follows up; null otherwise. */
async function projectOf(slug: string, projectId: string) {
  const found = await organiserOf(slug);
  if (!found) return null;
  const db = await sharedDatabase();
  const project = await findProject(db.read, found.event.id, projectId, { organiser: found.account.id });
  return project ? { ...found, project, db } : null;
}

async function saveMilestonesAction(slug: string, projectId: string, _p: SavedState, form: FormData): Promise<SavedState> {
  slug = textArg(slug);
  projectId = textArg(projectId);
  form = formArg(form);
  const rows = Math.min(Number(fieldText(form, "rows")) || 0, milestoneRowsRead);
  const names = Array.from({ length: rows }, (_, i) => [`day-${i}`, `title-${i}`, `dueAt-${i}`, `done-${i}`]).flat();
  const values = echo(form, ["rows", ...names]);
  const found = await projectOf(slug, projectId);
  if (!found) return { message: await organisersOnlyText(), values };
  const milestones: z.infer<typeof milestoneSchema>[] = [];
  const errors: Record<string, string> = {};
  // A project may be entered after it began (a milestone already met last month), but not years
  // before: dates are kept as noon UTC of the day typed, the project's first day the same way.
  const earliest = Date.parse(`${new Date(found.project.startedAt).toISOString().slice(0, 10)}T12:00:00Z`) - milestoneLeadMs;
  const ta = await getTranslations("projects.actions");
  for (let i = 0; i < rows; i++) {
    const raw = {
      day: values[`day-${i}`],
      title: values[`title-${i}`],
      dueAt: values[`dueAt-${i}`],
      done: values[`done-${i}`] === "on",
    };
    // A blank row is how a milestone is removed, or left unused.
    if (!raw.title?.trim() && !raw.dueAt?.trim()) continue;
    const parsed = milestoneSchema.safeParse(raw);
    if (!parsed.success) {
      for (const [field, message] of Object.entries(fieldErrors(parsed.error)))
        errors[`${field}-${i}`] = await inRequestLanguage(message);
    } else if (parsed.data.dueAt < earliest) {
      // A slip of the year: it would head every list and reminder, the project forever late.
      errors[`dueAt-${i}`] = ta("milestoneBeforeStart", { date: localShortDate(await getLocale(), found.project.startedAt) });
    } else milestones.push(parsed.data);
  }
  if (Object.keys(errors).length > 0) return { errors, values, postedBasis: postedBasis(form.get("basis")) };
  // One list: another organiser's save since this form was drawn is theirs or mine, never both.
  const outcome = await found.db.transact((tx) =>
    saveMilestones(tx, projectId, milestones, readBasis(form.get("basis")), Date.now()),
  );
  if (outcome.kind === "too_many") {
    return {
      message: ta("tooManyMilestones", { max: maxMilestones, count: outcome.count }),
      values,
      postedBasis: postedBasis(form.get("basis")),
    };
  }
  const nextBasis = basisOf({ milestones: outcome.stored });
  if (outcome.kind === "conflict") {
    const locale = await getLocale();
    const tm = await getTranslations("organiser.merge");
    const theirs = outcome.stored.map((m) => `${m.title} (${localShortDate(locale, Date.parse(`${m.dueDate}T12:00:00Z`))})`);
    return {
      message: tm("milestonesConflict", { milestones: theirs.length ? theirs.join("; ") : tm("milestonesEmpty") }),
      values,
      basis: nextBasis,
    };
  }
  revalidatePath(`/o/${slug}/projects`);
  // The form draws the rows as stored, from the page drawn again.
  refresh();
  const t = await getTranslations("projects.actions");
  return { saved: t("milestonesSaved"), basis: nextBasis };
}

async function saveRisksAction(slug: string, projectId: string, _p: SavedState, form: FormData): Promise<SavedState> {
  slug = textArg(slug);
  projectId = textArg(projectId);
  form = formArg(form);
  const names = riskItems.flatMap((r) => [`checked-${r.key}`, `notes-${r.key}`, `checkedBy-${r.key}`]);
  const values = echo(form, names);
  const found = await projectOf(slug, projectId);
  if (!found) return { message: await organisersOnlyText(), values };
  const t = await getTranslations("projects.actions");
  const errors: Record<string, string> = {};
  const rows: { item: string; checked: boolean; notes: string; checkedBy: string }[] = [];
  for (const item of riskItems) {
    const parsed = riskSchema.safeParse({
      checked: values[`checked-${item.key}`] === "on",
      notes: values[`notes-${item.key}`],
      checkedBy: values[`checkedBy-${item.key}`],
    });
    if (!parsed.success) {
      for (const [field, message] of Object.entries(fieldErrors(parsed.error)))
        errors[`${field}-${item.key}`] = await inRequestLanguage(message);
      continue;
    }
    if (parsed.data.checked && !parsed.data.checkedBy) {
      errors[`checkedBy-${item.key}`] = t("sayWhoChecked");
      continue;
    }
    rows.push({ item: item.key, ...parsed.data });
  }
  if (Object.keys(errors).length > 0) return { errors, values, postedBasis: postedBasis(form.get("basis")) };
  const basis = readBasis(form.get("basis"));
  // Merged field by field on what is stored at the moment of writing: another organiser may have saved since.
  const outcome = await found.db.transact(async (tx) => {
    const current = riskFields(await tx.select().from(projectRisks).where(eq(projectRisks.projectId, projectId)));
    const merge = mergeEdit(basis, riskFields(rows), current);
    if (merge.conflicts.length > 0) return { merge, stored: current, saved: false };
    for (const row of riskRows(merge.merged)) {
      await tx
        .insert(projectRisks)
        .values({ projectId, ...row, updatedAt: Date.now() })
        .onConflictDoUpdate({
          target: [projectRisks.projectId, projectRisks.item],
          set: { checked: row.checked, notes: row.notes, checkedBy: row.checkedBy, updatedAt: Date.now() },
        });
    }
    return { merge, stored: merge.merged, saved: true };
  });
  const tr = await getTranslations("projects.risks");
  const answer = await mergedAnswer({
    ...outcome,
    posted: values,
    formText: riskFormText,
    shown: (field, stored) => String(stored[field] ?? ""),
    labels: Object.fromEntries(
      riskItems.flatMap(({ key }) => {
        const item = tr(`items.${key}.label`);
        return [
          [`checked-${key}`, `${item} (${tr("checked")})`],
          [`notes-${key}`, `${item} (${tr("notes")})`],
          [`checkedBy-${key}`, `${item} (${tr("checkedBy")})`],
        ];
      }),
    ),
  });
  if (!outcome.saved) return answer;
  refresh();
  return { ...answer, saved: [t("risksSaved"), answer.keptTheirs].filter(Boolean).join(" ") };
}

/** A round of emails' answer: how many went, and how many the relay refused (they go on the next try). */
async function emailsAnswer(outcome: Sent, sentText: string): Promise<SavedState> {
  const t = await getTranslations("projects.actions");
  return {
    saved: outcome.sent > 0 ? sentText : undefined,
    message: outcome.failed > 0 ? t("notSent", { count: outcome.failed }) : undefined,
  };
}

async function setPublicAction(slug: string, projectId: string, _p: SavedState, form: FormData): Promise<SavedState> {
  slug = textArg(slug);
  projectId = textArg(projectId);
  form = formArg(form);
  const found = await projectOf(slug, projectId);
  if (!found) return { message: await organisersOnlyText() };
  const isPublic = fieldText(form, "public") === "yes";
  await found.db.transact((tx) => tx.update(projects).set({ isPublic }).where(eq(projects.id, projectId)));
  revalidatePath(`/o/${slug}/projects/${projectId}`);
  refresh();
  const t = await getTranslations("projects.actions");
  const said = t(isPublic ? "madePublic" : "madePrivate");
  const mailer = sharedMailer();
  if (!isPublic || !mailer) return { saved: said };
  // On the progress page: the event's consenting people hear of it (once each), once it is published.
  const [event] = await found.db.read.select({ status: events.status }).from(events).where(eq(events.id, found.project.eventId));
  if (event?.status === "draft") return { saved: `${said} ${t("progressAfterPublish")}` };
  // Answered now; the emails go after (lib/email/progress-news.ts), so a slow relay never holds the form.
  const { owed } = await tellProgressSoon(found.db, mailer, found.project.eventId, emailLinks());
  return { saved: [said, owed > 0 ? t("progressTelling", { count: owed }) : ""].filter(Boolean).join(" ") };
}

async function ownerLinkAction(slug: string, projectId: string, _p: SavedState, form: FormData): Promise<SavedState> {
  slug = textArg(slug);
  projectId = textArg(projectId);
  form = formArg(form);
  const found = await projectOf(slug, projectId);
  if (!found) return { message: await organisersOnlyText() };
  const t = await getTranslations("projects.actions");
  if (fieldText(form, "intent") === "revoke") {
    await found.db.transact((tx) => revokeOwnerLink(tx, projectId));
    revalidatePath(`/o/${slug}/projects/${projectId}`);
    return { saved: t("linkRevoked") };
  }
  const token = await found.db.transact((tx) => newOwnerLink(tx, projectId));
  revalidatePath(`/o/${slug}/projects/${projectId}`);
  const mailer = sharedMailer();
  // Opened on the owner's own device: the address the join link uses, or PUBLIC_URL when emailed.
  const link = `${await handedOnBaseUrl(mailer !== null)}/u/${token}`;
  if (mailer && found.project.ownerEmail) {
    const sent = await deliver(found.db, mailer, {
      eventId: found.event.id,
      kind: "owner_link",
      to: found.project.ownerEmail,
      content: ownerLinkEmail({
        // The language the owner chose on their page, as their reminders are; else the event's.
        locale: knownLocale(found.project.ownerLanguage) ?? knownLocale(found.event.language) ?? defaultLocale,
        projectTitle: found.project.title,
        eventName: found.event.name,
        link,
      }),
    });
    const email = found.project.ownerEmail;
    // Refused, or the relay was out: said as a problem, with the link to send them by hand.
    return sent ? { saved: t("linkEmailed", { email }), link } : { message: t("linkNotEmailed", { email }), link };
  }
  return { saved: t("linkShown"), link };
}

const ownerEmailSchema = projectSchema.pick({ ownerEmail: true });

async function saveOwnerEmailAction(slug: string, projectId: string, _p: SavedState, form: FormData): Promise<SavedState> {
  slug = textArg(slug);
  projectId = textArg(projectId);
  form = formArg(form);
  const values = echo(form, ["ownerEmail"]);
  const found = await projectOf(slug, projectId);
  if (!found) return { message: await organisersOnlyText(), values };
  const parsed = ownerEmailSchema.safeParse(values);
  if (!parsed.success) return { errors: await inLanguage(fieldErrors(parsed.error)), values };
  const saved = await found.db.transact((tx) => saveOwnerEmail(tx, projectId, parsed.data.ownerEmail));
  const t = await getTranslations("projects.actions");
  if (!saved) return { message: t("gone"), values };
  revalidatePath(`/o/${slug}/projects/${projectId}`);
  const said = { unchanged: "emailUnchanged", changed: "emailSaved", cleared: "emailCleared" } as const;
  return { saved: t(said[saved]), values };
}

/** "Send a reminder" from "Needs a nudge": the same email as the scheduled reminder, now. */
export async function sendReminderAction(slug: string, projectId: string, _p: SavedState, form: FormData): Promise<SavedState> {
  slug = textArg(slug);
  projectId = textArg(projectId);
  formArg(form);
  const found = await projectOf(slug, projectId);
  if (!found) return { message: await organisersOnlyText() };
  const t = await getTranslations("projects.actions");
  const mailer = sharedMailer();
  if (!mailer) return { message: t("noMailerReminder") };
  const result = await sendNudge(found.db, mailer, emailLinks(), projectId);
  revalidatePath(`/o/${slug}/projects`);
  return result === "sent" ? { saved: t("nudge.sent") } : { message: t(`nudge.${result}`) };
}

async function organiserCheckInAction(slug: string, projectId: string, _p: CheckInState, form: FormData): Promise<CheckInState> {
  slug = textArg(slug);
  projectId = textArg(projectId);
  form = formArg(form);
  const found = await projectOf(slug, projectId);
  if (!found) return { message: (await getTranslations("projects.actions"))("gone") };
  const result = await submitCheckIn(found.project, form);
  if (result.saved) revalidatePath(`/o/${slug}/projects/${projectId}`);
  return result;
}

// A catch-up's dates are an event's: the same years only (lib/events/event-dates.ts eventYears says why).
const catchUpTime = (missing: string, outsideYears: string) => londonTime(missing, { notReal: missing, outsideYears });

const catchUpSchema = (t: (key: string) => string) =>
  z
    .object({
      name: typedLine(z.string().trim().min(1, t("nameMissing")).max(120, t("nameTooLong"))),
      place: z.string().trim().max(160, t("placeTooLong")),
      startsAt: catchUpTime(t("startsMissing"), t("yearRange")),
      endsAt: catchUpTime(t("endsMissing"), t("yearRange")),
    })
    .refine((c) => c.endsAt > c.startsAt, { path: ["endsAt"], message: t("endBeforeStart") });

export async function createCatchUpAction(slug: string, _p: FormState, form: FormData): Promise<FormState> {
  slug = textArg(slug);
  form = formArg(form);
  const values = echo(form, ["name", "place", "startsAt", "endsAt"]);
  const found = await organiserOf(slug);
  if (!found) return { message: await organisersOnlyText(), values };
  const parsed = catchUpSchema(await getTranslations("projects.actions.catchUp")).safeParse(values);
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const db = await sharedDatabase();
  const created = await db.transact((tx) =>
    createCatchUp(tx, { ...parsed.data, followsEventId: found.event.id, createdBy: found.account.id }),
  );
  redirect(`/o/${created.slug}/projects`);
}

/** "Invite the weekend's people" on a catch-up: by email where they agreed; the page gives the link for the rest. */
export async function inviteToCatchUpAction(slug: string, _p: SavedState, form: FormData): Promise<SavedState> {
  slug = textArg(slug);
  formArg(form);
  const found = await organiserOf(slug);
  if (!found) return { message: await organisersOnlyText() };
  const t = await getTranslations("projects.actions");
  const db = await sharedDatabase();
  const audience = await catchUpAudience(db, found.event.id);
  if (audience && (await followedBy(db.read, found.event.id, [audience.followsEventId], found.account.id)).length === 0) {
    return { message: t("catchUpNotYours") };
  }
  if (found.event.status !== "published") return { message: t("publishCatchUpFirst") };
  const mailer = sharedMailer();
  if (!mailer) return { message: t("noMailerInvite") };
  const outcome = await inviteToCatchUp(db, mailer, found.event.id, emailLinks());
  revalidatePath(`/o/${slug}/projects`);
  if (outcome.sent === 0 && outcome.failed === 0) return { saved: t("allInvited") };
  return emailsAnswer(outcome, t("invited", { count: outcome.sent }));
}

/**
 * A project's page: its owner's link and email, whether it is public, its milestones, a check-in
 * and its risks, each saved by its own button, as one form (../../../page-form.tsx says why one):
 * saving one part without JavaScript no longer throws away what was typed in another.
 */
export async function saveProjectPage(
  slug: string,
  projectId: string,
  _p: PageFormState,
  form: FormData,
): Promise<PageFormState> {
  slug = textArg(slug);
  projectId = textArg(projectId);
  form = formArg(form);
  return answerPart(
    form,
    {
      ownerLink: (alone) => ownerLinkAction(slug, projectId, {}, alone),
      ownerEmail: (alone) => saveOwnerEmailAction(slug, projectId, {}, alone),
      public: (alone) => setPublicAction(slug, projectId, {}, alone),
      milestones: (alone) => saveMilestonesAction(slug, projectId, {}, alone),
      checkIn: (alone) => organiserCheckInAction(slug, projectId, {}, alone),
      risks: (alone) => saveRisksAction(slug, projectId, {}, alone),
    },
    () => "milestones",
  );
}
