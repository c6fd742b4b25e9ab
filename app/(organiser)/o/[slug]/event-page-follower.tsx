"use client";

import { useStaffRoom } from "@/lib/realtime/client/react";
import { useRefresh, useRefreshOnNews } from "@/lib/realtime/client/refresh";

/**
 * The event's page is drawn by the server (its forms post without JavaScript), so it follows the
 * event by being drawn again: when its staff change (an invitation made, revoked or accepted,
 * someone removed: the staff room's news) and, through the connection's own follower, when another
 * organiser changes its details, status, join code or briefs (`event:details-changed`), or when
 * this person's access is taken away.
 */
export function EventPageFollower() {
  useRefreshOnNews(useStaffRoom().staff, useRefresh());
  return null;
}
