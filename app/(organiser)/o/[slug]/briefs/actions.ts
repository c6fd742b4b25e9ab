"use server";

import { and, desc, eq } from "drizzle-orm";
import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { briefs } from "@/db/schema";
import { accountKey } from "@/lib/auth/actor";
import {
  type BriefFields,
  briefFieldsSchema,
  briefStatusSchema,
  briefTextFields,
  briefTitleSchema,
  storedBriefFields,
} from "@/lib/briefs/brief-schema";
import { createBrief } from "@/lib/briefs/create-brief";
import { findBriefWithPack } from "@/lib/briefs/find-briefs";
import { type BriefStatus, missingToPublish } from "@/lib/briefs/publish-rule";
import { moveBrief } from "@/lib/briefs/reorder-briefs";
import { setBriefStatus } from "@/lib/briefs/set-brief-status";
import { updateBrief } from "@/lib/briefs/update-brief";
import { tellOpenScreens } from "@/lib/events/tell-open-screens";
import { formArg, textArg } from "@/lib/forms/action-args";
import { mergeEdit, postedBasis, readBasis } from "@/lib/forms/edit-basis";
import { onceInTransaction, postedSubmission, sameSending } from "@/lib/forms/form-submission";
import { applyListIntent, fieldErrorsByPath, listFromForm, readListIntent } from "@/lib/forms/list-fields";
import { inRequestLanguage } from "@/lib/i18n/action-text";
import { followSuccessLines } from "@/lib/presentations/judging";
import { sequenceBroadcasts } from "@/lib/realtime/sequence";
import { sharedRealtime } from "@/lib/server/shared-realtime";
import { ensureTeamsForBriefs } from "@/lib/teams/ensure-teams-for-briefs";
import { organiserOf, organisersOnlyText } from "../../../access";
import { echo, fieldText } from "../../../form-state";
import { mergedAnswer } from "../../../merged-save";
import { briefEditLabels, briefEditText, shownBriefEdit } from "./merge-brief";
import { removePackFile, type UploadState, uploadPackFile } from "./pack-files";

/** The pack's lists as the form draws them: as stored, or as posted (blank rows and all) when nothing was saved. */
export type BriefLists = Record<keyof Pick<BriefFields, "dataLinks" | "usefulLinks" | "contacts">, Record<string, string>[]>;
export type BriefFormState = FormState & {
  saved?: string;
  /** The basis the form's next save is merged on (lib/forms/edit-basis.ts). */
  basis?: string;
  /** Refused before any merge (a field to fix): the basis it was posted with, kept for the next save. */
  postedBasis?: string;
  /** The pack's lists to draw again after a save: merged, or as posted where nothing could be saved. */
  lists?: BriefLists;
  /** "Save status" was the button pressed: its answer is said beside it, not at the foot of the form. */
  savedBy?: "status";
  /** "Upload file" was pressed: its answer, said in the files' part of the form. */
  upload?: UploadState;
};
/** What the brief's form saves: its fields, and its status when the form posts one. */
type BriefEdit = BriefFields & { status?: BriefStatus };

/** Each field's message from lib/ (a zod issue) in the language of the request. */
async function inLanguage(errors: Record<string, string>): Promise<Record<string, string>> {
  return Object.fromEntries(await Promise.all(Object.entries(errors).map(async ([k, v]) => [k, await inRequestLanguage(v)])));
}

