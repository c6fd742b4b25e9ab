"use server";

import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { newAccountSchema } from "@/lib/accounts/create-account";
import { createFirstOrganiser } from "@/lib/accounts/first-organiser";
import { startAccountSession } from "@/lib/auth/web-session";
import { formArg } from "@/lib/forms/action-args";
import { passwordsEnabled } from "@/lib/sso/settings";
import { echo, fieldText, localFieldErrors } from "../form-state";

export async function setUpMadeIn(_previous: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  const values = echo(form, ["name", "email"]);
  const t = await getTranslations("account");
  if (!passwordsEnabled()) return { message: t("passwordsOff"), values };
  const parsed = newAccountSchema.safeParse({
    name: fieldText(form, "name"),
    email: fieldText(form, "email"),
    password: fieldText(form, "password"),
  });
  const errors = parsed.success ? {} : await localFieldErrors(parsed.error);
  // Checked alongside the rest, so one submission lists every problem at once.
  if (!errors.password && fieldText(form, "confirm") !== fieldText(form, "password")) {
    errors.confirm = t("setup.mismatch");
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { errors, values };

  const result = await createFirstOrganiser(await sharedDatabase(), parsed.data);
  if (!result.ok) {
    return { message: t("setup.closed"), values };
  }
  await startAccountSession(result.accountId);
  redirect("/o");
}
