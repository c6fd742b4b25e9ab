"use client";

import { useLayoutEffect, useState } from "react";

/**
 * For a projected wall whose content can't be known in advance (names of any length, in any
 * language, wrapping where they will): the first of `steps` ways of drawing it, roomiest first,
 * at which it fits its box without being cut. Tried again from the roomiest when `content`
 * changes or the box is resized. Each try is drawn before the screen is painted, so only the one
 * that fits is ever seen. `box` is a ref callback for the box (drawn with overflow hidden).
 *
 * When even the tightest does not fit, `shown` says how many of the box's items (its list's
 * children, in order) are drawn whole, one slot being kept to say how many more there are.
 */
export function useFittingStep<E extends HTMLElement>(steps: number, content: unknown) {
  const [element, box] = useState<E | null>(null);
  const [size, setSize] = useState("");
  const [fit, setFit] = useState({ content, size, step: 0, shown: null as number | null });
  const fresh = fit.content === content && fit.size === size;
  const step = fresh ? fit.step : 0;
  const shown = fresh ? fit.shown : null;

  useLayoutEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver(() => {
      const { width, height } = element.getBoundingClientRect();
      setSize(`${Math.floor(width)}×${Math.floor(height)}`);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);

  useLayoutEffect(() => {
    if (!element || element.scrollHeight <= element.clientHeight + 1) return;
    if (step < steps - 1) return setFit({ content, size, step: step + 1, shown: null });
    // The tightest is still too tall: only the items drawn whole stay, less one for "and N more".
    const bottom = element.getBoundingClientRect().bottom;
    const items = [...(element.querySelector("ul, ol")?.children ?? [])];
    const whole = items.filter((item) => item.getBoundingClientRect().bottom <= bottom + 0.5).length;
    const next = Math.max(1, Math.min(whole, shown ?? items.length) - 1);
    if (next !== shown) setFit({ content, size, step, shown: next });
  });

  return { box, step, shown };
}
