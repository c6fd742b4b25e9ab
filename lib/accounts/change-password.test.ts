import { describe, expect, it } from "vitest";
import { localise } from "@/lib/i18n/server-text";
import { passwordChangeSchema } from "./change-password";
import { newAccountSchema } from "./create-account";

const valid = {
  current: "correct horse battery staple",
  password: "a new sentence to remember",
  confirm: "a new sentence to remember",
};

/** Field → its first message, as the form shows them. */
const problems = (typed: typeof valid) => {
  const parsed = passwordChangeSchema.safeParse(typed);
  if (parsed.success) return {};
  const out: Record<string, string> = {};
  for (const issue of parsed.error.issues) out[String(issue.path[0])] ??= issue.message;
  return out;
};

describe("the change-password form's rules", () => {
  it("lets a new password through when the current one is typed and the new one twice", () => {
    expect(problems(valid)).toEqual({});
  });

  it("holds a new password to the same rules as a new account's, with the same words", () => {
    const short = "too short";
    const asNewAccount = newAccountSchema.safeParse({ name: "Sam", email: "sam@example.org", password: short });
    const accountMessage = asNewAccount.success ? "" : asNewAccount.error.issues[0]?.message;
    expect(problems({ ...valid, password: short, confirm: short }).password).toBe(accountMessage);
    expect(accountMessage).toBe("Use at least 10 characters for your password.");
    const long = "x".repeat(201);
    expect(problems({ ...valid, password: long, confirm: long }).password).toBe("Keep your password to 200 characters or fewer.");
  });

  it("asks for the current password when it is left empty, and says every problem at once", () => {
    expect(problems({ current: "", password: "short", confirm: "" })).toEqual({
      current: "Enter your current password.",
      password: "Use at least 10 characters for your password.",
      confirm: "The two new passwords are different. Type the same one in both boxes.",
    });
  });

  it("refuses two different new passwords", () => {
    expect(problems({ ...valid, confirm: "a new sentence to remembr" })).toEqual({
      confirm: "The two new passwords are different. Type the same one in both boxes.",
    });
  });

  it("refuses the current password as the new one: it would sign every other device out and change nothing", () => {
    expect(problems({ ...valid, password: valid.current, confirm: valid.current })).toEqual({
      password: "That is your current password. Choose a new one.",
    });
  });

  it("says each of its own sentences in the person's language", () => {
    for (const message of [
      "Enter your current password.",
      "The two new passwords are different. Type the same one in both boxes.",
      "That is your current password. Choose a new one.",
    ]) {
      for (const locale of ["es", "fr", "pl", "pt-PT", "en-GB-x-easy"])
        expect(localise(message, locale), locale).not.toBe(message);
    }
  });
});
