"use client";

import { useEffect, useRef } from "react";
import type { ServerToClientEvents } from "../contract";
import type { OwnNews } from "../missed-changes";
import { useConnection } from "./react";

/**
 * Runs `then` when one of these happened to this person, on this device or another of theirs
 * (their name changed; a device signed in as them, or was signed out): what a screen drew from
 * the old state it draws again. So it does when it happened between the page's drawing and its first connect.
 */
export function useOwnNews(news: readonly OwnNews[], then: () => void) {
  const c = useConnection();
  const latest = useRef(then);
  latest.current = then;
  const key = news.join(" ");
  useEffect(() => {
    if (!c || !key) return;
    const names = key.split(" ") as OwnNews[];
    const heard: ServerToClientEvents[OwnNews] = () => latest.current();
    for (const name of names) c.socket.on(name, heard);
    // Happened after the server drew this page, before it connected: told to nobody here.
    const offMissed = c.onMissed((missed) => {
      if (missed.own.some((news) => names.includes(news))) latest.current();
    });
    return () => {
      for (const name of names) c.socket.off(name, heard);
      offMissed();
    };
  }, [c, key]);
}
