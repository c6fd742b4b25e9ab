"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { newAccountSchema } from "@/lib/accounts/create-account";
import { createFirstOrganiser } from "@/lib/accounts/first-organiser";
import { startAccountSession } from "@/lib/auth/web-session";
import { formArg } from "@/lib/forms/action-args";
import { passwordsEnabled } from "@/lib/sso/settings";
import { echo, fieldErrors, fieldText } from "../form-state";

export async function setUpMadeIn(_previous: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  const values = echo(form, ["name", "email"]);
  if (!passwordsEnabled())
    return { message: "Sign-in with a password is switched off here. Use the single sign-on button instead.", values };
  const parsed = newAccountSchema.safeParse({
    name: fieldText(form, "name"),
    email: fieldText(form, "email"),
    password: fieldText(form, "password"),
  });
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  // Checked alongside the rest, so one submission lists every problem at once.
  if (!errors.password && fieldText(form, "confirm") !== fieldText(form, "password")) {
    errors.confirm = "The two passwords don't match. Type the same password in both boxes.";
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { errors, values };

  const result = await createFirstOrganiser(await sharedDatabase(), parsed.data);
  if (!result.ok) {
    return { message: "Made In has already been set up, so this form is closed. Sign in instead.", values };
  }
  await startAccountSession(result.accountId);
  redirect("/o");
}
