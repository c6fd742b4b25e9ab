import type { InviteStatus } from "@/lib/invites/find-invite";

/** What the identity provider said about the person (from the verified ID token). */
export type SsoClaims = { email?: unknown; email_verified?: unknown; name?: unknown };

export type SsoRefusal = "unverified_email" | "domain_not_allowed" | "no_account" | "invite_unusable";

export type SsoDecision =
  | { kind: "sign_in"; accountId: string; acceptInvite: boolean }
  | { kind: "create_and_accept"; email: string; name: string }
  | { kind: "create_first_organiser"; email: string; name: string }
  | { kind: "refuse"; reason: SsoRefusal };

function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf("@") + 1);
}

/** The email the provider vouches for, lower-cased; null unless it says it verified it. */
export function verifiedEmail(claims: SsoClaims): string | null {
  if (claims.email_verified !== true || typeof claims.email !== "string") return null;
  const email = claims.email.trim().toLowerCase();
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) && email.length <= 254 ? email : null;
}

/**
 * Who someone signing in through the identity provider becomes. Accounts are matched by the
 * verified email only; the email's domain must be one the council allowed (a provider such as
 * Google vouches for anyone's address). A new account is made only to accept an invitation an
 * organiser sent, or for the very first organiser of an empty installation: SSO never grants a
 * role by itself.
 */
export function decideSsoSignIn(input: {
  claims: SsoClaims;
  allowedDomains: string[];
  existingAccountId: string | null;
  invite: InviteStatus | "none" | "unknown";
  firstOrganiser: boolean;
}): SsoDecision {
  const email = verifiedEmail(input.claims);
  if (!email) return { kind: "refuse", reason: "unverified_email" };
  if (!input.allowedDomains.includes(emailDomain(email))) return { kind: "refuse", reason: "domain_not_allowed" };
  const withInvite = input.invite === "valid";
  if (input.existingAccountId) return { kind: "sign_in", accountId: input.existingAccountId, acceptInvite: withInvite };
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
  failed: "Signing in with your organisation's account didn't work. Please try again.",
};
