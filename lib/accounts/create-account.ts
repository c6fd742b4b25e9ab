import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { accounts } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { normaliseEmail } from "@/lib/text/email-address";

/** Emails are stored and compared in one spelling (normaliseEmail), so "Sam@Example.org " signs in as sam@example.org. */
export const emailSchema = z
  .string()
  .transform(normaliseEmail)
  .pipe(z.string().min(1, "Enter your email address.").max(254, "That email address is too long."))
  .pipe(z.email("Enter an email address like name@example.org."));

const accountNameSchema = z.string().trim().min(1, "Tell us your name.").max(80, "Keep your name to 80 characters or fewer.");

// No composition rules: length is what makes a password hard to guess, and rules push people to
// predictable substitutions. The upper bound only stops someone making us hash a megabyte.
export const newPasswordSchema = z
  .string()
  .min(10, "Use at least 10 characters for your password.")
  .max(200, "Keep your password to 200 characters or fewer.");

export const newAccountSchema = z.object({
  name: accountNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});

export type NewAccount = z.infer<typeof newAccountSchema>;

/** A validated account with its password already hashed, ready to insert. */
export type PreparedAccount = { name: string; email: string; passwordHash: string };

/**
 * Hashing is deliberately slow (scrypt), so it happens before the write transaction: the
 * transaction queue is shared by every command in the process and must never wait on it.
 */
export async function prepareAccount(input: NewAccount): Promise<PreparedAccount> {
  return { name: input.name, email: input.email, passwordHash: await hashPassword(input.password) };
}

export type CreateAccountResult = { ok: true; accountId: string } | { ok: false; reason: "email_taken" };

/** Inserts an account unless the email is already in use. Run inside the caller's transaction. */
export async function createAccount(tx: Tx, account: PreparedAccount): Promise<CreateAccountResult> {
  const [existing] = await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.email, account.email));
  if (existing) return { ok: false, reason: "email_taken" };
  const accountId = randomUUID();
  await tx.insert(accounts).values({ id: accountId, ...account });
  return { ok: true, accountId };
}
