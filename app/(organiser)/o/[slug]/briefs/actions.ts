"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { addBriefFile } from "@/lib/briefs/add-brief-file";
import { briefFieldsSchema, briefStatusSchema, briefTextFields, briefTitleSchema } from "@/lib/briefs/brief-schema";
import { createBrief } from "@/lib/briefs/create-brief";
import { removeBriefFile } from "@/lib/briefs/remove-brief-file";
import { moveBrief } from "@/lib/briefs/reorder-briefs";
import { setBriefStatus } from "@/lib/briefs/set-brief-status";
import { updateBrief } from "@/lib/briefs/update-brief";
import { maxUploadBytes, maxUploadLabel } from "@/lib/files/file-types";
import { fileStorage } from "@/lib/files/storage";
import { formArg, textArg } from "@/lib/forms/action-args";
import { fieldErrorsByPath, listFromForm } from "@/lib/forms/list-fields";
import { sequenceBroadcasts } from "@/lib/realtime/sequence";
import { sharedRealtime } from "@/lib/server/shared-realtime";
import { ensureTeamsForBriefs } from "@/lib/teams/ensure-teams-for-briefs";
import { organiserOf, organisersOnly } from "../../../access";
import { echo, fieldText } from "../../../form-state";

export type BriefFormState = FormState & { saved?: string };

export async function createBriefAction(slug: string, _previous: FormState, form: FormData): Promise<FormState> {
  slug = textArg(slug);
  form = formArg(form);
  const values = { title: fieldText(form, "title") };
  const allowed = await organiserOf(slug);
  if (!allowed) return { message: organisersOnly, values };
  const title = briefTitleSchema.safeParse(values.title);
  if (!title.success) return { errors: { title: title.error.issues[0]!.message }, values };
  const db = await sharedDatabase();
  const brief = await db.transact((tx) => createBrief(tx, { eventId: allowed.event.id, title: title.data }));
  redirect(`/o/${slug}/briefs/${brief.id}`);
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
  refresh();
}

const linkKeys = ["title", "url", "note"] as const;

export async function saveBriefAction(
  slug: string,
  briefId: string,
  _previous: BriefFormState,
  form: FormData,
): Promise<BriefFormState> {
  slug = textArg(slug);
  briefId = textArg(briefId);
  form = formArg(form);
  const values = echo(form, briefTextFields);
  const allowed = await organiserOf(slug);
  if (!allowed) return { message: organisersOnly, values };
  const parsed = briefFieldsSchema.safeParse({
    ...values,
    dataLinks: listFromForm(form, "dataLinks", linkKeys),
    usefulLinks: listFromForm(form, "usefulLinks", linkKeys),
    contacts: listFromForm(form, "contacts", ["role", "howToReach"]),
  });
  if (!parsed.success) {
    return { errors: fieldErrorsByPath(parsed.error), values, message: "Nothing was saved yet: check the fields marked below." };
  }
  const db = await sharedDatabase();
  const saved = await db.transact((tx) => updateBrief(tx, { eventId: allowed.event.id, briefId, fields: parsed.data }));
  if (!saved) return { message: "This brief no longer exists. Go back to the event to see its briefs.", values };
  refresh();
  return { values, saved: "Saved." };
}

const statusNews = {
  draft: "Saved. The brief is a draft: only the people running the event can see it.",
  published: "Saved. The brief is published: it shows on the public event page once the event is published.",
  withdrawn: "Saved. The brief is withdrawn: it no longer shows on the public page.",
};

export async function setBriefStatusAction(
  slug: string,
  briefId: string,
  _previous: BriefFormState,
  form: FormData,
): Promise<BriefFormState> {
  slug = textArg(slug);
  briefId = textArg(briefId);
  form = formArg(form);
  const values = { status: fieldText(form, "status") };
  const allowed = await organiserOf(slug);
  if (!allowed) return { message: organisersOnly, values };
  const status = briefStatusSchema.safeParse(values.status);
  if (!status.success) return { errors: { status: status.error.issues[0]!.message }, values };
  const db = await sharedDatabase();
  const outcome = await db.transact(async (tx) => {
    const saved = await setBriefStatus(tx, { eventId: allowed.event.id, briefId, status: status.data });
    if (!saved || status.data !== "published") return { saved, broadcasts: [] };
    // A published brief gets its team straight away, so people can sign up to it on the night.
    const teams = await ensureTeamsForBriefs(tx, allowed.event.id);
    return { saved, broadcasts: await sequenceBroadcasts(tx, teams.broadcasts) };
  });
  if (!outcome.saved) return { message: "This brief no longer exists.", values };
  sharedRealtime()?.emitBroadcasts(outcome.broadcasts);
  refresh();
  return { values, saved: statusNews[status.data] };
}

export async function uploadBriefFileAction(
  slug: string,
  briefId: string,
  _previous: BriefFormState,
  form: FormData,
): Promise<BriefFormState> {
  slug = textArg(slug);
  briefId = textArg(briefId);
  form = formArg(form);
  const values = { fileTitle: fieldText(form, "fileTitle") };
  const allowed = await organiserOf(slug);
  if (!allowed) return { message: organisersOnly, values };
  const title = z.string().trim().max(160, "Keep the title to 160 characters or fewer.").safeParse(values.fileTitle);
  if (!title.success) return { errors: { fileTitle: title.error.issues[0]!.message }, values };
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { errors: { file: "Choose a file to upload." }, values };
  // Checked before reading: a file over the limit is never held in memory.
  if (file.size > maxUploadBytes) {
    return { errors: { file: `This file is too big. Files can be up to ${maxUploadLabel}.` }, values };
  }
  const db = await sharedDatabase();
  const added = await addBriefFile(db, fileStorage(), {
    eventId: allowed.event.id,
    briefId,
    title: title.data,
    file: { name: file.name, size: file.size, bytes: new Uint8Array(await file.arrayBuffer()) },
    uploadedBy: allowed.account.id,
  });
  if (!added.ok) {
    return added.field === "file" ? { errors: { file: added.message }, values } : { message: added.message, values };
  }
  refresh();
  return { saved: `Uploaded ${title.data || file.name}.` };
}

export async function removeBriefFileAction(slug: string, form: FormData): Promise<void> {
  slug = textArg(slug);
  form = formArg(form);
  const allowed = await organiserOf(slug);
  const fileId = fieldText(form, "fileId");
  if (!allowed || !fileId) return;
  const db = await sharedDatabase();
  await removeBriefFile(db, fileStorage(), { eventId: allowed.event.id, fileId });
  refresh();
}
