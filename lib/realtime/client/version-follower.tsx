"use client";

import { useEffect, useRef } from "react";
import { useRefresh } from "./use-refresh";

/** Often enough that a change shows while people look; rarely enough to cost the server little. */
const pollEvery = 4000;

/**
 * Draws a server-drawn page again when the fingerprint at `url` differs from the one it was drawn
 * with (`version`). For pages whose readers have no room to listen to (a project's owner has no
 * socket identity), and whose changes come from outside any room (emails, owners' links). Asks
 * only while the page is in view, and at once when it comes back into view.
 */
export function VersionFollower({ url, version }: { url: string; version: string }) {
  const refresh = useRefresh();
  const seen = useRef(version);
  useEffect(() => {
    seen.current = version;
  }, [version]);
  useEffect(() => {
    let stopped = false;
    const check = async () => {
      if (document.visibilityState !== "visible") return;
      try {
        const response = await fetch(url, { cache: "no-store" });
        if (stopped) return;
        // Access ended (signed out, removed, a link stopped) or the thing is gone: drawn again, the
        // page says so instead of showing what its reader may no longer see. Once, not every poll.
        const refused = [401, 403, 404, 410].includes(response.status);
        if (!response.ok && !refused) return;
        const now = refused ? `refused ${response.status}` : await response.text();
        // One refetch per change: later answers with the same news wait for the page it brings.
        if (now !== seen.current) {
          seen.current = now;
          refresh();
        }
      } catch {
        // Offline for a moment: the next ask catches up.
      }
    };
    const timer = setInterval(check, pollEvery);
    document.addEventListener("visibilitychange", check);
    return () => {
      stopped = true;
      clearInterval(timer);
      document.removeEventListener("visibilitychange", check);
    };
  }, [url, refresh]);
  return null;
}
