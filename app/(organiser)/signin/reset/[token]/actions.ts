"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { newPasswordSchema } from "@/lib/accounts/create-account";
import { resetPassword } from "@/lib/accounts/password-reset";
import { formArg, textArg } from "@/lib/forms/action-args";
import { fieldText } from "../../../form-state";

export async function resetPasswordAction(token: string, _previous: FormState, form: FormData): Promise<FormState> {
  token = textArg(token);
  form = formArg(form);
  const password = newPasswordSchema.safeParse(fieldText(form, "password"));
  if (!password.success) return { errors: { password: password.error.issues[0]?.message ?? "Choose a password." } };
  if (fieldText(form, "confirm") !== password.data)
    return { errors: { confirm: "The two passwords are different. Type it again." } };
  const done = await resetPassword(await sharedDatabase(), token, password.data);
  if (!done) return { message: "This link has been used or has expired. Ask for a new one." };
  redirect("/signin?reset=1");
}
