"use client";

import { useEffect, useRef } from "react";
import { useConnection } from "./react";
import { useMyTeamMoved, useTeamsRenamed } from "./teams";
import { useRefresh, useThrottledRefresh } from "./use-refresh";

// Pages with no connection (the public pages) import these from ./use-refresh, not from here.
export { useRefresh, useThrottledRefresh };

/**
 * Fetches the page again (`refresh`) when a team reframes a brief it draws: one brief (its page),
 * or every brief (`briefId` left out: the organisers' review). After a reconnect too, since a
 * signal sent while the page was away is not sent twice.
 */
export function useReframesFollowed(refresh: () => void, briefId?: string) {
  const c = useConnection();
  useEffect(() => {
    if (!c) return;
    const onReframed = (info: { briefId: string }) => {
      if (!briefId || info.briefId === briefId) refresh();
    };
    c.socket.on("brief:reframed", onReframed);
    // Reframed after the server drew the page, before it connected.
    const offMissed = c.onMissed((missed) => {
      if (missed.briefs.some((id) => !briefId || id === briefId)) refresh();
    });
    // The first connect follows the page's own render: what it missed is said above.
    let connectedBefore = false;
    const off = c.onResync(() => {
      if (connectedBefore) refresh();
      connectedBefore = true;
    });
    return () => {
      c.socket.off("brief:reframed", onReframed);
      offMissed();
      off();
    };
  }, [c, briefId, refresh]);
}

/**
 * Fetches the page again (`refresh`) on a staff screen's signal that what it was drawn from grew:
 * the record behind the review (`event:record-changed`), the audit log (`event:audited`).
 */
export function useRefreshOnSignal(signal: "event:record-changed" | "event:audited", refresh: () => void) {
  const c = useConnection();
  useEffect(() => {
    if (!c) return;
    c.socket.on(signal, refresh);
    return () => void c.socket.off(signal, refresh);
  }, [c, signal, refresh]);
}

/**
 * A brief's page: its reframes follow the room, and so does what the server drew from the teams
 * (whose brief it is, their names, whether this person may reframe it): drawn again when this
 * person moves team or a team is renamed or given another brief.
 */
export function ReframesFollower({ briefId, participant }: { briefId: string; participant: boolean }) {
  const refresh = useRefresh();
  useReframesFollowed(refresh, briefId);
  useMyTeamMoved(participant, refresh);
  useTeamsRenamed(refresh);
  return null;
}

/**
 * Fetches the page again (`refresh`) when the event changed between the server's drawing of the
 * page and its first connect: the first state a room sends already holds that change, and reads
 * as the page's own.
 */
export function useMissedNews(refresh: () => void) {
  const c = useConnection();
  useEffect(() => {
    if (!c) return;
    const off = c.onMissed((missed) => {
      if (missed.news) refresh();
    });
    return () => void off();
  }, [c, refresh]);
}

/**
 * Fetches the page again (`refresh`) whenever a room's state changes after its first snapshot:
 * the page was drawn from what that snapshot says, and every state after it is news. So is what
 * changed before that snapshot and after the drawing: before the connection, the event's news
 * (useMissedNews); after it, the room's own sequence, which the page read before anything else it
 * drew (`drawnSeq`: a first snapshot further on holds changes the page does not).
 */
export function useRefreshOnNews(room: { state: object | null; seq: number }, drawnSeq: number, refresh: () => void) {
  useMissedNews(refresh);
  const seen = useRef<object | null>(null);
  const { state, seq } = room;
  useEffect(() => {
    if (!state) return;
    if (seen.current ? seen.current !== state : seq > drawnSeq) refresh();
    seen.current = state;
  }, [state, seq, drawnSeq, refresh]);
}
