"use client";

import { useEffect, useRef } from "react";
import { useConnection } from "./react";

/**
 * Runs `then` when this participant's name changed, on this device or another of theirs
 * (`profile:renamed`, sent to their own sockets only): what a screen drew with the old name
 * it draws again.
 */
export function useOwnRename(then: () => void) {
  const c = useConnection();
  const latest = useRef(then);
  latest.current = then;
  useEffect(() => {
    if (!c) return;
    const renamed = () => latest.current();
    c.socket.on("profile:renamed", renamed);
    return () => void c.socket.off("profile:renamed", renamed);
  }, [c]);
}
