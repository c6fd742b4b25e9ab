import { randomUUID } from "node:crypto";
import { expect, type Locator } from "@playwright/test";
import { eq } from "drizzle-orm";
import { eventPhases, notes, voteRounds, votes } from "@/db/schema";
import { db } from "../support/fixtures";

/** An agenda of phases, in order, starting tomorrow. */
export async function addAgenda(eventId: string, names: string[]) {
  const start = Date.now() + 24 * 3_600_000;
  const rows = names.map((name, i) => ({ id: randomUUID(), eventId, name, startsAt: start + i * 3_600_000, position: i }));
  await (await db()).transact((tx) => tx.insert(eventPhases).values(rows));
  return rows;
}

/**
 * The park journey's notes on a journey board, one by each of `people` in turn, and a revealed
 * vote with dots on four of them: the gate 3, the broken lights 2, the café 1.
 */
export async function journeyNotesAndVote(eventId: string, boardId: string, people: string[]) {
  const texts: [string, string][] = [
    ["magic-moments", "The café by the playground knows everyone's name"],
    ["magic-moments", "Saturday park run brings strangers together"],
    ["magic-moments", "Free tennis courts in summer"],
    ["miserable-moments", "The gate is locked at weekends"],
    ["miserable-moments", "No toilets open after 4pm, so families leave early"],
    ["miserable-moments", "Broken lights on the path by the river make it feel unsafe after dark"],
    ["miserable-moments", "Nobody knows who to tell when something is broken"],
  ];
  const noteIds = texts.map(() => randomUUID());
  const database = await db();
  await database.transact(async (tx) => {
    for (const [i, [column, text]] of texts.entries()) {
      await tx.insert(notes).values({
        id: noteIds[i] as string,
        boardId,
        column,
        text,
        colour: (["yellow", "pink", "blue", "green", "orange"] as const)[i % 5],
        position: i + 1,
        authorParticipantId: people[i] as string,
      });
    }
  });
  // A vote with dots on four notes, then revealed (dots can only go on an open round).
  const roundId = randomUUID();
  await database.transact(async (tx) => {
    await tx.insert(voteRounds).values({ id: roundId, boardId, eventId: eventId, dotsPerPerson: 3, maxPerTarget: 3 });
    const dots: [number, number][] = [
      [3, 0],
      [3, 1],
      [3, 2],
      [5, 3],
      [5, 4],
      [0, 5],
    ];
    for (const [note, person] of dots) {
      await tx.insert(votes).values({
        id: randomUUID(),
        roundId,
        voterKey: `p:${people[person]}`,
        targetId: noteIds[note] as string,
        slot: 0,
        placeOnTarget: 0,
      });
    }
    await tx
      .update(voteRounds)
      .set({ status: "revealed", closedAt: Date.now(), revealedAt: Date.now() })
      .where(eq(voteRounds.id, roundId));
  });
}

/** Seconds shown by a "m:ss" timer. */
export async function shownSeconds(timer: Locator) {
  const text = (await timer.textContent()) ?? "";
  const match = /^(\d+):(\d\d)$/.exec(text.trim());
  if (!match) throw new Error(`not a timer: ${text}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Two timers agree to within a second (they are read one after the other). */
export async function expectSameCountdown(a: Locator, b: Locator) {
  await expect(async () => {
    const [x, y] = [await shownSeconds(a), await shownSeconds(b)];
    expect(Math.abs(x - y)).toBeLessThanOrEqual(1);
  }).toPass({ timeout: 5_000 });
}
