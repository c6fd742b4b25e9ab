"use server";

import { refresh } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { formatJoinCode } from "@/lib/events/join-code";
import { regenerateJoinCode } from "@/lib/events/regenerate-join-code";
import { tellOpenScreens } from "@/lib/events/tell-open-screens";
import { formArg, textArg } from "@/lib/forms/action-args";
import { organiserOf, organisersOnlyText } from "../../access";
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
  if (!allowed) return { message: await organisersOnlyText() };
  const t = await getTranslations("organiser.joinCode");
  // The form sends this only from its confirmation step: a stray post does not change the code.
  if (fieldText(form, "confirm") !== "yes") return { message: t("confirmFirst") };
  const db = await sharedDatabase();
  const { joinCode } = await db.transact((tx) => regenerateJoinCode(tx, { eventId: allowed.event.id }));
  await tellOpenScreens(db, allowed.event.id, "join-code");
  refresh();
  return { saved: t("changed", { code: formatJoinCode(joinCode) }) };
}
