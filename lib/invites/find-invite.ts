import { and, asc, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { accounts, events, staffInvites } from "@/db/schema";
import { hashToken } from "@/lib/auth/tokens";

export type InviteStatus = "valid" | "expired" | "used";

/** What an invitation link leads to, or null when the link is unknown (mistyped or revoked). */
export async function findInvite(db: Db, token: string, now = Date.now()) {
  const [row] = await db
    .select({
      role: staffInvites.role,
      expiresAt: staffInvites.expiresAt,
      acceptedAt: staffInvites.acceptedAt,
      event: { id: events.id, name: events.name, slug: events.slug },
      invitedBy: accounts.name,
    })
    .from(staffInvites)
    .innerJoin(events, eq(events.id, staffInvites.eventId))
    .leftJoin(accounts, eq(accounts.id, staffInvites.createdBy))
    .where(eq(staffInvites.tokenHash, hashToken(token)));
  if (!row) return null;
  const status: InviteStatus = row.acceptedAt !== null ? "used" : row.expiresAt <= now ? "expired" : "valid";
  // Who invited: the organiser's account name, shown to the person holding their link.
  return { status, role: row.role, expiresAt: row.expiresAt, event: row.event, invitedBy: row.invitedBy };
}

/** Invitations sent for an event that nobody has accepted yet and that can still be used. */
export async function listPendingInvites(db: Db, eventId: string, now = Date.now()) {
  return db
    .select({
      tokenHash: staffInvites.tokenHash,
      role: staffInvites.role,
      createdAt: staffInvites.createdAt,
      expiresAt: staffInvites.expiresAt,
      createdByName: accounts.name,
    })
    .from(staffInvites)
    .leftJoin(accounts, eq(accounts.id, staffInvites.createdBy))
    .where(and(eq(staffInvites.eventId, eventId), isNull(staffInvites.acceptedAt), gt(staffInvites.expiresAt, now)))
    .orderBy(asc(staffInvites.createdAt));
}
