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
    // The first connect follows the page's own render: nothing was missed yet.
    let connectedBefore = false;
    const off = c.onResync(() => {
      if (connectedBefore) refresh();
      connectedBefore = true;
    });
    return () => {
      c.socket.off("brief:reframed", onReframed);
      off();
    };
  }, [c, briefId, refresh]);
}

/** A brief's page: its reframes follow the room. */
export function ReframesFollower({ briefId }: { briefId: string }) {
  useReframesFollowed(useRefresh(), briefId);
  return null;
}
