import { eq } from "drizzle-orm";
import { noteGroups } from "@/db/schema";
import { actorKey, isStaff } from "@/lib/auth/actor";
import { assertMayWrite, boardInEvent } from "@/lib/boards/board-access";
import { groupTitleVisibleTo } from "@/lib/boards/rules";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms } from "@/lib/realtime/contract";
import type { WriteHandler } from "@/lib/realtime/handler";
import { groupToWire, memberAuthorKeys } from "./groups";

export const renameGroup: WriteHandler<"group:rename"> = {
  kind: "write",
  permission: "writeNote",
  async apply(tx, { actor, payload }) {
    const [existing] = await tx.select().from(noteGroups).where(eq(noteGroups.id, payload.groupId));
    if (!existing) throw new CommandFailure("not_found", "That group no longer exists.");
    const board = await boardInEvent(tx, actor, existing.boardId);
    await assertMayWrite(tx, actor, board);
    // Staff name any group (they read hidden notes to moderate them); anyone else one they can read.
    const members = await memberAuthorKeys(tx, existing.id);
    if (!isStaff(actor) && !groupTitleVisibleTo(board, members, actorKey(actor))) {
      throw new CommandFailure("forbidden", "That group is hidden until the facilitator reveals the board.");
    }
    await tx.update(noteGroups).set({ title: payload.title }).where(eq(noteGroups.id, existing.id));
    const group = { id: existing.id, title: payload.title };
    return {
      result: { group },
      broadcasts: [
        { room: rooms.board(board.id), event: "group:changed", data: { group: groupToWire(board, group, members, null) } },
      ],
    };
  },
};
