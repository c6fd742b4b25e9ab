import "server-only";
import { createHash } from "node:crypto";
import { refresh } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { addBriefFile } from "@/lib/briefs/add-brief-file";
import { removeBriefFile } from "@/lib/briefs/remove-brief-file";
import { tellOpenScreens } from "@/lib/events/tell-open-screens";
import { maxUploadBytes, maxUploadMb } from "@/lib/files/file-types";
import { fileStorage } from "@/lib/files/storage";
import { postedSubmission, sameSending } from "@/lib/forms/form-submission";
import { inRequestLanguage } from "@/lib/i18n/action-text";
import { fieldText } from "../../../form-state";

/**
 * A brief's pack files, added and removed from the brief's own form (./actions.ts says why one
 * form): the organiser's checks are done by the caller. Not server actions of their own.
 */
type Allowed = { event: { id: string }; account: { id: string } };
export type UploadState = FormState & { saved?: string };

/** Uploads the file the form carries, with its optional title. */
export async function uploadPackFile(allowed: Allowed, briefId: string, form: FormData): Promise<UploadState> {
  const values = { fileTitle: fieldText(form, "fileTitle") };
  const t = await getTranslations("organiser-briefs.actions");
  const title = z.string().trim().max(160, t("fileTitleTooLong")).safeParse(values.fileTitle);
  if (!title.success) return { errors: { fileTitle: title.error.issues[0]!.message }, values };
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { errors: { file: t("chooseFile") }, values };
  // Checked before reading: a file over the limit is never held in memory.
  if (file.size > maxUploadBytes) {
    return { errors: { file: t("tooBig", { max: maxUploadMb }) }, values };
  }
  const db = await sharedDatabase();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const added = await addBriefFile(db, fileStorage(), {
    eventId: allowed.event.id,
    briefId,
    title: title.data,
    file: { name: file.name, size: file.size, bytes },
    uploadedBy: allowed.account.id,
    // The form as it was sent again (a reload, back then resend) stores no second copy; another file chosen is a new one.
    submission: sameSending(postedSubmission(form), [title.data, file.name, createHash("sha256").update(bytes).digest("hex")]),
  });
  if (!added.ok) {
    const message = await inRequestLanguage(added.message);
    return added.field === "file" ? { errors: { file: message }, values } : { message, values };
  }
  // The brief's pages open on phones and the other organisers' editors list the file now.
  await tellOpenScreens(db, allowed.event.id, "briefs");
  refresh();
  return { saved: t("uploaded", { name: title.data || file.name }) };
}

/** Removes one of the event's pack files. */
export async function removePackFile(allowed: Allowed, fileId: string): Promise<void> {
  if (!fileId) return;
  const db = await sharedDatabase();
  await removeBriefFile(db, fileStorage(), { eventId: allowed.event.id, fileId });
  // Nobody's open page keeps a link to a file that is gone.
  await tellOpenScreens(db, allowed.event.id, "briefs");
  refresh();
}
