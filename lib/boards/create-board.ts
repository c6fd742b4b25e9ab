import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { boards, events, teams } from "@/db/schema";
import { isStaff } from "@/lib/auth/actor";
import { defaultLocale } from "@/lib/i18n/locales";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms } from "@/lib/realtime/contract";
import type { WriteHandler } from "@/lib/realtime/handler";
import { boardView, teamOf } from "./board-access";
import { templateColumns } from "./template-words";
import type { BoardTemplate } from "./templates";

/** Adds a board from a template, its prompts in the event's language; used by the command and by seeds. */
export async function insertBoard(
  tx: Tx,
  input: {
    eventId: string;
    teamId: string | null;
    title: string;
    template: BoardTemplate;
    customColumns?: string[];
    now?: number;
  },
) {
  const [{ next } = { next: 0 }] = await tx
    .select({ next: sql<number>`coalesce(max(${boards.position}), 0) + 1` })
    .from(boards)
    .where(eq(boards.eventId, input.eventId));
  const [event] = await tx.select({ language: events.language }).from(events).where(eq(events.id, input.eventId));
  const [row] = await tx
    .insert(boards)
    .values({
      id: randomUUID(),
      eventId: input.eventId,
      teamId: input.teamId,
      title: input.title,
      template: input.template,
      columns: templateColumns(input.template, event?.language ?? defaultLocale, input.customColumns),
      position: next,
      createdAt: input.now,
    })
    .returning();
  if (!row) throw new Error("board not created");
  return row;
}

/**
 * How many boards a team's members may make for it (facilitators may add more). Boards are never
 * deleted and every screen in the event is told of each one, so without a bound one identity with
 * the join code could list thousands and make every snapshot heavy.
 */
export const teamBoardLimit = 20;

/** Facilitators make boards for the room or any team; a team's members make boards for their team. */
export const createBoard: WriteHandler<"board:create"> = {
  kind: "write",
  permission: "writeNote",
  async apply(tx, { actor, payload, now }) {
    if (payload.teamId) {
      const [team] = await tx
        .select({ id: teams.id })
        .from(teams)
        .where(and(eq(teams.id, payload.teamId), eq(teams.eventId, actor.eventId)));
      if (!team) throw new CommandFailure("not_found", "That team doesn't exist.");
    }
    if (!isStaff(actor)) {
      const mine = await teamOf(tx, actor);
      if (!payload.teamId || payload.teamId !== mine) {
        throw new CommandFailure("forbidden", "You can add boards for your own team; facilitators add boards for the room.");
      }
      const [{ count } = { count: 0 }] = await tx
        .select({ count: sql<number>`count(*)` })
        .from(boards)
        .where(and(eq(boards.eventId, actor.eventId), eq(boards.teamId, mine)));
      if (count >= teamBoardLimit) {
        throw new CommandFailure(
          "conflict",
          `Your team has ${teamBoardLimit} boards already, as many as a team can add. Use one of them, or ask a facilitator to add another.`,
        );
      }
    }
    const board = await insertBoard(tx, {
      eventId: actor.eventId,
      teamId: payload.teamId,
      title: payload.title,
      template: payload.template,
      customColumns: payload.columns,
      now,
    });
    const view = boardView(board);
    return {
      result: { board: view },
      broadcasts: [{ room: rooms.event(actor.eventId), event: "board:listed", data: { board: view } }],
    };
  },
};
