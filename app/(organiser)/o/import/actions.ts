"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { currentAccount } from "@/lib/auth/web-session";
import { parseEventExport } from "@/lib/exports/export-schema";
import { importEvent } from "@/lib/exports/import-event";
import { FileRefused } from "@/lib/exports/import-files";
import { maxImportBytes, maxImportLabel } from "@/lib/exports/import-limits";
import { mayImportEvents } from "@/lib/exports/may-import";
import { readEventUpload } from "@/lib/exports/read-upload";
import { fileStorage } from "@/lib/files/storage";
import { formArg } from "@/lib/forms/action-args";
import { inRequestLanguage } from "@/lib/i18n/action-text";
import { sharedLogger } from "@/lib/observability/logger";

/** An organiser (lib/exports/may-import.ts) imports: the import becomes a new draft event that only they run. */
export async function importEventAction(_previous: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  const t = await getTranslations("organiser.import");
  const account = await currentAccount();
  if (!account) return { message: t("signedOut") };
  if (!(await mayImportEvents((await sharedDatabase()).read, account.id))) return { message: t("organisersOnly") };
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { errors: { file: t("chooseFile") } };
  if (file.size > maxImportBytes) return { errors: { file: t("tooLarge", { size: maxImportLabel }) } };
  const upload = await readEventUpload(new Uint8Array(await file.arrayBuffer()));
  if (!upload.ok) return { errors: { file: await inRequestLanguage(upload.message) } };
  const parsed = parseEventExport(upload.raw);
  if (!parsed.ok) return { errors: { file: await inRequestLanguage(parsed.message) } };
  let made: Awaited<ReturnType<typeof importEvent>>;
  try {
    made = await importEvent(await sharedDatabase(), parsed.data, account.id, { files: upload.files, storage: fileStorage() });
  } catch (error) {
    if (error instanceof FileRefused) return { errors: { file: await inRequestLanguage(error.message) } };
    // The import runs in one transaction, so a refusal leaves nothing half-made behind.
    // The error, not the file: its query values are scrubbed by the logger (lib/observability/logger.ts).
    sharedLogger().warn({ err: error, accountId: account.id }, "event import refused");
    return { errors: { file: t("breaksRules") } };
  }
  const { slug, files, follows } = made;
  const followed = follows ? `&follows=${follows.outcome}&followed=${encodeURIComponent(follows.slug)}` : "";
  redirect(`/o/${slug}?imported=1&files=${files.carried}&missing=${files.missing.length}${followed}`);
}
