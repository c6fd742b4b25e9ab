import type { Db } from "@/db/client";
import { accountSessionCookie, parseCookieHeader } from "@/lib/auth/cookies";
import { accountFromSession } from "@/lib/auth/identity";
import { unsign } from "@/lib/auth/tokens";
import type { Allowance } from "./action-gate";

/** Signed cookies that give someone a place: a participant's in an event, a project owner's link. */
const placeCookie = /^mi_[po]_/;

/**
 * How much a form post may carry, by who sends it (lib/server/action-gate.ts): signed-in staff,
 * someone holding a cookie we signed, or a stranger. Signatures are checked, not only names: a
 * cookie anybody can make up is worth nothing here.
 */
export async function postAllowance(db: Db, cookieHeader: string | undefined, secret: string): Promise<Allowance> {
  const cookies = parseCookieHeader(cookieHeader);
  const session = cookies.get(accountSessionCookie);
  if (session && (await accountFromSession(db, session))) return "staff";
  for (const [name, value] of cookies) {
    if (placeCookie.test(name) && unsign(value, secret) !== null) return "known";
  }
  return "stranger";
}
