"use client";

import { useEffect, useRef } from "react";
import type { StaffState } from "@/lib/activity/staff-state";
import { useStaffRoom } from "@/lib/realtime/client/react";
import { useRefresh } from "@/lib/realtime/client/refresh";

/**
 * The event's page is drawn by the server (its forms post without JavaScript), so it follows the
 * event by being drawn again: when its staff change (an invitation made, revoked or accepted,
 * someone removed: the staff room's news) and, through the connection's own follower, when another
 * organiser changes its details, status, join code or briefs (`event:details-changed`).
 */
export function EventPageFollower() {
  const refresh = useRefresh();
  const { staff } = useStaffRoom();
  const seen = useRef<StaffState | null>(null);
  useEffect(() => {
    if (!staff) return;
    // The first snapshot is what the page was drawn from; every state after it is news.
    if (seen.current && seen.current !== staff) refresh();
    seen.current = staff;
  }, [staff, refresh]);
  return null;
}
