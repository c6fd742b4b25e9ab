import { readSsoEnv, type SsoEnv } from "@/lib/config/operations-env";
import { normaliseDomain } from "@/lib/text/email-address";

export type SsoSettings = {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  /** Shown on the button: "Sign in with <name>". */
  name: string;
  /** Email domains allowed to sign in with SSO, as normaliseEmail writes them; empty: none are. */
  allowedDomains: string[];
};

/** The identity provider configured by environment, or null when single sign-on is off. */
export function ssoSettings(env: SsoEnv = readSsoEnv()): SsoSettings | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID) return null;
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    name: env.OIDC_NAME ?? "single sign-on",
    allowedDomains: (env.OIDC_ALLOWED_DOMAINS ?? "")
      .split(",")
      .map((d) => normaliseDomain(d.trim().replace(/^[@\uFF20]/, "")))
      .filter(Boolean),
  };
}

/** Local email-and-password sign-in, on unless PASSWORD_SIGN_IN=off (which needs SSO). */
export function passwordsEnabled(env: SsoEnv = readSsoEnv()): boolean {
  return env.PASSWORD_SIGN_IN !== "off" || !env.OIDC_ISSUER;
}
