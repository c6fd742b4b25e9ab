/**
 * A big event seeded straight into the database (as bench/lib/seed.ts does): `people`
 * participants with profiles, spread over `teams` teams, each team with a board, and a plenary
 * board; every board holds `notes` notes. What a read's cost grows with, at the size a real
 * weekend reaches. Used by the read-cost benchmark (bench/reads.ts) and the tests of the budget.
 */
import { randomUUID } from "node:crypto";
import type { Database } from "@/db/client";
import { boards, notes, participants, teamMembers, teams } from "@/db/schema";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { createEvent } from "@/lib/events/create-event";
import { createAccount } from "./fixtures";

export type BigEvent = {
  eventId: string;
  /** Its organiser, signed in. */
  organiser: Awaited<ReturnType<typeof createAccount>>;
  plenaryBoardId: string;
  /** A note on the plenary board, e.g. to vote for. */
  plenaryNoteId: string;
  column: string;
  participantIds: string[];
  teamIds: string[];
};

export async function seedBigEvent(
  db: Database,
  size: { people: number; teams: number; notes: number } = { people: 1000, teams: 20, notes: 500 },
): Promise<BigEvent> {
  const organiser = await createAccount(db);
  const event = await db.transact((tx) =>
    createEvent(tx, { name: "Big weekend", createdBy: organiser.accountId, status: "published" }),
  );
  const column = "ideas";
  const teamIds = Array.from({ length: size.teams }, () => randomUUID());
  const plenaryBoardId = randomUUID();
  const participantIds = Array.from({ length: size.people }, () => randomUUID());
  const plenaryNoteId = randomUUID();
  const now = Date.now();
  await db.transact(async (tx) => {
    await tx
      .insert(teams)
      .values(teamIds.map((id, i) => ({ id, eventId: event.id, name: `Team ${i + 1}`, capacity: null, position: i })));
    const boardRows = [
      { id: plenaryBoardId, eventId: event.id, teamId: null, title: "Plenary", columns: [{ key: column, title: "Ideas" }] },
      ...teamIds.map((teamId, i) => ({
        id: randomUUID(),
        eventId: event.id,
        teamId,
        title: `Team ${i + 1}'s board`,
        columns: [{ key: column, title: "Ideas" }],
      })),
    ];
    await tx.insert(boards).values(boardRows);
    for (const board of boardRows) {
      for (let from = 0; from < size.notes; from += 250) {
        const count = Math.min(250, size.notes - from);
        await tx.insert(notes).values(
          Array.from({ length: count }, (_, i) => ({
            id: board.id === plenaryBoardId && from + i === 0 ? plenaryNoteId : randomUUID(),
            boardId: board.id,
            column,
            text: `Idea ${from + i + 1}: a bench by the bus stop`,
            position: from + i,
          })),
        );
      }
    }
    for (let from = 0; from < participantIds.length; from += 200) {
      const slice = participantIds.slice(from, from + 200);
      await tx.insert(participants).values(
        slice.map((id, i) => ({
          id,
          eventId: event.id,
          displayName: `Resident ${from + i + 1}`,
          resumeTokenHash: hashToken(newToken()),
          resumeTokenMadeAt: now,
          kind: "resident" as const,
          skills: ["talking to people", "spreadsheets"],
          ageBand: "18_plus" as const,
        })),
      );
      if (teamIds.length > 0) {
        await tx.insert(teamMembers).values(
          slice.map((participantId, i) => ({
            eventId: event.id,
            participantId,
            teamId: teamIds[(from + i) % teamIds.length] as string,
            joinedAt: now,
          })),
        );
      }
    }
  });
  return { eventId: event.id, organiser, plenaryBoardId, plenaryNoteId, column, participantIds, teamIds };
}
