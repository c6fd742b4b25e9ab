"use client";

import { useEffect, useLayoutEffect, useState } from "react";

/** How long a page of a board (or a ranking) too big for one screen stays up. */
const pageMs = 12_000;

/**
 * The box a projected wall or ranking fills, and this screen's rem, measured: the layout is
 * computed from them, so a resized window or another projector re-flows it.
 */
export function useBox() {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [box, setBox] = useState<{ width: number; height: number; rem: number } | null>(null);
  useLayoutEffect(() => {
    if (!element) return;
    const measure = () => {
      const rem = Number.parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      // The box's real size, rounded down: clientHeight rounds 680.53 up to 681, and a layout made
      // for 681 px then overflows the column by a third of a pixel.
      const rect = element.getBoundingClientRect();
      const next = { width: Math.floor(rect.width), height: Math.floor(rect.height), rem };
      setBox((b) => (b && b.width === next.width && b.height === next.height && b.rem === next.rem ? b : next));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, box] as const;
}

/** A board or ranking too big for one screen turns its pages by itself; a page is a still picture, so nothing moves between turns. */
export function usePage(pages: number) {
  const [page, setPage] = useState(0);
  useEffect(() => {
    if (pages <= 1) return;
    const turn = setInterval(() => setPage((p) => (p + 1) % pages), pageMs);
    return () => clearInterval(turn);
  }, [pages]);
  return page % Math.max(1, pages);
}
