"use client";

import { useEffect, useRef } from "react";
import { useReframesFollowed, useRefresh } from "@/lib/realtime/client/refresh";
import { useRoom } from "@/lib/realtime/client/use-room";
import { type TeamsState, teamsRoom } from "@/lib/teams/teams-state";

/**
 * The review is drawn by the server (it prints, and it is the export's words), so it follows the
 * room by being drawn again: when someone joins, renames themself, moves team or leaves (the teams
 * room, which every staff screen follows), and when a team reframes its brief. Names then read as
 * they do everywhere else now: the new name, or "Someone who left".
 */
export function ReviewFollower() {
  const refresh = useRefresh();
  useReframesFollowed(refresh);
  const { state } = useRoom("teams", null, teamsRoom);
  const seen = useRef<TeamsState | null>(null);
  useEffect(() => {
    if (!state) return;
    // The first snapshot is what the page was drawn from; every state after it is news.
    if (seen.current && seen.current !== state) refresh();
    seen.current = state;
  }, [state, refresh]);
  return null;
}
