import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { accounts, notes } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { insertBoard } from "@/lib/boards/create-board";
import { createEvent } from "@/lib/events/create-event";
import { joinEvent } from "@/lib/participants/join-event";

export type Seeded = { eventId: string; boardId: string; targets: string[]; participantIds: string[]; staff: Actor };

/** A real event: an organiser, a board with `targetCount` notes, and `phones` participants. */
export async function seed(db: Database, phones: number, targetCount: number): Promise<Seeded> {
  const accountId = randomUUID();
  await db.transact((tx) =>
    tx.insert(accounts).values({ id: accountId, email: `${accountId}@bench.test`, name: "Facilitator", passwordHash: "x" }),
  );
  const event = await db.transact((tx) => createEvent(tx, { name: "Town hall", createdBy: accountId, status: "published" }));
  const board = await db.transact((tx) =>
    insertBoard(tx, { eventId: event.id, teamId: null, title: "What should the park do next?", template: "ideas" }),
  );
  const column = board.columns[0]?.key ?? "ideas";
  const targets: string[] = [];
  await db.transact(async (tx) => {
    for (let i = 0; i < targetCount; i++) {
      const id = randomUUID();
      targets.push(id);
      await tx.insert(notes).values({ id, boardId: board.id, column, text: `Idea ${i + 1}`, position: i });
    }
  });
  const participantIds = await db.transact(async (tx) => {
    const ids: string[] = [];
    for (let i = 0; i < phones; i++)
      ids.push((await joinEvent(tx, { eventId: event.id, displayName: `Phone ${i}` })).participantId);
    return ids;
  });
  const staff: Actor = { kind: "staff", eventId: event.id, accountId, name: "Facilitator", role: "organiser" };
  return { eventId: event.id, boardId: board.id, targets, participantIds, staff };
}
