import type { InviteStatus } from "@/lib/invites/find-invite";
import { normaliseDomain, normaliseEmail } from "@/lib/text/email-address";

/**
 * What the identity provider said about the person (from the verified ID token). `xms_edov`:
 * Microsoft Entra ID's "the email's domain is verified by its owner", which it sends (as an
 * optional claim) instead of the standard `email_verified`.
 */
export type SsoClaims = { email?: unknown; email_verified?: unknown; xms_edov?: unknown; name?: unknown };

export type SsoRefusal = "unverified_email" | "domain_not_allowed" | "no_account" | "invite_unusable" | "unconfirmed_account";

export type SsoDecision =
  | { kind: "sign_in"; accountId: string; acceptInvite: boolean }
  | { kind: "create_and_accept"; email: string; name: string }
  | { kind: "create_first_organiser"; email: string; name: string }
  | { kind: "refuse"; reason: SsoRefusal };

function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1);
}

/** The email the provider vouches for, as accounts store it (normaliseEmail); null unless it says it verified it. */
export function verifiedEmail(claims: SsoClaims): string | null {
  const vouched = claims.email_verified === true || claims.xms_edov === true || claims.xms_edov === "1";
  if (!vouched || typeof claims.email !== "string") return null;
  const email = normaliseEmail(claims.email);
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) && email.length <= 254 ? email : null;
}

/**
 * Who someone signing in through the identity provider becomes. Accounts are matched by the
 * verified email only; the email's domain must be one the council allowed (a provider such as
 * Google vouches for anyone's address). A new account is made only to accept an invitation an
 * organiser sent, or for the very first organiser of an empty installation: SSO never grants a
 * role by itself.
 * An account whose email was only typed into a form (an invitation link lets anyone type any
 * address) is not matched while passwords are on: whoever typed it could have chosen someone
 * else's address, and would then share the real owner's account through the password. A reset
 * link mailed to the address proves it and lets single sign-on match it from then on.
 */
export function decideSsoSignIn(input: {
  claims: SsoClaims;
  allowedDomains: string[];
  existingAccount: { id: string; unconfirmedPassword: boolean } | null;
  passwordsOn: boolean;
  invite: InviteStatus | "none" | "unknown";
  firstOrganiser: boolean;
}): SsoDecision {
  const email = verifiedEmail(input.claims);
  if (!email) return { kind: "refuse", reason: "unverified_email" };
  const domain = emailDomain(email);
  if (!input.allowedDomains.some((d) => normaliseDomain(d) === domain)) return { kind: "refuse", reason: "domain_not_allowed" };
  const withInvite = input.invite === "valid";
  if (input.existingAccount) {
    if (input.existingAccount.unconfirmedPassword && input.passwordsOn) return { kind: "refuse", reason: "unconfirmed_account" };
    return { kind: "sign_in", accountId: input.existingAccount.id, acceptInvite: withInvite };
  }
  const name =
    typeof input.claims.name === "string" && input.claims.name.trim()
      ? input.claims.name.trim().slice(0, 80)
      : email.slice(0, email.indexOf("@"));
  if (withInvite) return { kind: "create_and_accept", email, name };
  if (input.invite !== "none") return { kind: "refuse", reason: "invite_unusable" };
  if (input.firstOrganiser) return { kind: "create_first_organiser", email, name };
  return { kind: "refuse", reason: "no_account" };
}

/** What the sign-in page says for each refusal (by code, so nothing from the URL is echoed). */
export const ssoRefusalMessages: Record<SsoRefusal | "failed", string> = {
  unverified_email:
    "Your organisation's account didn't confirm an email address for you, so we can't tell which Made In account is yours. Ask your IT team to release a verified email to Made In.",
  domain_not_allowed:
    "That account's email address isn't one this Made In accepts for single sign-on. Sign in with your work account, or ask an organiser which address to use.",
  no_account:
    "There's no Made In account for that email address yet. Ask an organiser of your event for an invitation link, then open it and choose single sign-on.",
  invite_unusable:
    "That invitation can't be used any more: it has expired, been used or been revoked. Ask the organiser for a new link.",
  unconfirmed_account:
    "A Made In account with this email address was made with a password, and the address hasn’t been confirmed yet. Use “Forgot your password?” to get a link by email: once you have set a password with it, single sign-on works too.",
  failed: "Signing in with your organisation's account didn't work. Please try again.",
};
