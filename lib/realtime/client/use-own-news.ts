"use client";

import { useEffect, useRef } from "react";
import type { ServerToClientEvents } from "../contract";
import { useConnection } from "./react";

/** News sent to one person's own sockets only, that says nothing but that it happened. */
type OwnNews = "profile:renamed" | "device:signed-in" | "devices:changed";

/**
 * Runs `then` when one of these happened to this person, on this device or another of theirs
 * (their name changed; a device signed in as them, or was signed out): what a screen drew from
 * the old state it draws again.
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
    return () => {
      for (const name of names) c.socket.off(name, heard);
    };
  }, [c, key]);
}
