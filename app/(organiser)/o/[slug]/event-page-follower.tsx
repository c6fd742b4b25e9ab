"use client";

import { useEffect } from "react";
import { useConnection, useStaffRoom } from "@/lib/realtime/client/react";
import { useRefresh, useRefreshOnNews } from "@/lib/realtime/client/refresh";

/**
 * The event's page is drawn by the server (its forms post without JavaScript), so it follows the
 * event by being drawn again: when its staff change (an invitation made, revoked or accepted,
 * someone removed: the staff room's news); through the connection's own follower, when another
 * organiser changes its details, status, join code or briefs (`event:details-changed`); and when
 * this person's access is taken away (removed from the staff, signed out elsewhere), so the page
 * stops showing what they may no longer see.
 */
export function EventPageFollower() {
  const refresh = useRefresh();
  useRefreshOnNews(useStaffRoom().staff, refresh);
  const c = useConnection();
  useEffect(() => {
    if (!c) return;
    const off = c.onStatus(() => {
      if (c.status === "refused" && c.ended) refresh();
    });
    return () => void off();
  }, [c, refresh]);
  return null;
}
