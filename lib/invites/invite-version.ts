import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import { findInvite } from "./find-invite";

type Invite = Awaited<ReturnType<typeof findInvite>>;

/**
 * A short fingerprint of what an invitation's page draws: whether it can still be used (revoked,
 * accepted, expired), the role, the event's name and who invited. The open page asks for it now
 * and then (VersionFollower) and is drawn again when it differs. Only the link's holder can ask.
 */
export function inviteFingerprint(invite: Invite): string {
  const drawn = invite
    ? { status: invite.status, role: invite.role, event: invite.event.name, by: invite.invitedBy }
    : { gone: true };
  return createHash("sha256").update(JSON.stringify(drawn)).digest("base64url").slice(0, 22);
}

/** `inviteFingerprint` read now, for the page at this link. */
export async function inviteVersion(db: Db, token: string, now = Date.now()): Promise<string> {
  return inviteFingerprint(await findInvite(db, token, now));
}
