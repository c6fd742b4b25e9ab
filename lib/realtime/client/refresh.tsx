"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useTransition } from "react";
import { useConnection } from "./react";

/**
 * Fetches the page's server-drawn parts again, in place: what the person typed in its forms stays.
 * One fetch at a time: signals that come while one is on its way are answered by one more after it,
 * so a burst of changes costs the server two page renders, not one per change.
 */
export function useRefresh(): () => void {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const inFlight = useRef(false);
  const again = useRef(false);
  inFlight.current = pending;
  const refresh = useCallback(() => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    startTransition(() => router.refresh());
  }, [router]);
  useEffect(() => {
    if (pending || !again.current) return;
    again.current = false;
    refresh();
  }, [pending, refresh]);
  return refresh;
}

/**
 * `useRefresh`, at most once every `gapMs`: the first change after a quiet spell is fetched at
 * once, the rest of a burst by one fetch at the end of the gap. For a page that is costly to draw
 * and follows a whole busy room (the organisers' review): it must not be drawn again for every dot.
 */
export function useThrottledRefresh(gapMs: number): () => void {
  const refresh = useRefresh();
  const lastAt = useRef(Number.NEGATIVE_INFINITY);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return useCallback(() => {
    if (timer.current) return; // the fetch at the end of the gap answers this one too
    const go = () => {
      timer.current = null;
      lastAt.current = performance.now();
      refresh();
    };
    const wait = lastAt.current + gapMs - performance.now();
    if (wait <= 0) go();
    else timer.current = setTimeout(go, wait);
  }, [refresh, gapMs]);
}

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

/** A brief's page: its reframes follow the room. */
export function ReframesFollower({ briefId }: { briefId: string }) {
  useReframesFollowed(useRefresh(), briefId);
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
 * the page was drawn from what that snapshot says, and every state after it is news (and so is
 * what changed before that snapshot, after the drawing: useMissedNews).
 */
export function useRefreshOnNews(state: object | null, refresh: () => void) {
  useMissedNews(refresh);
  const seen = useRef<object | null>(null);
  useEffect(() => {
    if (!state) return;
    if (seen.current && seen.current !== state) refresh();
    seen.current = state;
  }, [state, refresh]);
}
