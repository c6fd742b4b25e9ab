import type { Db } from "@/db/client";
import { accountSessionCookie, parseCookieHeader } from "@/lib/auth/cookies";
import { accountFromSession, participantFromCookie } from "@/lib/auth/identity";
import { unsign } from "@/lib/auth/tokens";
import { projectForOwner } from "@/lib/projects/owner-link";
import type { Allowance } from "./action-gate";

/** Who is posting, as far as the size of their posts goes, and the person their posts count for (null: nobody we know). */
export type Poster = { allowance: Allowance; person: string | null };

const stranger: Poster = { allowance: "stranger", person: null };
const participantCookie = /^mi_p_(.+)$/;
const ownerCookie = /^mi_o_(.+)$/;

/**
 * Tells who sends a post from its cookies, for lib/server/action-gate.ts and the body budget
 * (lib/server/body-budget.ts): signed-in staff, a project's owner (their link still live), a
 * participant still in their event (not left, not signed out on that device, the event not a
 * draft), or a stranger. A signature proves only that we once gave the cookie: someone who left
 * keeps theirs, so each one is looked up. Answers are kept `ttlMs` per cookie, so a burst of
 * posts costs one lookup; what an answer decides (how big a post may be, whose count it joins)
 * is not access, which every page and action checks for itself, at once.
 */
export function createPosterCheck(db: Db, secret: string, options: { ttlMs?: number; maxKept?: number } = {}) {
  const ttlMs = options.ttlMs ?? 30_000;
  const maxKept = options.maxKept ?? 10_000;
  const kept = new Map<string, { until: number; poster: Poster | null }>();

  const remembered = async (cookie: string, look: () => Promise<Poster | null>) => {
    const now = Date.now();
    const hit = kept.get(cookie);
    if (hit && hit.until > now) return hit.poster;
    const poster = await look();
    kept.delete(cookie);
    // Oldest first (a Map keeps insertion order): a flood of cookies only pushes out old answers.
    if (kept.size >= maxKept) kept.delete(kept.keys().next().value as string);
    kept.set(cookie, { until: now + ttlMs, poster });
    return poster;
  };

  const staff = (token: string) =>
    remembered(`${accountSessionCookie}=${token}`, async () => {
      const account = await accountFromSession(db, token);
      return account ? { allowance: "staff", person: `account:${account.id}` } : null;
    });
  const owner = (projectId: string, signed: string) => {
    const value = unsign(signed, secret);
    if (!value?.startsWith(`${projectId}.`)) return null;
    return remembered(`mi_o_${projectId}=${signed}`, async () =>
      (await projectForOwner(db, projectId, value.slice(projectId.length + 1)))
        ? { allowance: "owner", person: `project:${projectId}` }
        : null,
    );
  };
  const participant = (eventId: string, signed: string) => {
    // Unsigned or forged: nobody, without a lookup.
    if (unsign(signed, secret) === null) return null;
    return remembered(`mi_p_${eventId}=${signed}`, async () => {
      const held = await participantFromCookie(db, eventId, signed, secret);
      return held ? { allowance: "participant", person: `participant:${held.id}` } : null;
    });
  };

  return async function poster(cookieHeader: string | undefined): Promise<Poster> {
    const cookies = parseCookieHeader(cookieHeader);
    const session = cookies.get(accountSessionCookie);
    const asStaff = session ? await staff(session) : null;
    if (asStaff) return asStaff;
    let asParticipant: Poster | null = null;
    for (const [name, value] of cookies) {
      const projectId = ownerCookie.exec(name)?.[1];
      const asOwner = projectId ? await owner(projectId, value) : null;
      if (asOwner) return asOwner;
      const eventId = participantCookie.exec(name)?.[1];
      if (eventId && !asParticipant) asParticipant = await participant(eventId, value);
    }
    return asParticipant ?? stranger;
  };
}

export type PosterCheck = ReturnType<typeof createPosterCheck>;
