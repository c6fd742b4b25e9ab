"use client";

import { useReframesFollowed, useRefreshOnNews, useRefreshOnSignal, useThrottledRefresh } from "@/lib/realtime/client/refresh";
import { useRoom } from "@/lib/realtime/client/use-room";
import { teamsRoom } from "@/lib/teams/teams-state";

/**
 * How often at most the review is drawn again while the room keeps changing: each drawing reads
 * the whole event, and a busy room changes many times a second. The server already says so at
 * most every 2 s per event (fanoutPolicy.recordIntervalMs); the page asks for at most one
 * drawing every 5 s, one at a time.
 */
const reviewGapMs = 5000;

/**
 * The review is drawn by the server (it prints, and it is the export's words), so it follows the
 * room by being drawn again: when someone joins, renames themself, moves team or leaves (the teams
 * room, which every staff screen follows), when a team reframes its brief, and when anything else
 * it shows changes (`event:record-changed`: notes, dots, showcases, feedback, scores, the activity
 * log, check-ins). `drawnSeq`: the teams room's sequence number when the page was drawn, read
 * before the record. Names then read as they do everywhere else now: the new name, or "Someone who left".
 */
export function ReviewFollower({ drawnSeq }: { drawnSeq: number }) {
  const refresh = useThrottledRefresh(reviewGapMs);
  useReframesFollowed(refresh);
  useRefreshOnSignal("event:record-changed", refresh);
  useRefreshOnNews(useRoom("teams", null, teamsRoom), drawnSeq, refresh);
  return null;
}
