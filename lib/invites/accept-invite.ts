import { and, eq, gt, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { eventStaff, events, type StaffRole, staffInvites } from "@/db/schema";
import { staffChanged } from "@/lib/activity/staff-handlers";
import { hashToken } from "@/lib/auth/tokens";
import { recordAudit } from "@/lib/privacy/audit";

export type AcceptInviteResult =
  | {
      ok: true;
      eventId: string;
      slug: string;
      role: StaffRole;
      landing: string;
      /** The staff room's new list, for the consoles: emit after commit. */
      broadcasts: Awaited<ReturnType<typeof staffChanged>>;
    }
  | { ok: false; reason: "unknown" | "expired" | "used" };

/**
 * Uses up an invitation and gives the account its role in the event. The invitation is claimed
 * with a conditional UPDATE, so of two people opening the same link at once exactly one gets in.
 * An organiser who accepts a facilitator invitation stays an organiser: invitations only add.
 */
export async function acceptInvite(
  tx: Tx,
  input: { token: string; accountId: string; now?: number },
): Promise<AcceptInviteResult> {
  const now = input.now ?? Date.now();
  const tokenHash = hashToken(input.token);
  const [claimed] = await tx
    .update(staffInvites)
    .set({ acceptedAt: now, acceptedBy: input.accountId })
    .where(and(eq(staffInvites.tokenHash, tokenHash), isNull(staffInvites.acceptedAt), gt(staffInvites.expiresAt, now)))
    .returning({ eventId: staffInvites.eventId, role: staffInvites.role });

  if (!claimed) {
    const [invite] = await tx
      .select({ acceptedAt: staffInvites.acceptedAt })
      .from(staffInvites)
      .where(eq(staffInvites.tokenHash, tokenHash));
    if (!invite) return { ok: false, reason: "unknown" };
    return { ok: false, reason: invite.acceptedAt !== null ? "used" : "expired" };
  }

  const [existing] = await tx
    .select({ role: eventStaff.role })
    .from(eventStaff)
    .where(and(eq(eventStaff.eventId, claimed.eventId), eq(eventStaff.accountId, input.accountId)));
  let role: StaffRole = claimed.role;
  if (!existing) {
    await tx.insert(eventStaff).values({ eventId: claimed.eventId, accountId: input.accountId, role });
  } else if (existing.role === "facilitator" && claimed.role === "organiser") {
    await tx
      .update(eventStaff)
      .set({ role: "organiser" })
      .where(and(eq(eventStaff.eventId, claimed.eventId), eq(eventStaff.accountId, input.accountId)));
  } else {
    role = existing.role;
  }
  if (role !== existing?.role) {
    // Staff see people's private details: who was given that access, and through whose invitation, is audited.
    const [invite] = await tx
      .select({ createdBy: staffInvites.createdBy })
      .from(staffInvites)
      .where(eq(staffInvites.tokenHash, tokenHash));
    await recordAudit(tx, {
      eventId: claimed.eventId,
      accountId: input.accountId,
      action: "staff.role_granted",
      subject: `role:${role} invited-by:${invite?.createdBy ?? "unknown"}`,
      now,
    });
  }

  const [event] = await tx.select({ slug: events.slug }).from(events).where(eq(events.id, claimed.eventId));
  // The foreign key cascades invitations away with their event, so the event is always there.
  // A facilitator came to run the room: the console is where they start. An organiser gets the admin page.
  const landing = role === "facilitator" ? `/f/${event!.slug}` : `/o/${event!.slug}`;
  const broadcasts = await staffChanged(tx, claimed.eventId);
  return { ok: true, eventId: claimed.eventId, slug: event!.slug, role, landing, broadcasts };
}
