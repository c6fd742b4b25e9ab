/**
 * Renames that come while the scrub worker is walking an event's command log join that walk
 * where it is, and are finished by going back round only as far as where they joined: several
 * renames during one walk cost about one walk, not one each, and a walk that dies on the way is
 * carried on from where it stopped, for every scrub that had joined it.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commandLog, commandLogScrubs, commandLogScrubWalks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { runCommandLogScrubs } from "@/lib/realtime/command-log-scrub-worker";
import type { CommandName } from "@/lib/realtime/contract";
import { applied as appliedIn, fillCommandLog } from "./support/command-log";
import {
  addParticipant,
  createAccount,
  createTestEvent,
  openTempDatabase,
  participantActor,
  staffActor,
} from "./support/fixtures";

const firstNames = ["Amira", "Ben", "Carla", "Dan", "Eve"] as const;
type Person = (typeof firstNames)[number];
/** Records of showcase saves that name nobody, between the records that name the people. */
const filler = 1_000;
const chunk = 100;

let temp: Awaited<ReturnType<typeof openTempDatabase>>;
let event: Awaited<ReturnType<typeof createTestEvent>>;
let people: Record<Person, Actor>;

const applied = <N extends CommandName>(actor: Actor, name: N, payload: unknown) => appliedIn(temp.db, actor, name, payload);

const oldName = (person: Person) => `${person} Oldname`;
const rename = (person: Person) => applied(people[person], "profile:update", { displayName: person });

beforeEach(async () => {
  temp = await openTempDatabase();
  const organiser = await createAccount(temp.db, "Organiser");
  event = await createTestEvent(temp.db, organiser.accountId, "Made in Lambeth");
  const staff = staffActor(event.id, organiser.accountId);
  const team = (await applied(staff, "team:create", { name: "Parks" })).team.id;
  const ids = {} as Record<Person, string>;
  people = {} as Record<Person, Actor>;
  for (const person of firstNames) {
    ids[person] = await addParticipant(temp.db, event.id, oldName(person));
    people[person] = participantActor(event.id, ids[person]);
  }
  const nameThemAll = async (words: string) => {
    for (const person of firstNames) {
      await applied(people[person], "note:create", {
        boardId: event.welcomeBoardId,
        column: event.welcomeColumn,
        text: `${words} ${person}`,
      });
    }
  };
  // Records naming each of them at the start of the log (before where any walk is joined), and
  // a facilitator's record of each; more of their own at the end.
  await nameThemAll("Shade");
  for (const person of firstNames) await applied(staff, "participant:move", { participantId: ids[person], teamId: team });
  await fillCommandLog(temp.db, {
    eventId: event.id,
    count: filler,
    prefix: "someone",
    result: () => ({ showcase: { teamId: team, made: "x".repeat(1_000) } }),
  });
  await nameThemAll("Benches");
});
afterEach(() => temp.cleanup());

const theLog = async () => JSON.stringify(await temp.db.read.select().from(commandLog).where(eq(commandLog.eventId, event.id)));
const recordsOfTheEvent = async () =>
  (await temp.db.read.select({ id: commandLog.commandId }).from(commandLog).where(eq(commandLog.eventId, event.id))).length;
const sum = (reads: number[]) => reads.reduce((total, read) => total + read, 0);

async function nothingLeftToDo() {
  expect(await temp.db.read.select().from(commandLogScrubs)).toEqual([]);
  expect(await temp.db.read.select().from(commandLogScrubWalks)).toEqual([]);
}

describe("scrubs that come while a walk is under way", () => {
  it("join it: five renames during one walk read the log about once, and every old name is gone", async () => {
    expect(await theLog()).toContain(oldName("Eve"));
    await rename("Amira");
    const late: Person[] = ["Ben", "Carla", "Dan", "Eve"];
    const reads: number[] = [];
    // One more person renames after each of the walk's first four chunks.
    await runCommandLogScrubs(temp.db, {
      chunkRecords: chunk,
      onChunk: async ({ read }) => {
        reads.push(read);
        const next = late[reads.length - 1];
        if (next) await rename(next);
      },
    });
    // The next run carries the walk on, back round to where the last of them joined.
    await runCommandLogScrubs(temp.db, { chunkRecords: chunk, onChunk: ({ read }) => reads.push(read) });

    // Once through the log, then its first five chunks again (Eve joined as the fifth was read);
    // a walk from the start for each late rename would read it twice or more.
    expect(sum(reads)).toBeLessThanOrEqual((await recordsOfTheEvent()) + 5 * chunk);
    const log = await theLog();
    for (const person of firstNames) expect(log).not.toContain(oldName(person));
    // What names nobody is as it was.
    expect(log).toContain("x".repeat(1_000));
    await nothingLeftToDo();
  });

  it("a walk that dies after others joined it is carried on from where it stopped, and finishes every one of them", async () => {
    await rename("Amira");
    let chunks = 0;
    await expect(
      runCommandLogScrubs(temp.db, {
        chunkRecords: chunk,
        onChunk: () => {
          chunks += 1;
          // Ben joins as the third chunk is read, Carla as the fourth; the process dies after the sixth.
          if (chunks === 6) throw new Error("the process died");
          if (chunks === 2) return rename("Ben");
          if (chunks === 3) return rename("Carla");
        },
      }),
    ).rejects.toThrow("the process died");
    expect(await theLog()).toContain(oldName("Carla"));

    const reads: number[] = [];
    await runCommandLogScrubs(temp.db, { chunkRecords: chunk, onChunk: ({ read }) => reads.push(read) });
    // The rest of the log after the sixth chunk, then back round to where Carla joined: not the
    // whole log again for the two who joined.
    expect(sum(reads)).toBeLessThanOrEqual((await recordsOfTheEvent()) - 6 * chunk + 3 * chunk);
    const log = await theLog();
    for (const person of ["Amira", "Ben", "Carla"] as const) expect(log).not.toContain(oldName(person));
    // Those who did not rename are still named as they are.
    expect(log).toContain(oldName("Dan"));
    expect(log).toContain(oldName("Eve"));
    await nothingLeftToDo();
  });

  it("two processes walking the same event at once both finish, and between them miss nothing", async () => {
    await rename("Amira");
    let renamed = false;
    await Promise.all([
      runCommandLogScrubs(temp.db, {
        chunkRecords: chunk,
        onChunk: async () => {
          if (renamed) return;
          renamed = true;
          await rename("Ben");
        },
      }),
      runCommandLogScrubs(temp.db, { chunkRecords: chunk }),
    ]);
    await runCommandLogScrubs(temp.db, { chunkRecords: chunk });
    const log = await theLog();
    for (const person of ["Amira", "Ben"] as const) expect(log).not.toContain(oldName(person));
    await nothingLeftToDo();
  });
});
