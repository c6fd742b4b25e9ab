import { z } from "zod";
import type { Tx } from "@/db/client";
import { type StaffRole, staffInvites, staffRoles } from "@/db/schema";
import { hashToken, newToken } from "@/lib/auth/tokens";

const day = 24 * 3600 * 1000;
export const inviteLifetimeMs = 7 * day;

export const inviteRoleSchema = z.enum(staffRoles, "Choose whether they will help organise or facilitate.");

/** How long a link stays usable, in days: short for a helper who is coming tomorrow. */
export const inviteExpiryDays = ["1", "3", "7", "14"] as const;
export const inviteExpirySchema = z
  .enum(inviteExpiryDays, "Choose how long the link works: 1, 3, 7 or 14 days.")
  .transform((d) => Number(d) * day);

/**
 * A single-use invitation to help run an event. The token goes into the link and is shown once;
 * only its hash is stored, so the database alone cannot be used to accept an invitation. `token`
 * is the form's own when the form that asks makes it (lib/auth/tokens.ts, tokenForSubmission).
 */
export async function createInvite(
  tx: Tx,
  input: { eventId: string; role: StaffRole; createdBy: string; now?: number; lifetimeMs?: number; token?: string },
) {
  const now = input.now ?? Date.now();
  const token = input.token ?? newToken();
  const expiresAt = now + (input.lifetimeMs ?? inviteLifetimeMs);
  await tx.insert(staffInvites).values({
    tokenHash: hashToken(token),
    eventId: input.eventId,
    role: input.role,
    createdBy: input.createdBy,
    createdAt: now,
    expiresAt,
  });
  return { token, expiresAt };
}
