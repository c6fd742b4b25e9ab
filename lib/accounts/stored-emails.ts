import { normaliseEmail } from "@/lib/text/email-address";

/**
 * The account addresses to rewrite in normaliseEmail's spelling: accounts made before every
 * address was stored that way (an "é" as e + accent, a capital or fullwidth domain) would not be
 * found by a sign-in that looks up the normalised address. One whose normalised spelling another
 * account already has is left as it is: they were two accounts, and merging them is a person's
 * decision, not an upgrade's.
 */
export function emailsToNormalise(accounts: readonly { id: string; email: string }[]): { id: string; email: string }[] {
  const taken = new Set(accounts.map((a) => a.email));
  const rewrites: { id: string; email: string }[] = [];
  for (const account of accounts) {
    const email = normaliseEmail(account.email);
    if (email === account.email || taken.has(email)) continue;
    taken.add(email);
    rewrites.push({ id: account.id, email });
  }
  return rewrites;
}
