"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { authenticate, signInSchema } from "@/lib/accounts/authenticate";
import { safeNextPath } from "@/lib/accounts/next-path";
import { retryMessage } from "@/lib/accounts/sign-in-limiter";
import { endAccountSession, startAccountSession } from "@/lib/auth/web-session";
import { formArg } from "@/lib/forms/action-args";
import { clientIpHeader } from "@/lib/rate-limit/form-limit";
import { passwordsEnabled } from "@/lib/sso/settings";
import { echo, fieldErrors, fieldText } from "../form-state";
import { signInLimiter } from "./limiter";

// Deliberately vague: saying which half was wrong would tell a stranger who has an account.
const mismatch = "That email and password don't match. Check them and try again.";

export async function signIn(_previous: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  const values = echo(form, ["email"]);
  if (!passwordsEnabled())
    return { message: "Sign-in with a password is switched off here. Use the single sign-on button instead.", values };
  const parsed = signInSchema.safeParse({ email: fieldText(form, "email"), password: fieldText(form, "password") });
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };

  const ip = (await headers()).get(clientIpHeader) ?? "unknown";
  const attempt = await signInLimiter().attempt(ip, parsed.data.email);
  if (!attempt.allowed) return { message: retryMessage(attempt.retryAfterMs), values };

  const account = await authenticate((await sharedDatabase()).read, parsed.data);
  if (!account) return { message: mismatch, values };

  await signInLimiter().succeeded(ip, parsed.data.email);
  await startAccountSession(account.id);
  redirect(safeNextPath(form.get("next")));
}

export async function signOut() {
  await endAccountSession();
  redirect("/");
}
