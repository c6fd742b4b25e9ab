"use client";

import { combine } from "@atlaskit/pragmatic-drag-and-drop/combine";
import { draggable, dropTargetForElements, monitorForElements } from "@atlaskit/pragmatic-drag-and-drop/element/adapter";
import { attachInstruction, extractInstruction } from "@atlaskit/pragmatic-drag-and-drop-hitbox/list-item";
import { useTranslations } from "next-intl";
import { type RefObject, useEffect, useMemo, useRef, useState } from "react";

/**
 * Dragging notes on the facilitator's wall, with Pragmatic drag and drop (the browser's own drag and
 * drop underneath, so mouse, pen and touch on phones and tablets all work, and nothing in the layout
 * changes when a drag starts). The middle of a note means "group with it"; its top or bottom edge, or
 * a column's empty space, means "move here".
 */

/** What dropping now would do, shown on the wall while dragging. */
export type WallDrop =
  | { kind: "group"; noteId: string; targetId: string }
  | { kind: "move"; noteId: string; columnKey: string; edge: "before" | "after"; targetId: string }
  | { kind: "move"; noteId: string; columnKey: string; edge: "end"; targetId: null };

const noteData = (noteId: string) => ({ wallNote: noteId });
const isNote = (data: Record<string | symbol, unknown>) => typeof data.wallNote === "string";

/** One note: draggable, and a drop target split into top edge / middle / bottom edge. */
export function useDraggableNote(ref: RefObject<HTMLElement | null>, noteId: string, enabled: boolean) {
  useEffect(() => {
    const element = ref.current;
    if (!element || !enabled) return;
    return combine(
      draggable({ element, getInitialData: () => noteData(noteId) }),
      dropTargetForElements({
        element,
        canDrop: ({ source }) => isNote(source.data),
        getData: ({ input, element: el, source }) =>
          attachInstruction(noteData(noteId), {
            input,
            element: el,
            axis: "vertical",
            operations: {
              "reorder-before": "available",
              "reorder-after": "available",
              combine: source.data.wallNote === noteId ? "not-available" : "available",
            },
          }),
      }),
    );
  }, [ref, noteId, enabled]);
}

/**
 * Columns: dropping anywhere in one that isn't a note moves the note to the column's end. One stable
 * ref callback per column (React 19 runs its returned cleanup on unmount), so a re-render during a
 * drag doesn't re-register the targets.
 */
export function useColumnDropRefs(enabled: boolean) {
  return useMemo(() => {
    const cache = new Map<string, (element: HTMLElement | null) => (() => void) | undefined>();
    return (columnKey: string) => {
      let ref = cache.get(columnKey);
      if (!ref) {
        ref = (element) => {
          if (!element || !enabled) return;
          return dropTargetForElements({
            element,
            canDrop: ({ source }) => isNote(source.data),
            getData: () => ({ wallColumn: columnKey }),
          });
        };
        cache.set(columnKey, ref);
      }
      return ref;
    };
  }, [enabled]);
}

/** The wall's side: follows every drag of a note, says what a drop would do, and does it on drop. */
export function useWallDnd({
  enabled,
  columnOf,
  onDrop,
  announce,
  describe,
}: {
  enabled: boolean;
  columnOf: (noteId: string) => string | null;
  onDrop: (drop: WallDrop) => void;
  announce: (message: string) => void;
  /** A note's words for announcements, and a column's title. */
  describe: { note: (noteId: string) => string; column: (columnKey: string) => string };
}) {
  const [dragging, setDragging] = useState<string | null>(null);
  const [drop, setDrop] = useState<WallDrop | null>(null);
  // The monitor lives for the wall's life; it reads the latest callbacks through this ref.
  const t = useTranslations("wall.announce");
  const latest = useRef({ columnOf, onDrop, announce, describe, t });
  latest.current = { columnOf, onDrop, announce, describe, t };

  useEffect(() => {
    if (!enabled) return;
    let current: WallDrop | null = null;
    let said = "";
    const resolve = (noteId: string, targets: { data: Record<string | symbol, unknown> }[]): WallDrop | null => {
      const [inner] = targets;
      if (!inner) return null;
      const { columnOf: col } = latest.current;
      if (typeof inner.data.wallColumn === "string")
        return { kind: "move", noteId, columnKey: inner.data.wallColumn, edge: "end", targetId: null };
      const targetId = inner.data.wallNote;
      if (typeof targetId !== "string") return null;
      const columnKey = col(targetId);
      const instruction = extractInstruction(inner.data);
      if (!instruction || !columnKey || instruction.blocked) return null;
      if (instruction.operation === "combine") return targetId === noteId ? null : { kind: "group", noteId, targetId };
      if (targetId === noteId) return null;
      return { kind: "move", noteId, columnKey, edge: instruction.operation === "reorder-before" ? "before" : "after", targetId };
    };
    const say = (next: WallDrop | null) => {
      const { describe: d, announce: a, t } = latest.current;
      const text = !next
        ? ""
        : next.kind === "group"
          ? t("willGroupWith", { note: d.note(next.targetId) })
          : next.edge === "end"
            ? t("willMoveToEnd", { column: d.column(next.columnKey) })
            : t("willMove", { edge: next.edge, note: d.note(next.targetId), column: d.column(next.columnKey) });
      if (text && text !== said) a(text);
      said = text;
    };
    return monitorForElements({
      canMonitor: ({ source }) => isNote(source.data),
      onDragStart: ({ source }) => {
        const id = source.data.wallNote as string;
        current = null;
        said = "";
        setDragging(id);
        latest.current.announce(latest.current.t("pickedUp", { note: latest.current.describe.note(id) }));
      },
      onDropTargetChange: ({ source, location }) => {
        current = resolve(source.data.wallNote as string, location.current.dropTargets);
        setDrop(current);
        say(current);
      },
      onDrag: ({ source, location }) => {
        // The edge under the pointer changes within one note without a new target.
        const next = resolve(source.data.wallNote as string, location.current.dropTargets);
        if (JSON.stringify(next) === JSON.stringify(current)) return;
        current = next;
        setDrop(next);
        say(next);
      },
      onDrop: ({ source, location }) => {
        const done = resolve(source.data.wallNote as string, location.current.dropTargets);
        setDragging(null);
        setDrop(null);
        current = null;
        const { describe: d, announce: a, onDrop: act, t } = latest.current;
        if (!done) {
          a(t("droppedInPlace", { note: d.note(source.data.wallNote as string) }));
          return;
        }
        act(done);
        a(
          done.kind === "group"
            ? t("groupedWith", { note: d.note(done.targetId) })
            : t("movedToColumn", { column: d.column(done.columnKey) }),
        );
      },
    });
  }, [enabled]);

  return { dragging, drop };
}