export async function createBriefAction(slug: string, _previous: FormState, form: FormData): Promise<FormState> {
  slug = textArg(slug);
  form = formArg(form);
  const values = { title: fieldText(form, "title") };
  const allowed = await organiserOf(slug);
  if (!allowed) return { message: await organisersOnlyText(), values };
  const title = briefTitleSchema.safeParse(values.title);
  if (!title.success) return { errors: { title: await inRequestLanguage(title.error.issues[0]!.message) }, values };
  const db = await sharedDatabase();
  // A double tap without JavaScript posts the form twice: the second opens the first's brief.
  const sending = {
    actorKey: accountKey(allowed.account.id),
    submission: sameSending(postedSubmission(form), [allowed.event.id, title.data]),
    form: "create-brief",
  };
  const once = await onceInTransaction(db, sending, (tx) => createBrief(tx, { eventId: allowed.event.id, title: title.data }));
  if (once.again) {
    const [first] = await db.read
      .select({ id: briefs.id })
      .from(briefs)
      .where(and(eq(briefs.eventId, allowed.event.id), eq(briefs.title, title.data)))
      .orderBy(desc(briefs.createdAt))
      .limit(1);
    redirect(first ? `/o/${slug}/briefs/${first.id}` : `/o/${slug}`);
  }
  // The other organisers' lists of briefs show the new draft.
  await tellOpenScreens(db, allowed.event.id, "briefs");
  redirect(`/o/${slug}/briefs/${once.result.id}`);
}

const direction = z.enum(["up", "down"]);

export async function moveBriefAction(slug: string, form: FormData): Promise<void> {
  slug = textArg(slug);
  form = formArg(form);
  const allowed = await organiserOf(slug);
  const move = direction.safeParse(fieldText(form, "direction"));
  const briefId = fieldText(form, "briefId");
  if (!allowed || !move.success || !briefId) return;
  const db = await sharedDatabase();
  await db.transact((tx) => moveBrief(tx, { eventId: allowed.event.id, briefId, direction: move.data }));
  await tellOpenScreens(db, allowed.event.id, "briefs");
  refresh();
}

const linkKeys = ["title", "url", "note"] as const;
const contactKeys = ["role", "howToReach"] as const;

export async function saveBriefAction(
  slug: string,
  briefId: string,
  _previous: BriefFormState,
  form: FormData,
): Promise<BriefFormState> {
  form = formArg(form);
  const answer = await saveBrief(textArg(slug), textArg(briefId), form);
  // A file's title typed beside another button's post (Save brief, Save status, Enter in a field,
  // a list's Add) comes back as typed, for its upload, not emptied (a chosen file must be chosen again).
  const fileTitle = fieldText(form, "fileTitle");
  return answer.upload || !fileTitle ? answer : { ...answer, upload: { values: { fileTitle } } };
}

