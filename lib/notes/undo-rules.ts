/**
 * Undoing a deleted note. The phone offers "Undo" for `undoShownMs`; the server keeps the note for
 * `undoKeptMs`, longer, so a tap at the last moment on a slow connection still arrives in time.
 * After that the note is gone for good (and so is the copy kept for the undo).
 */
export const undoShownMs = 10_000;
export const undoKeptMs = 60_000;

export type UndoRefusal = "not-yours" | "too-late" | null;

/** Only whoever deleted the note may bring it back, and only while it is kept. */
export function undoRefusal(deleted: { deletedBy: string; deletedAt: number }, actorKey: string, now: number): UndoRefusal {
  if (deleted.deletedBy !== actorKey) return "not-yours";
  if (now - deleted.deletedAt > undoKeptMs) return "too-late";
  return null;
}
