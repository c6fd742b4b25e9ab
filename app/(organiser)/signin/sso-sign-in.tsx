import { FormMessage } from "@/app/ui/form";
import { ssoRefusalMessages } from "@/lib/sso/decide";
import { passwordsEnabled, ssoSettings } from "@/lib/sso/settings";

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
  const settings = ssoSettings();
  if (!settings) return null;
  const code = typeof refusal === "string" && refusal in ssoRefusalMessages ? (refusal as keyof typeof ssoRefusalMessages) : null;
  const query = new URLSearchParams();
  if (next) query.set("next", next);
  if (invite) query.set("invite", invite);
  if (setup) query.set("setup", "1");
  return (
    <div className="space-y-4">
      {code && <FormMessage message={ssoRefusalMessages[code]} />}
      <a href={`/signin/sso?${query}`} className="btn btn-primary w-full justify-center text-center">
        Sign in with {settings.name}
      </a>
      {passwordsEnabled() && (
        <p className="flex items-center gap-3 text-sm text-ink-soft before:h-px before:flex-1 before:bg-line after:h-px after:flex-1 after:bg-line">
          or with your email and password
        </p>
      )}
    </div>
  );
}