async function saveBrief(slug: string, briefId: string, form: FormData): Promise<BriefFormState> {
  // The status is part of the brief's form: "Save status" posts the words typed above it too, so
  // nothing typed is lost to it, with or without JavaScript. A form without it (a script, an older
  // page) leaves the status as it is.
  const postsStatus = form.has("status");
  const values = { ...echo(form, briefTextFields), ...(postsStatus ? { status: fieldText(form, "status") } : {}) };
  const savedBy = fieldText(form, "intent") === "status" ? ("status" as const) : undefined;
  const allowed = await organiserOf(slug);
  if (!allowed) return { message: await organisersOnlyText(), values };
  const posted: BriefLists = {
    dataLinks: listFromForm(form, "dataLinks", linkKeys),
    usefulLinks: listFromForm(form, "usefulLinks", linkKeys),
    contacts: listFromForm(form, "contacts", contactKeys),
  };
  // "Upload file" or a file's "Remove", pressed in this same form: done, and the brief's fields
  // come back as typed, unsaved (without JavaScript the page is drawn anew from them).
  const unsaved = { values, lists: posted, postedBasis: postedBasis(form.get("basis")) };
  const pressed = fieldText(form, "intent");
  if (pressed === "upload") return { ...unsaved, upload: await uploadPackFile(allowed, briefId, form) };
  if (pressed.startsWith("remove:")) {
    await removePackFile(allowed, pressed.slice("remove:".length));
    return unsaved;
  }
  // Up, Down, Remove or Add pressed without JavaScript: that list drawn again changed, every field kept, nothing saved.
  const intent = readListIntent(form);
  if (intent && Object.hasOwn(posted, intent.list)) {
    const list = intent.list as keyof BriefLists;
    const lists = { ...posted, [list]: applyListIntent(posted[list], intent) };
    return { values, lists, postedBasis: postedBasis(form.get("basis")) };
  }
  const parsed = briefFieldsSchema.safeParse({ ...values, ...posted });
  const status = postsStatus ? briefStatusSchema.safeParse(values.status) : null;
  const t = await getTranslations("organiser-briefs.actions");
  if (!parsed.success || status?.success === false) {
    const errors = parsed.success ? {} : await inLanguage(fieldErrorsByPath(parsed.error));
    if (status?.success === false) errors.status = await inRequestLanguage(status.error.issues[0]!.message);
    // The lists as posted too, so no row typed is lost, and each message stands beside its row.
    return { errors, values, lists: posted, message: t("checkFields"), postedBasis: postedBasis(form.get("basis")), savedBy };
  }
  const basis = readBasis(form.get("basis"));
  const mine: BriefEdit = status ? { ...parsed.data, status: status.data } : parsed.data;
  const db = await sharedDatabase();
  // Merged on what is stored at the moment of writing: another organiser may have saved since this form was drawn.
  const outcome = await db.transact(async (tx) => {
    const brief = await findBriefWithPack(tx, allowed.event.id, briefId);
    if (!brief) return null;
    const current: BriefEdit = { ...storedBriefFields(brief), status: brief.status };
    const merge = mergeEdit(basis, mine, current);
    if (merge.conflicts.length > 0) return { merge, stored: current, saved: false };
    const { status: mergedStatus = brief.status, ...fields } = merge.merged;
    // A brief people can see must say what it is about: held back, with everything typed kept.
    const missing = missingToPublish(brief, { status: mergedStatus, problem: fields.problem });
    if (missing.length > 0) return { missing };
    await updateBrief(tx, { eventId: allowed.event.id, briefId, fields });
    const success = { before: current.successLooksLike, after: fields.successLooksLike };
    const broadcasts = await followSuccessLines(tx, allowed.event.id, briefId, success, Date.now());
    const statusChanged = mergedStatus !== brief.status;
    if (statusChanged) {
      await setBriefStatus(tx, { eventId: allowed.event.id, briefId, status: mergedStatus });
      // A published brief gets its team straight away, so people can sign up to it on the night.
      if (mergedStatus === "published") broadcasts.push(...(await ensureTeamsForBriefs(tx, allowed.event.id)).broadcasts);
    }
    const stored = { ...fields, status: mergedStatus };
    return { merge, stored, saved: true, statusChanged, broadcasts: await sequenceBroadcasts(tx, broadcasts) };
  });
  if (!outcome) return { message: t("goneGoBack"), values };
  if ("missing" in outcome) {
    return {
      errors: { problem: t("problemToPublish") },
      values,
      lists: posted,
      message: t("needsProblem"),
      postedBasis: postedBasis(form.get("basis")),
      savedBy,
    };
  }
  const answer = await mergedAnswer({
    ...outcome,
    posted: values,
    formText: briefEditText,
    shown: await shownBriefEdit(),
    labels: await briefEditLabels(),
  });
  // The pack's lists are drawn again from the answer: someone else's where only they changed one.
  const { dataLinks, usefulLinks, contacts } = outcome.merge.merged;
  const listAnswer = { dataLinks, usefulLinks, contacts };
  if (!outcome.saved) return { ...answer, lists: listAnswer, savedBy };
  if (outcome.broadcasts?.length) sharedRealtime()?.emitBroadcasts(outcome.broadcasts);
  await tellOpenScreens(db, allowed.event.id, "briefs");
  refresh();
  const said = outcome.statusChanged ? statusSavedText(t, outcome.stored.status, allowed.event.status) : t("saved");
  return { ...answer, lists: listAnswer, saved: [said, answer.keptTheirs].filter(Boolean).join(" "), savedBy };
}

/** "Saved", with who sees the brief now: a published brief shows at once on a live event, later on a draft one. */
function statusSavedText(
  t: Awaited<ReturnType<typeof getTranslations<"organiser-briefs.actions">>>,
  status: BriefStatus,
  eventStatus: string,
) {
  if (status === "published" && eventStatus !== "draft") return t("publishedLive");
  return t("statusSaved", { status });
}
