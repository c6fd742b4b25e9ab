import type { IncomingMessage } from "node:http";
import { accountSessionCookie, parseCookieHeader } from "@/lib/auth/cookies";
import { readParticipantCookie } from "@/lib/auth/identity";
import { hashToken, unsign } from "@/lib/auth/tokens";

const participantCookie = /^mi_p_/;
const ownerCookie = /^mi_o_/;
/** How long a staff session, once looked up, is taken for who it was: fairness only, never access. */
const staffKnownMs = 60_000;
const staffRemembered = 1_000;

/**
 * Who a page request comes from beyond its address, for a line of their own in the render turns
 * (lib/server/render-turns.ts): behind a venue's one router, phones that have joined are not
 * refused because a stranger on the same Wi-Fi fills the address's line, nor is the organiser's
 * laptop. A participant's or a project owner's cookie is ours if its signature is (no database);
 * a staff session is a random token only the database knows, so it is looked up, once a minute
 * at most per session. Being someone here only changes whose line a request waits in: the
 * address's turns still bound them all, so making up people (joining again and again) gains a
 * flooder nothing over its own address.
 */
export function renderPersonOf(secret: string, staffAccount: (token: string) => Promise<string | null>, now = Date.now) {
  const known = new Map<string, { account: string | null; until: number }>();
  async function staff(token: string) {
    const key = hashToken(token);
    const seen = known.get(key);
    if (seen && seen.until > now()) return seen.account;
    const account = await staffAccount(token);
    known.delete(key);
    if (known.size >= staffRemembered) known.delete(known.keys().next().value as string);
    known.set(key, { account, until: now() + staffKnownMs });
    return account;
  }

  return async (req: IncomingMessage): Promise<string | null> => {
    const cookies = parseCookieHeader(req.headers.cookie);
    for (const [name, value] of cookies) {
      if (participantCookie.test(name)) {
        const participant = readParticipantCookie(value, secret)?.participantId;
        if (participant) return `participant:${participant}`;
      } else if (ownerCookie.test(name)) {
        const project = unsign(value, secret)?.split(".")[0];
        if (project) return `owner:${project}`;
      }
    }
    const session = cookies.get(accountSessionCookie);
    const account = session ? await staff(session) : null;
    return account ? `staff:${account}` : null;
  };
}
