import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { events, projects } from "@/db/schema";
import { hashToken, newToken } from "@/lib/auth/tokens";

/**
 * The owner's invitation link: whoever holds it may post check-ins for this one project, with
 * no account (like a participant's join link). A new link replaces the old one, which stops
 * working at once, cookies made from it included (they carry the link's hash).
 */
export async function newOwnerLink(tx: Tx, projectId: string) {
  const token = newToken();
  await tx
    .update(projects)
    .set({ ownerTokenHash: hashToken(token), ownerLinkStoppedAt: null })
    .where(eq(projects.id, projectId));
  return token;
}

/** An organiser's "stop the link": it stays stopped (no reminder makes another) until they make a new one. */
export async function revokeOwnerLink(tx: Tx, projectId: string, now = Date.now()) {
  await tx.update(projects).set({ ownerTokenHash: null, ownerLinkStoppedAt: now }).where(eq(projects.id, projectId));
}

export async function findProjectByOwnerToken(db: Db, token: string) {
  if (token.length > 100) return null;
  const hash = hashToken(token);
  const [row] = await db
    .select({ id: projects.id, tokenHash: projects.ownerTokenHash })
    .from(projects)
    .where(eq(projects.ownerTokenHash, hash));
  return row ?? null;
}

/** The project a cookie value (projectId.tokenHash, signed) still opens, or null. */
export async function projectForOwner(db: Db, projectId: string, tokenHash: string) {
  const [row] = await db
    .select({ project: projects, eventName: events.name, eventSlug: events.slug })
    .from(projects)
    .innerJoin(events, eq(events.id, projects.eventId))
    .where(eq(projects.id, projectId));
  if (!row || row.project.ownerTokenHash === null || row.project.ownerTokenHash !== tokenHash) return null;
  return row;
}
