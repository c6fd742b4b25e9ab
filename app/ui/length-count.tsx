"use client";

import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { announce } from "./announcer";

/** Whether the count shows: from the first character with `always` (a short limit), else once the limit is near. */
export const lengthCountShown = (length: number, max: number, always = false) =>
  always || max - length <= Math.max(20, Math.round(max / 10));

/**
 * For a single-line box: only near its end (its last fifth, at most 20 characters), so a short
 * box such as a join code does not count from its first character.
 */
export const lineCountShown = (length: number, max: number) =>
  length > max || (length > 0 && max - length <= Math.min(20, Math.max(2, Math.round(max / 5))));

/**
 * How much more a text box takes, or how far past its limit it is. The box itself takes all that
 * is typed or pasted: a `maxlength` cuts a paste short without a word, and nothing typed may be
 * lost. What is too long is refused with a message when sent, and stays in the box to shorten.
 * The box names it in its aria-describedby while it shows (`lengthCountShown`), and how far over
 * the limit it is, is said to a screen reader once typing pauses (`heardAfterMs`): a paste past
 * the limit is otherwise only heard when the box is focused again.
 */
export function LengthCount({
  id,
  length,
  max,
  always = false,
  shown = lengthCountShown(length, max, always),
}: {
  id: string;
  length: number;
  max: number;
  always?: boolean;
  /** Whether it shows, when not by `lengthCountShown` (a single line: `lineCountShown`). */
  shown?: boolean;
}) {
  const t = useTranslations("ui.length");
  const left = max - length;
  const over = Math.max(0, -left);
  useEffect(() => {
    if (over === 0) return;
    const timer = setTimeout(() => announce(t("overHeard", { count: over })), heardAfterMs);
    return () => clearTimeout(timer);
  }, [over, t]);
  if (!shown) return null;
  return (
    <span
      id={id}
      className={`block text-sm ${left < 0 ? "font-semibold text-danger" : "text-ink-soft"}`}
      data-testid="length-count"
    >
      {left < 0 ? t("over", { count: over }) : t("left", { count: left })}
    </span>
  );
}

/** How long typing pauses before a box over its limit says by how much: once, not at every key. */
const heardAfterMs = 1000;
