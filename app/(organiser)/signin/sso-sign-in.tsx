import { useTranslations } from "next-intl";
import { FormMessage } from "@/app/ui/form";
import type { ssoRefusalMessages } from "@/lib/sso/decide";
import { passwordsEnabled, ssoSettings } from "@/lib/sso/settings";

type Refusal = keyof typeof ssoRefusalMessages;

/** lib/sso/decide's refusal codes → their sentences in messages/<locale>/account.json (sso.refusals). */
const refusalKeys = {
  unverified_email: "unverifiedEmail",
  domain_not_allowed: "domainNotAllowed",
  no_account: "noAccount",
  invite_unusable: "inviteUnusable",
  unconfirmed_account: "unconfirmedAccount",
  failed: "failed",
} as const satisfies Record<Refusal, string>;

/**
 * "Sign in with <provider>" when single sign-on is configured, and why the last attempt was
 * refused (by code: the page never echoes text from its address). A plain link, so it works
 * before the page's JavaScript has loaded.
 */
export function SsoSignIn({
  next,
  refusal,
  invite,
  setup,
}: {
  next?: string;
  refusal?: string | string[];
  invite?: string;
  setup?: boolean;
}) {
  const t = useTranslations("account.sso");
  const settings = ssoSettings();
  if (!settings) return null;
  const code = typeof refusal === "string" && Object.hasOwn(refusalKeys, refusal) ? refusalKeys[refusal as Refusal] : null;
  const query = new URLSearchParams();
  if (next) query.set("next", next);
  if (invite) query.set("invite", invite);
  if (setup) query.set("setup", "1");
  return (
    <div className="space-y-4">
      {code && <FormMessage message={t(`refusals.${code}`)} />}
      <a href={`/signin/sso?${query}`} className="btn btn-primary w-full justify-center text-center">
        {t("button", { provider: settings.name })}
      </a>
      {passwordsEnabled() && (
        <p className="flex items-center gap-3 text-sm text-ink-soft before:h-px before:flex-1 before:bg-line after:h-px after:flex-1 after:bg-line">
          {t("or")}
        </p>
      )}
    </div>
  );
}
