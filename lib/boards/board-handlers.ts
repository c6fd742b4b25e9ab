import { copyNotes } from "@/lib/notes/copy-notes";
import { createNote } from "@/lib/notes/create-note";
import { deleteNote } from "@/lib/notes/delete-note";
import { groupNote } from "@/lib/notes/group-note";
import { findHiddenNotes, withholdNote } from "@/lib/notes/moderate-note";
import { moveNote } from "@/lib/notes/move-note";
import { pinNote } from "@/lib/notes/pin-note";
import { renameGroup } from "@/lib/notes/rename-group";
import { restoreNote } from "@/lib/notes/restore-note";
import { ungroupNote } from "@/lib/notes/ungroup-note";
import { updateNote } from "@/lib/notes/update-note";
import type { BoardCommandResults } from "@/lib/realtime/contract";
import type { Handler } from "@/lib/realtime/handler";
import { createBoard } from "./create-board";
import { openBoard } from "./open-board";
import { revealBoard, updateBoard } from "./update-board";

/** Every command on boards, notes and groups. */
export const boardHandlers: { [N in keyof BoardCommandResults]: Handler<N> } = {
  "board:open": openBoard,
  "board:create": createBoard,
  "board:update": updateBoard,
  "board:reveal": revealBoard,
  "note:withhold": withholdNote,
  "board:hidden-notes": findHiddenNotes,
  "note:create": createNote,
  "note:update": updateNote,
  "note:delete": deleteNote,
  "note:restore": restoreNote,
  "note:move": moveNote,
  "note:pin": pinNote,
  "note:group": groupNote,
  "note:ungroup": ungroupNote,
  "group:rename": renameGroup,
  "notes:copy": copyNotes,
};
