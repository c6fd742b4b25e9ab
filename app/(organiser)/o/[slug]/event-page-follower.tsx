"use client";

import { useStaffRoom } from "@/lib/realtime/client/react";
import { useRefresh, useRefreshOnNews } from "@/lib/realtime/client/refresh";

/**
 * The event's page is drawn by the server (its forms post without JavaScript), so it follows the
 * event by being drawn again: when its staff change (an invitation made, revoked or accepted,
 * someone removed: the staff room's news) and, through the connection's own follower, when another
 * organiser changes its details, status, join code or briefs (`event:details-changed`), or when
 * this person's access is taken away. `drawnSeq`: the staff room's sequence number when the page
 * was drawn, read before its staff and invitations.
 */
export function EventPageFollower({ drawnSeq }: { drawnSeq: number }) {
  const { staff, seq } = useStaffRoom();
  useRefreshOnNews({ state: staff, seq }, drawnSeq, useRefresh());
  return null;
}
