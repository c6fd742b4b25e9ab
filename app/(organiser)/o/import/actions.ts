"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { currentAccount } from "@/lib/auth/web-session";
import { parseEventExport } from "@/lib/exports/export-schema";
import { importEvent } from "@/lib/exports/import-event";
import { formArg } from "@/lib/forms/action-args";

const maxImportBytes = 10 * 1024 * 1024;

/** Any signed-in organiser may import: the import becomes a new draft event that only they run. */
export async function importEventAction(_previous: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  const account = await currentAccount();
  if (!account) return { message: "You've been signed out. Sign in again, then import the file." };
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0)
    return { errors: { file: "Choose the .json file you downloaded from Made In." } };
  if (file.size > maxImportBytes) return { errors: { file: "That file is over 10 MB, larger than any Made In export." } };
  let raw: unknown;
  try {
    raw = JSON.parse(await file.text());
  } catch {
    return { errors: { file: "That file isn't JSON. Choose the .json file from an event's exports." } };
  }
  const parsed = parseEventExport(raw);
  if (!parsed.ok) return { errors: { file: parsed.message } };
  let slug: string;
  try {
    ({ slug } = await importEvent(await sharedDatabase(), parsed.data, account.id));
  } catch (error) {
    // The import runs in one transaction, so a refusal leaves nothing half-made behind.
    console.error("Event import refused", error);
    return {
      errors: {
        file: "That export breaks one of this Made In's rules (for example more dots than a vote allowed), so nothing was imported.",
      },
    };
  }
  redirect(`/o/${slug}?imported=1`);
}
