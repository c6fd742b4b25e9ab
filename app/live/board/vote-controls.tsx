"use client";

import { useTranslations } from "next-intl";
import { memo, useMemo } from "react";

/** The dots on one note: mine as filled circles, with + and − big enough for a thumb. */
export const VoteControls = memo(function VoteControls({
  label,
  mine,
  canAdd,
  onAdd,
  onRemove,
}: {
  label: string;
  mine: number;
  canAdd: boolean;
  onAdd: () => void;
  onRemove: () => void;
}) {
  const t = useTranslations("vote");
  // Worded once per note: when the last dot is spent, every "+" on the board redraws to turn off.
  const names = useMemo(
    () => ({ takeBack: t("controls.takeBack", { label }), add: t("controls.add", { label }), none: t("controls.none") }),
    [t, label],
  );
  return (
    <div className="mt-3 flex items-center gap-2" data-testid="vote-controls">
      <button
        type="button"
        onClick={onRemove}
        disabled={mine === 0}
        className="grid h-11 w-11 place-items-center rounded-full bg-white/80 text-2xl font-bold disabled:opacity-40"
      >
        <span aria-hidden>−</span>
        <span className="sr-only">{names.takeBack}</span>
      </button>
      <span className="flex min-w-16 items-center justify-center gap-1" aria-live="polite">
        {mine === 0 ? (
          <span className="text-sm text-ink-soft">{names.none}</span>
        ) : (
          Array.from({ length: mine }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: identical dots, counted by position
            <span key={i} aria-hidden className="h-4 w-4 rounded-full bg-coral" />
          ))
        )}
        <span className="sr-only" data-testid="my-dots">
          {mine}
        </span>
      </span>
      <button
        type="button"
        onClick={onAdd}
        disabled={!canAdd}
        className="grid h-11 w-11 place-items-center rounded-full bg-brand text-2xl font-bold text-white disabled:opacity-40"
      >
        <span aria-hidden>+</span>
        <span className="sr-only">{names.add}</span>
      </button>
    </div>
  );
});

/** `fit`: as big as the line it sits in (a projected card's sizes come from the wall's layout). */
export function TallyBadge({ dots, size = "phone" }: { dots: number; size?: "phone" | "wall" | "fit" }) {
  const t = useTranslations("vote");
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full bg-coral font-bold text-white ${size === "wall" ? "px-3 py-1 text-xl" : size === "fit" ? "shrink-0 px-[0.5em]" : "px-2 py-0.5 text-sm"}`}
      data-testid="tally"
    >
      <span aria-hidden>●</span> {t("dots", { count: dots })}
    </span>
  );
}
