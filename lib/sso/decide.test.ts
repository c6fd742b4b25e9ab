import { describe, expect, it } from "vitest";
import { decideSsoSignIn, verifiedEmail } from "./decide";

const base = {
  allowedDomains: ["council.example"],
  existingAccount: null,
  passwordsOn: true,
  invite: "none" as const,
  firstOrganiser: false,
};
const verified = (email: string, name?: string) => ({ email, email_verified: true, name });

describe("single sign-on decisions", () => {
  it("only trusts an email the provider says it verified", () => {
    expect(verifiedEmail({ email: "Sam@Council.Example ", email_verified: true })).toBe("sam@council.example");
    expect(verifiedEmail({ email: "sam@council.example", email_verified: false })).toBeNull();
    expect(verifiedEmail({ email: "sam@council.example", email_verified: "true" })).toBeNull();
    expect(verifiedEmail({ email_verified: true })).toBeNull();
    // Microsoft Entra ID says it with its own optional claim (xms_edov: the domain's owner verified it).
    expect(verifiedEmail({ email: "Sam@Council.Example", xms_edov: true })).toBe("sam@council.example");
    expect(verifiedEmail({ email: "sam@council.example", xms_edov: "1" })).toBe("sam@council.example");
    expect(verifiedEmail({ email: "sam@council.example", xms_edov: false })).toBeNull();
    expect(decideSsoSignIn({ ...base, claims: { email: "sam@council.example" } })).toEqual({
      kind: "refuse",
      reason: "unverified_email",
    });
  });

  it("refuses an email outside the allowed domains, even one with an account", () => {
    for (const email of ["sam@gmail.example", "sam@council.example.evil", "sam@sub.council.example"]) {
      expect(
        decideSsoSignIn({ ...base, claims: verified(email), existingAccount: { id: "a1", unconfirmedPassword: false } }),
      ).toEqual({
        kind: "refuse",
        reason: "domain_not_allowed",
      });
    }
    expect(decideSsoSignIn({ ...base, allowedDomains: [], claims: verified("sam@council.example") })).toMatchObject({
      reason: "domain_not_allowed",
    });
  });

  it("signs in the account with that email, accepting a valid invitation on the way", () => {
    expect(
      decideSsoSignIn({
        ...base,
        claims: verified("sam@council.example"),
        existingAccount: { id: "a1", unconfirmedPassword: false },
      }),
    ).toEqual({
      kind: "sign_in",
      accountId: "a1",
      acceptInvite: false,
    });
    expect(
      decideSsoSignIn({
        ...base,
        claims: verified("sam@council.example"),
        existingAccount: { id: "a1", unconfirmedPassword: false },
        invite: "valid",
      }),
    ).toEqual({ kind: "sign_in", accountId: "a1", acceptInvite: true });
  });

  it("does not match an account whose email was only typed into a form while passwords are on", () => {
    const claims = verified("jane.chief@council.example");
    const squatted = { id: "a1", unconfirmedPassword: true };
    expect(decideSsoSignIn({ ...base, claims, existingAccount: squatted, invite: "valid" })).toEqual({
      kind: "refuse",
      reason: "unconfirmed_account",
    });
    // With passwords off nobody can use the password: the account is the address's owner's.
    expect(decideSsoSignIn({ ...base, claims, existingAccount: squatted, passwordsOn: false })).toEqual({
      kind: "sign_in",
      accountId: "a1",
      acceptInvite: false,
    });
  });

  it("creates an account only to accept an invitation, or for the first organiser", () => {
    const claims = verified("new.person@council.example", "New Person");
    expect(decideSsoSignIn({ ...base, claims })).toEqual({ kind: "refuse", reason: "no_account" });
    expect(decideSsoSignIn({ ...base, claims, invite: "valid" })).toEqual({
      kind: "create_and_accept",
      email: "new.person@council.example",
      name: "New Person",
    });
    for (const invite of ["used", "expired", "unknown"] as const) {
      expect(decideSsoSignIn({ ...base, claims, invite })).toEqual({ kind: "refuse", reason: "invite_unusable" });
    }
    expect(decideSsoSignIn({ ...base, claims: verified("first@council.example"), firstOrganiser: true })).toEqual({
      kind: "create_first_organiser",
      email: "first@council.example",
      name: "first",
    });
  });
});
