import { and, eq, isNull, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { accountSessions, eventStaff, staffInvites } from "@/db/schema";
import { staffChanged } from "@/lib/activity/staff-handlers";
import type { Revocation } from "@/lib/realtime/handler";

/**
 * Ways staff access ends outside a socket command. Each returns what it revoked, for the caller
 * to hand to `sharedRealtime()?.revoke(…)` after the commit, so open sockets close at once; the
 * socket server's sweep would find them within a second in any case, on every process.
 */

/** Signing out: this session only. */
export async function endSession(tx: Tx, tokenHash: string): Promise<Revocation[]> {
  await tx.delete(accountSessions).where(eq(accountSessions.tokenHash, tokenHash));
  return [{ kind: "session", tokenHash }];
}

/**
 * "Sign out everywhere": every session of the account ends, this browser's too, and with them
 * every console and screen the person has open anywhere (a lost laptop, a shared PC at a venue).
 */
export async function endEverySession(tx: Tx, accountId: string): Promise<Revocation[]> {
  await tx.delete(accountSessions).where(eq(accountSessions.accountId, accountId));
  return [{ kind: "account", accountId }];
}

/**
 * After a new password: every other session of the account ends (whoever knew the old password
 * is out), the one making the change stays signed in. Only those sessions' sockets close.
 */
export async function endOtherSessions(tx: Tx, accountId: string, keepSessionHash: string | null): Promise<Revocation[]> {
  const others = await tx
    .delete(accountSessions)
    .where(
      keepSessionHash
        ? and(eq(accountSessions.accountId, accountId), ne(accountSessions.tokenHash, keepSessionHash))
        : eq(accountSessions.accountId, accountId),
    )
    .returning({ tokenHash: accountSessions.tokenHash });
  return others.map((s) => ({ kind: "session", tokenHash: s.tokenHash }));
}

export type RemoveStaffOutcome =
  | { ok: true; revocations: Revocation[]; broadcasts: Awaited<ReturnType<typeof staffChanged>> }
  | { ok: false; message: string };

/** Taking someone off an event's staff. The last organiser stays: an event always has one. */
export async function removeStaff(tx: Tx, input: { eventId: string; accountId: string }): Promise<RemoveStaffOutcome> {
  const staff = await tx
    .select({ accountId: eventStaff.accountId, role: eventStaff.role })
    .from(eventStaff)
    .where(eq(eventStaff.eventId, input.eventId));
  const member = staff.find((s) => s.accountId === input.accountId);
  if (!member) return { ok: false, message: "That person isn't on this event's staff." };
  if (member.role === "organiser" && staff.filter((s) => s.role === "organiser").length === 1) {
    return { ok: false, message: "An event needs an organiser. Invite another organiser before removing the last one." };
  }
  await tx.delete(eventStaff).where(and(eq(eventStaff.eventId, input.eventId), eq(eventStaff.accountId, input.accountId)));
  // Links they made and nobody used would let them (or whoever they gave one to) straight back in.
  await tx
    .delete(staffInvites)
    .where(
      and(eq(staffInvites.eventId, input.eventId), eq(staffInvites.createdBy, input.accountId), isNull(staffInvites.acceptedAt)),
    );
  return {
    ok: true,
    revocations: [{ kind: "staff", eventId: input.eventId, accountId: input.accountId }],
    broadcasts: await staffChanged(tx, input.eventId),
  };
}
