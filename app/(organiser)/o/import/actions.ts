"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { currentAccount } from "@/lib/auth/web-session";
import { maxImportBytes, maxImportLabel } from "@/lib/exports/import-limits";
import { takeImportSlot } from "@/lib/exports/import-slots";
import { importUpload } from "@/lib/exports/import-upload";
import { mayImportEvents } from "@/lib/exports/may-import";
import { fileStorage } from "@/lib/files/storage";
import { formArg } from "@/lib/forms/action-args";
import { inRequestLanguage } from "@/lib/i18n/action-text";
import { sharedLogger } from "@/lib/observability/logger";

/**
 * An organiser (lib/exports/may-import.ts) imports: the import becomes a new draft event that
 * only they run. One import per account at a time, and a few per process (import-slots.ts).
 */
export async function importEventAction(_previous: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  const t = await getTranslations("organiser.import");
  const account = await currentAccount();
  if (!account) return { message: t("signedOut") };
  const db = await sharedDatabase();
  if (!(await mayImportEvents(db.read, account.id))) return { message: t("organisersOnly") };
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) return { errors: { file: t("chooseFile") } };
  if (file.size > maxImportBytes) return { errors: { file: t("tooLarge", { size: maxImportLabel }) } };
  const slot = takeImportSlot(account.id);
  if (!slot.ok) return { message: t(slot.busy === "yours" ? "busyYours" : "busyOthers") };
  let imported: Awaited<ReturnType<typeof importUpload>>;
  try {
    imported = await importUpload(db, new Uint8Array(await file.arrayBuffer()), account.id, fileStorage());
  } finally {
    slot.release();
  }
  if (!imported.ok) {
    if ("message" in imported) return { errors: { file: await inRequestLanguage(imported.message) } };
    // The import undid itself (lib/exports/import-event.ts), so nothing half-made is left behind.
    // The error, not the file: its query values are scrubbed by the logger (lib/observability/logger.ts).
    sharedLogger().warn({ err: imported.broke, accountId: account.id }, "event import refused");
    return { errors: { file: t("breaksRules") } };
  }
  const { slug, files, follows } = imported.made;
  const followed = follows ? `&follows=${follows.outcome}&followed=${encodeURIComponent(follows.slug)}` : "";
  redirect(`/o/${slug}?imported=1&files=${files.carried}&missing=${files.missing.length}${followed}`);
}
