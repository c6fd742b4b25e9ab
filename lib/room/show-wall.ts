import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { boards } from "@/db/schema";
import { says } from "@/lib/activity/activity-message";
import { staffSignature } from "@/lib/auth/actor";
import { withTitleKey } from "@/lib/boards/template-marks";
import { CommandFailure } from "@/lib/realtime/command-error";
import { type NudgeView, rooms, type Wall } from "@/lib/realtime/contract";
import type { Broadcast, WriteHandler } from "@/lib/realtime/handler";
import { nudgeBoard } from "./nudges";
import { changeRoom } from "./room-store";

/** Switches what every big screen shows; with `nudge`, invites phones to the board or vote too. */
export const showWall: WriteHandler<"screen:show"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload, now }) {
    const choice = payload.wall;
    let boardTitle: string | null = null;
    let boardTitleKey: string | undefined;
    if (choice.kind === "board" || choice.kind === "votes") {
      const [board] = await tx
        .select({ title: boards.title, template: boards.template })
        .from(boards)
        .where(and(eq(boards.id, choice.boardId), eq(boards.eventId, actor.eventId)));
      if (!board) throw new CommandFailure("not_found", "That board is not in this event any more.");
      boardTitle = board.title;
      boardTitleKey = withTitleKey(board).titleKey;
    }
    const wall: Wall = choice.kind === "rotate" ? { kind: "rotate", startedAt: now } : choice;
    const nudge: NudgeView | undefined =
      payload.nudge && (choice.kind === "board" || choice.kind === "votes")
        ? {
            id: randomUUID(),
            kind: choice.kind,
            title: boardTitle ?? "",
            ...nudgeBoard({ id: choice.boardId, title: boardTitle ?? "", titleKey: boardTitleKey }),
            by: staffSignature(actor),
            at: now,
          }
        : undefined;
    const { room, broadcasts: changed } = await changeRoom(tx, {
      actor,
      now,
      patch: { wall, nudge },
      change: { what: "wall", said: says.wallShown(wall, boardTitle) },
    });
    const broadcasts: Broadcast[] = [...changed];
    if (nudge) broadcasts.push({ room: rooms.event(actor.eventId), event: "room:nudged", data: { nudge } });
    return { result: { room }, broadcasts };
  },
};
