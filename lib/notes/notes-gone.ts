import type { Tx } from "@/db/client";
import { rooms } from "@/lib/realtime/contract";
import type { Broadcast } from "@/lib/realtime/handler";
import { returnDotsOnNotes } from "@/lib/voting/return-dots";

/**
 * Notes just deleted, as the room hears of it: each open board drops them, and the dots on them
 * in a round still open go back to their voters (lib/voting/return-dots.ts).
 */
export async function notesGone(tx: Tx, deleted: readonly { id: string; boardId: string }[]): Promise<Broadcast[]> {
  return [
    ...deleted.map((n) => ({ room: rooms.board(n.boardId), event: "note:deleted" as const, data: { noteId: n.id } })),
    ...(await returnDotsOnNotes(tx, deleted)),
  ];
}
