import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { accounts } from "@/db/schema";
import { hashPassword, isPasswordHash, verifyPassword } from "@/lib/auth/password";
import { emailSchema } from "./create-account";

export const signInSchema = z.object({
  email: emailSchema,
  // Only presence is checked here: an old password may predate today's rules and must still work.
  password: z.string().min(1, "Enter your password.").max(200, "That password is too long."),
});

export type SignInInput = z.infer<typeof signInSchema>;

let dummyHash: Promise<string> | null = null;

/**
 * The account for this email and password, or null. An unknown email, or an account with no
 * password (made by single sign-on), still costs one scrypt verification, so the response time
 * does not tell anyone which emails have accounts, nor which sign in how.
 */
export async function authenticate(db: Db, input: SignInInput) {
  const [account] = await db
    .select({ id: accounts.id, email: accounts.email, name: accounts.name, passwordHash: accounts.passwordHash })
    .from(accounts)
    .where(eq(accounts.email, input.email));
  if (!account || !isPasswordHash(account.passwordHash)) {
    dummyHash ??= hashPassword("not a real password: keeps timing even");
    await verifyPassword(input.password, await dummyHash);
    return null;
  }
  if (!(await verifyPassword(input.password, account.passwordHash))) return null;
  return { id: account.id, email: account.email, name: account.name };
}
