import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { staffInvites } from "@/db/schema";

/**
 * Withdraws an invitation nobody has used yet. The row is deleted, so the link then reads as
 * unknown. Scoped to the event, so an organiser of one event cannot revoke another's invitations.
 * Returns whether there was anything to revoke.
 */
export async function revokeInvite(tx: Tx, input: { eventId: string; tokenHash: string }) {
  const removed = await tx
    .delete(staffInvites)
    .where(
      and(eq(staffInvites.tokenHash, input.tokenHash), eq(staffInvites.eventId, input.eventId), isNull(staffInvites.acceptedAt)),
    )
    .returning({ tokenHash: staffInvites.tokenHash });
  return removed.length > 0;
}
