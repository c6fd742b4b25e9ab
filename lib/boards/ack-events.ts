import { freshResult } from "@/lib/realtime/client/fresh-result";
import type { Ack, CommandName, CommandResults, WireNote } from "@/lib/realtime/contract";
import type { BoardEvent } from "./board-state";

/**
 * What the server's ack of a command tells a screen about the board, as the events its broadcast
 * will carry, so the sender sees its change without waiting for the broadcast. None for a retry's
 * ack (`freshResult`): its result is from the first run, older than what the board shows now.
 */
export function eventsOfAck(name: CommandName, ack: Ack<unknown>): BoardEvent[] {
  const r = freshResult(ack) as
    | (Partial<CommandResults["note:group"] & CommandResults["board:update"] & CommandResults["note:delete"]> & {
        note?: WireNote;
        notes?: WireNote[];
      })
    | null;
  if (!r) return [];
  const events: BoardEvent[] = [];
  if (r.board) events.push({ name: "board:changed", data: { board: r.board } });
  if (r.note) events.push({ name: "note:changed", data: { notes: [r.note] } });
  if (r.notes) events.push({ name: "note:changed", data: { notes: r.notes } });
  if (r.group) events.push({ name: "group:changed", data: { group: r.group } });
  if (name === "note:delete" && r.noteId) events.push({ name: "note:deleted", data: { noteId: r.noteId } });
  return events;
}
