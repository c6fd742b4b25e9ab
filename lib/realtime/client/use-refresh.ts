"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useTransition } from "react";

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
