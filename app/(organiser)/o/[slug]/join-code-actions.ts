"use server";

import { refresh } from "next/cache";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { formatJoinCode } from "@/lib/events/join-code";
import { regenerateJoinCode } from "@/lib/events/regenerate-join-code";
import { formArg, textArg } from "@/lib/forms/action-args";
import { organiserOf, organisersOnly } from "../../access";
import { fieldText } from "../../form-state";

export type JoinCodeFormState = FormState & { saved?: string };

export async function regenerateJoinCodeAction(
  slug: string,
  _previous: JoinCodeFormState,
  form: FormData,
): Promise<JoinCodeFormState> {
  slug = textArg(slug);
  form = formArg(form);
  const allowed = await organiserOf(slug);
  if (!allowed) return { message: organisersOnly };
  // The form sends this only from its confirmation step: a stray post does not change the code.
  if (fieldText(form, "confirm") !== "yes") return { message: "Confirm that the old code should stop working." };
  const db = await sharedDatabase();
  const { joinCode } = await db.transact((tx) => regenerateJoinCode(tx, { eventId: allowed.event.id }));
  refresh();
  return { saved: `The new join code is ${formatJoinCode(joinCode)}. The old one no longer works.` };
}
