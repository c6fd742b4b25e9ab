import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "@/db/client";
import { roomSequences, voteRounds } from "@/db/schema";
import { versionKeys } from "@/lib/realtime/sequence";
import { addBoard, createAccount, createTestEvent, openTempDatabase } from "@/test/integration/support/fixtures";
import { closeExpiredRounds } from "./close-expired";

let temp: Awaited<ReturnType<typeof openTempDatabase>>;
let other: Database;
let event: Awaited<ReturnType<typeof createTestEvent>>;

beforeEach(async () => {
  temp = await openTempDatabase();
  // A second process's connections to the same file.
  other = await openDatabase(temp.url);
  const organiser = await createAccount(temp.db);
  event = await createTestEvent(temp.db, organiser.accountId);
});
afterEach(() => {
  other.close();
  temp.cleanup();
});

const openRound = async (endsAt: number | null, boardId = event.welcomeBoardId) => {
  const id = randomUUID();
  await temp.db.transact((tx) =>
    tx.insert(voteRounds).values({ id, boardId, eventId: event.id, dotsPerPerson: 3, maxPerTarget: 3, endsAt }),
  );
  return id;
};

describe("closeExpiredRounds", () => {
  it("closes a round once when two processes sweep for the same moment, and announces it once", async () => {
    const id = await openRound(Date.now() - 1000);
    const now = Date.now();
    // One after the other: SQLite takes writers in turn (BEGIN IMMEDIATE), so whichever process
    // comes second finds the round no longer open. (Truly at once would need two OS processes:
    // libSQL waits for the lock synchronously, which in one process would block the holder.)
    const mine = await closeExpiredRounds(temp.db, now);
    const theirs = await closeExpiredRounds(other, now);
    const announced = [...mine, ...theirs];
    expect(announced).toHaveLength(1);
    expect(announced[0]).toMatchObject({ event: "vote:round-changed", data: { round: { id, status: "closed" } } });
    const [round] = await temp.db.read.select().from(voteRounds).where(eq(voteRounds.id, id));
    expect(round?.status).toBe("closed");
    // The tally's version moved once, so screens take the hidden tally over a live one.
    const [version] = await temp.db.read
      .select()
      .from(roomSequences)
      .where(eq(roomSequences.room, versionKeys.tally(id)));
    expect(version?.seq).toBe(1);
  });

  it("leaves rounds that have time left or no time limit", async () => {
    await openRound(Date.now() + 60_000);
    await openRound(null, await addBoard(temp.db, event.id));
    expect(await closeExpiredRounds(temp.db)).toEqual([]);
  });
});
