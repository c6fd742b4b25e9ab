"use client";

import { type RefObject, useCallback, useEffect, useRef, useState } from "react";

const noteSelector = (id: string) => `[data-wall-focus="${CSS.escape(id)}"]`;

/**
 * One tab stop for the whole wall (roving tabindex): the active note takes Tab, arrows pick another.
 * A note that moves or joins a group is drawn anew (React remounts it in its new place), which drops
 * focus on the page body; after every render the wall puts focus back on the note it was on, so a
 * keyboard user carries on from the same note instead of tabbing down from the top again.
 */
export function useRovingFocus(wall: RefObject<HTMLElement | null>, noteIds: readonly string[]) {
  const [chosen, setChosen] = useState<string | null>(null);
  const active = chosen && noteIds.includes(chosen) ? chosen : (noteIds[0] ?? null);
  // The note that had focus, while focus is still the wall's to keep (not after the user clicked or tabbed away).
  const keep = useRef<string | null>(null);

  const focusNote = useCallback(
    (id: string) => {
      setChosen(id);
      keep.current = id;
      wall.current?.querySelector<HTMLElement>(noteSelector(id))?.focus();
    },
    [wall],
  );

  // Listened for on the document, and the wall asked for at each event: the wall is drawn once its
  // board has loaded, after this hook first runs, so listeners on the element itself would miss a
  // note focused by a click (and G after it would lose the focus when the note is drawn anew).
  useEffect(() => {
    const inWall = (node: EventTarget | null) => !!node && !!wall.current?.contains(node as Node);
    const onFocusIn = (e: FocusEvent) => {
      if (!inWall(e.target)) return;
      const note = (e.target as HTMLElement).closest<HTMLElement>("[data-wall-focus]");
      keep.current = note?.dataset.wallFocus ?? null;
      if (note?.dataset.wallFocus) setChosen(note.dataset.wallFocus);
    };
    // Focus moving on to something else (Tab out, a click elsewhere) ends the wall's claim on it;
    // a note drawn anew leaves with no related target, and keeps it.
    const onFocusOut = (e: FocusEvent) => {
      if (inWall(e.target) && e.relatedTarget && !inWall(e.relatedTarget)) keep.current = null;
    };
    const onPointerDown = (e: PointerEvent) => {
      if (!inWall(e.target)) keep.current = null;
    };
    document.addEventListener("focusin", onFocusIn);
    document.addEventListener("focusout", onFocusOut);
    document.addEventListener("pointerdown", onPointerDown, true);
    return () => {
      document.removeEventListener("focusin", onFocusIn);
      document.removeEventListener("focusout", onFocusOut);
      document.removeEventListener("pointerdown", onPointerDown, true);
    };
  }, [wall]);

  // After each render: a remounted note lost focus to the body, so give it back.
  useEffect(() => {
    const id = keep.current;
    if (!id) return;
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (!lost) return;
    wall.current?.querySelector<HTMLElement>(noteSelector(id))?.focus({ preventScroll: false });
  });

  return { active, focusNote };
}
