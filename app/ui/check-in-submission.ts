import "server-only";
import { getLocale, getTranslations } from "next-intl/server";
import { fieldText, localFieldErrors } from "@/app/(organiser)/form-state";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { fileStorage } from "@/lib/files/storage";
import { filesToChooseAgain } from "@/lib/forms/files-not-kept";
import { postedSubmission, sameSending } from "@/lib/forms/form-submission";
import { inRequestLanguage } from "@/lib/i18n/action-text";
import { postCheckIn } from "@/lib/projects/post-check-in";
import { checkInSchema } from "@/lib/projects/project-schema";
import { sharedRealtime } from "@/lib/server/shared-realtime";

export type CheckInState = FormState & { saved?: string };

const checkInFields = ["status", "progress", "evidence", "numbers", "links", "learning", "helpNeeded", "authorName"] as const;

/** A check-in form, from organiser or owner alike: validated, photos checked, then saved; the event's review follows it. */
export async function submitCheckIn(project: { id: string; eventId: string }, form: FormData): Promise<CheckInState> {
  const values = Object.fromEntries(checkInFields.map((f) => [f, fieldText(form, f)]));
  const parsed = checkInSchema(await getLocale()).safeParse(values);
  if (!parsed.success) {
    const errors = await localFieldErrors(parsed.error);
    // Posted without JavaScript, the page comes back with the photos field empty: said there, not lost unawares.
    const again = filesToChooseAgain(form, "photos");
    if (again > 0) errors.photos ??= (await getTranslations("ui.checkInForm"))("photosAgain", { count: again });
    return { errors, values };
  }
  const files = form.getAll("photos").filter((f): f is File => f instanceof File && f.size > 0);
  const photos = await Promise.all(files.map(async (f) => new Uint8Array(await f.arrayBuffer())));
  // The id the form was drawn with (app/ui/check-in-form.tsx): sent twice as it was, it saves once;
  // from the same page with something changed (back, edit, send), it is a new update.
  const submission = sameSending(postedSubmission(form), [JSON.stringify(values), ...files.map((f) => `${f.name}:${f.size}`)]);
  const result = await postCheckIn(await sharedDatabase(), fileStorage(), project.id, parsed.data, photos, submission);
  if (!result.ok) return { errors: { photos: await inRequestLanguage(result.photoError) }, values };
  sharedRealtime()?.recordChanged(project.eventId);
  return { saved: (await getTranslations("ui.checkInForm"))("saved") };
}
