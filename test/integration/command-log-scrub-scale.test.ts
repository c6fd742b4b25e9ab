/**
 * A rename or a leave in a room whose command log is big (a day of showcase saves: tens of MB here,
 * a gigabyte in the attack this guards against). Their own transaction must not walk the log: it
 * held every other write of every event, and /healthz, for seconds. The records that name them
 * are scrubbed after, a bounded chunk per transaction, in their event only, and a scrub a crash
 * interrupted is finished by the next run.
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

let temp: Awaited<ReturnType<typeof openTempDatabase>>;
let event: Awaited<ReturnType<typeof createTestEvent>>;
let other: Awaited<ReturnType<typeof createTestEvent>>;
let staff: Actor;
let amiraId: string;
let amira: Actor;
let ben: Actor;

/** Records of showcase saves, ~10 KB each: `count` in each of the two events. */
const filler = 1_200;
const chunk = 100;

beforeEach(async () => {
  temp = await openTempDatabase();
  const organiser = await createAccount(temp.db, "Organiser");
  event = await createTestEvent(temp.db, organiser.accountId, "Made in Lambeth");
  other = await createTestEvent(temp.db, organiser.accountId, "Our Street");
  staff = staffActor(event.id, organiser.accountId);
  amiraId = await addParticipant(temp.db, event.id, "Amira Oldname");
  amira = participantActor(event.id, amiraId);
  ben = participantActor(event.id, await addParticipant(temp.db, event.id, "Ben"));
  const saved = (i: number) => JSON.stringify({ showcase: { teamId: `team-${i}`, made: "x".repeat(10_000) } });
  for (const [eventId, prefix] of [
    [event.id, "here"],
    [other.id, "there"],
  ] as const) {
    await fillCommandLog(temp.db, { eventId, count: filler, prefix, result: (i) => JSON.parse(saved(i)) });
  }
  // Another event's record that holds her id (it never could; here, to show it is not even read)
  // and her name (another person's of the same name).
  await temp.db.transact((tx) =>
    tx.insert(commandLog).values({
      actorKey: "p:someone-elsewhere",
      commandId: "cmd-elsewhere",
      name: "participant:move",
      eventId: other.id,
      result: { person: { id: amiraId, name: "Amira Oldname" } },
    }),
  );
});
afterEach(() => temp.cleanup());

const applied = <N extends CommandName>(actor: Actor, name: N, payload: unknown) => appliedIn(temp.db, actor, name, payload);

/** Every record's result, by actor and command id. */
async function results() {
  const rows = await temp.db.read
    .select({ actorKey: commandLog.actorKey, commandId: commandLog.commandId, result: commandLog.result })
    .from(commandLog);
  return new Map(rows.map((r) => [`${r.actorKey} ${r.commandId}`, JSON.stringify(r.result)]));
}

/** Records that changed between two readings (or are new). */
const changed = (before: Map<string, string>, after: Map<string, string>) =>
  [...after].filter(([key, value]) => before.get(key) !== value).map(([key]) => key);

async function recordsNamingHer() {
  await applied(amira, "profile:update", { ageBand: "18_plus" });
  const note = (
    await applied(amira, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: "Shade" })
  ).note;
  const bens = (
    await applied(ben, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: "Benches" })
  ).note;
  await applied(ben, "note:group", { noteId: bens.id, withNoteId: note.id });
  const team = (await applied(staff, "team:create", { name: "Parks" })).team.id;
  await applied(staff, "participant:move", { participantId: amiraId, teamId: team });
}

const hereOnly = async () => {
  const all = await temp.db.read.select({ eventId: commandLog.eventId, result: commandLog.result }).from(commandLog);
  return JSON.stringify(all.filter((r) => r.eventId === event.id));
};

describe("scrubbing a big command log", () => {
  it("a rename's own transaction rewrites no record; the records naming her are scrubbed after, a chunk at a time, in her event only", async () => {
    await recordsNamingHer();
    expect(await hereOnly()).toContain("Amira Oldname");
    const before = await results();

    await applied(amira, "profile:update", { displayName: "Amira", ageBand: "18_plus" });

    // The rename wrote its own record and a scrub to do, and nothing else of the log.
    const afterRename = await results();
    expect(changed(before, afterRename)).toEqual([...afterRename.keys()].filter((k) => !before.has(k)));
    expect(changed(before, afterRename)).toHaveLength(1);
    expect(await temp.db.read.select().from(commandLogScrubs)).toHaveLength(1);

    const chunks: { read: number; rewritten: number }[] = [];
    await runCommandLogScrubs(temp.db, { chunkRecords: chunk, onChunk: (c) => chunks.push(c) });

    // Every chunk is bounded, and only her event's records were read.
    expect(Math.max(...chunks.map((c) => c.read))).toBeLessThanOrEqual(chunk);
    expect(chunks.length).toBeGreaterThan(filler / chunk);
    const hers = (await temp.db.read.select().from(commandLog).where(eq(commandLog.eventId, event.id))).length;
    expect(chunks.reduce((sum, c) => sum + c.read, 0)).toBe(hers);

    expect(await hereOnly()).not.toContain("Amira Oldname");
    // The room's other records (the showcase saves) as they were; the other event's untouched.
    const afterScrub = await results();
    const rewritten = changed(afterRename, afterScrub);
    expect(rewritten.filter((key) => key.includes("cmd-here-") || key.includes("cmd-there-"))).toEqual([]);
    expect(rewritten).not.toContain("p:someone-elsewhere cmd-elsewhere");
    expect(afterScrub.get("p:someone-elsewhere cmd-elsewhere")).toContain("Amira Oldname");
    expect(await temp.db.read.select().from(commandLogScrubs)).toEqual([]);
  });

  it("a leave's scrub interrupted by a crash is finished by the next run, from where it stopped", async () => {
    await recordsNamingHer();
    await applied(amira, "event:leave", { deleteNotes: true });
    expect(await hereOnly()).toContain("Amira Oldname");

    let chunksBeforeCrash = 0;
    await expect(
      runCommandLogScrubs(temp.db, {
        chunkRecords: chunk,
        onChunk: () => {
          chunksBeforeCrash += 1;
          if (chunksBeforeCrash === 5) throw new Error("the process died");
        },
      }),
    ).rejects.toThrow("the process died");
    const [walk] = await temp.db.read.select().from(commandLogScrubWalks);
    expect(walk?.at).toBeGreaterThan(0);

    // The next sweep: it starts where the last committed chunk ended, not from the start.
    const chunks: { read: number; rewritten: number }[] = [];
    await runCommandLogScrubs(temp.db, { chunkRecords: chunk, onChunk: (c) => chunks.push(c) });
    const hers = (await temp.db.read.select().from(commandLog).where(eq(commandLog.eventId, event.id))).length;
    expect(chunks.reduce((sum, c) => sum + c.read, 0)).toBeLessThan(hers);
    expect(await hereOnly()).not.toMatch(/Amira Oldname|Shade/);
    expect(await temp.db.read.select().from(commandLogScrubs)).toEqual([]);
  });
});
