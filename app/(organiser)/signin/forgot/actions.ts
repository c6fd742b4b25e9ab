"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { emailSchema } from "@/lib/accounts/create-account";
import { requestPasswordReset, resetMinutes } from "@/lib/accounts/password-reset";
import { deliver } from "@/lib/email/deliver";
import { sharedMailer } from "@/lib/email/mailer";
import { passwordResetEmail } from "@/lib/email/templates";
import { formArg } from "@/lib/forms/action-args";
import { inRequestLanguage } from "@/lib/i18n/action-text";
import { knownLocale } from "@/lib/i18n/locales";
import { sharedLogger } from "@/lib/observability/logger";
import { clientIpHeader, formLimit } from "@/lib/rate-limit/form-limit";
import { emailLinkBase } from "@/lib/server/public-url";
import { passwordsEnabled } from "@/lib/sso/settings";
import { echo, fieldText } from "../../form-state";

// Per address and per email: enough for a person who mistyped, not for someone mailing a victim.
const perIp = formLimit("password-reset-ip", 10, 3600);
const perEmail = formLimit("password-reset-email", 3, 3600);

/**
 * Asks for a reset link. Whatever the address, the answer is the same page ("if an account uses
 * it, a link is on its way"), so the form tells nobody who has an account.
 */
export async function requestResetAction(_previous: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  const values = echo(form, ["email"]);
  const t = await getTranslations("account.forgot");
  // With passwords switched off, no reset link goes out (nor could it set a password for single sign-on).
  if (!passwordsEnabled()) return { message: (await getTranslations("account"))("passwordsOff"), values };
  const email = emailSchema.safeParse(fieldText(form, "email"));
  if (!email.success) {
    const issue = email.error.issues[0]?.message;
    return { errors: { email: issue ? await inRequestLanguage(issue) : t("enterEmail") }, values };
  }
  const mailer = sharedMailer();
  if (!mailer) return { message: t("noEmail") };
  const ip = (await headers()).get(clientIpHeader) ?? "unknown";
  if ((await perIp(ip)) && (await perEmail(email.data))) {
    const db = await sharedDatabase();
    const reset = await requestPasswordReset(db, email.data);
    if (reset) {
      const content = passwordResetEmail({
        // The account's own language; else the one this page was asked in.
        locale: knownLocale(reset.language) ?? (await getLocale()),
        link: `${emailLinkBase()}/signin/reset/${reset.token}`,
        minutes: resetMinutes,
      });
      // Not waited for: the relay's round trip would make the answer slower for an address that
      // has an account than for one that has none, which tells a stranger who has one.
      void deliver(db, mailer, { eventId: null, kind: "password_reset", to: reset.email, content }).catch((error) =>
        sharedLogger().error({ err: error }, "email: a password reset could not be sent"),
      );
    }
  }
  redirect("/signin/forgot?sent=1");
}
