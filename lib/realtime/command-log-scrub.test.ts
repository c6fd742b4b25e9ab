import { eq, ne } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commandLog, notes, participants, teamMembers } from "@/db/schema";
import { pruneDeletedNotes } from "@/lib/notes/delete-note";
import { undoKeptMs } from "@/lib/notes/undo-rules";
import {
  addBoard,
  addParticipant,
  commandId,
  createAccount,
  createTestEvent,
  openTempDatabase,
  participantActor,
  staffActor,
} from "@/test/integration/support/fixtures";
import type { Actor } from "../auth/actor";
import { runCommandLogScrubs } from "./command-log-scrub-worker";
import type { CommandName } from "./contract";
import { executeCommand } from "./execute-command";
import { handlers } from "./handlers";

let temp: Awaited<ReturnType<typeof openTempDatabase>>;
let event: Awaited<ReturnType<typeof createTestEvent>>;
let staff: Actor;
beforeEach(async () => {
  temp = await openTempDatabase();
  const organiser = await createAccount(temp.db, "Organiser");
  event = await createTestEvent(temp.db, organiser.accountId);
  staff = staffActor(event.id, organiser.accountId);
});
afterEach(() => temp.cleanup());

const run = <N extends CommandName>(actor: Actor, name: N, envelope: { id: string; payload: unknown }) =>
  executeCommand({ db: temp.db, handlers }, actor, name, envelope);
/** Runs a command that must apply, and gives back its envelope (to send again) and its answer. */
async function applied<N extends CommandName>(actor: Actor, name: N, payload: unknown) {
  const envelope = { id: commandId(), payload };
  const first = await run(actor, name, envelope);
  if (!first.ack.ok) throw new Error(`${name}: ${first.ack.error.message}`);
  return { envelope, result: first.ack.result, broadcasts: first.broadcasts };
}
const theLog = async () => JSON.stringify(await temp.db.read.select().from(commandLog));

describe("the command log after someone is erased", () => {
  it("keeps none of their data in others' records, and answers those records' retries, once", async () => {
    const yaraId = await addParticipant(temp.db, event.id, "Yara Leaverson");
    await temp.db.transact((tx) =>
      tx
        .update(participants)
        .set({ skills: ["Hillcrest Academy", "juggling"] })
        .where(eq(participants.id, yaraId)),
    );
    const yara = participantActor(event.id, yaraId);
    const ben = participantActor(event.id, await addParticipant(temp.db, event.id, "Ben"));
    const team = (await applied(staff, "team:create", { name: "Parks" })).result.team.id;
    const shortlist = await addBoard(temp.db, event.id, "Shortlist");

    const hers = (
      await applied(yara, "note:create", {
        boardId: event.welcomeBoardId,
        column: event.welcomeColumn,
        text: "I walk past Acre Lane",
      })
    ).result.note;
    const bens = (
      await applied(ben, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: "Benches" })
    ).result.note;
    // Three records of others' commands, each holding something of hers.
    const move = await applied(staff, "participant:move", { participantId: yaraId, teamId: team });
    const copy = await applied(staff, "notes:copy", { toBoardId: shortlist, noteIds: [hers.id] });
    const group = await applied(ben, "note:group", { noteId: bens.id, withNoteId: hers.id });
    // Her notes stay (the weekend's outputs), so a copy sent again and applied would show as a second one.
    await applied(yara, "event:leave", { deleteNotes: false });
    await runCommandLogScrubs(temp.db);

    const log = await theLog();
    for (const hersOnly of ["Yara", "Leaverson", "Hillcrest", "juggling"]) expect(log).not.toContain(hersOnly);
    // Her words stay on the boards, by "Someone who left" (her leaving re-sent them so), and in
    // no record of what others did with them.
    const others = await temp.db.read
      .select()
      .from(commandLog)
      .where(ne(commandLog.actorKey, `p:${yaraId}`));
    expect(JSON.stringify(others)).not.toContain("Acre Lane");

    // Sent again within the replay window (a screen whose ack was lost): answered, not applied.
    const movedAgain = await run(staff, "participant:move", move.envelope);
    expect(movedAgain.ack).toMatchObject({ ok: true, duplicate: true });
    if (!movedAgain.ack.ok) throw new Error("unreachable");
    // What the console reads from the answer is still there: who, and where to.
    expect(movedAgain.ack.result.person).toMatchObject({ id: yaraId, teamId: team, name: "", skills: ["", ""] });
    expect(movedAgain.ack.result.fromTeamId).toBeNull();
    expect(movedAgain.broadcasts).toEqual([]);
    expect(await temp.db.read.select().from(teamMembers).where(eq(teamMembers.participantId, yaraId))).toEqual([]);

    const copiedAgain = await run(staff, "notes:copy", copy.envelope);
    expect(copiedAgain.ack).toMatchObject({ ok: true, duplicate: true });
    if (!copiedAgain.ack.ok) throw new Error("unreachable");
    expect(copiedAgain.ack.result.notes.map((n) => n.id)).toEqual(copy.result.notes.map((n) => n.id));
    expect(copiedAgain.ack.result.notes[0]?.text).toBe("");
    expect(await temp.db.read.select().from(notes).where(eq(notes.boardId, shortlist))).toHaveLength(1);

    const groupedAgain = await run(ben, "note:group", group.envelope);
    expect(groupedAgain.ack).toMatchObject({ ok: true, duplicate: true, result: { group: { id: group.result.group.id } } });
    expect(groupedAgain.broadcasts).toEqual([]);
  });
});

describe("the command log after a note is deleted for good", () => {
  it("keeps its words while it can be undone, and none of them once the undo has run out", async () => {
    const amira = participantActor(event.id, await addParticipant(temp.db, event.id, "Amira"));
    const ben = participantActor(event.id, await addParticipant(temp.db, event.id, "Ben"));
    const note = (
      await applied(amira, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: "12 Acre Lane" })
    ).result.note;
    const edited = await applied(amira, "note:update", {
      noteId: note.id,
      baseVersion: note.version,
      text: "12 Acre Lane, flat 3, call my mum",
    });
    await applied(staff, "note:update", {
      noteId: note.id,
      baseVersion: edited.result.note.version,
      text: "12 Acre Lane, flat 3, call my mum on 07700 900123",
    });
    const bens = (
      await applied(ben, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: "Benches" })
    ).result.note;
    const group = await applied(ben, "note:group", { noteId: bens.id, withNoteId: note.id });
    const deletedAt = Date.now();
    await applied(amira, "note:delete", { noteId: note.id });

    // Still undoable: nothing is taken out yet.
    await pruneDeletedNotes(temp.db, deletedAt);
    await runCommandLogScrubs(temp.db);
    expect(await theLog()).toContain("Acre Lane");

    await pruneDeletedNotes(temp.db, deletedAt + undoKeptMs + 1_000);
    await runCommandLogScrubs(temp.db);
    expect(await theLog()).not.toContain("Acre Lane");
    // Records that never mention it are left as they were.
    expect(await theLog()).toContain("Benches");
    const groupedAgain = await run(ben, "note:group", group.envelope);
    expect(groupedAgain.ack).toMatchObject({ ok: true, duplicate: true, result: { group: { id: group.result.group.id } } });
  });
});

describe("the command log after a rename", () => {
  // A name is never searched for as text: ":" or "\",\"" would match the JSON of every record.
  it.each([":", ",", '","', "id"])(
    "named %j and renamed, every other record is answered on retry exactly as first",
    async (odd) => {
      const amiraId = await addParticipant(temp.db, event.id, "Amira Oldname");
      const amira = participantActor(event.id, amiraId);
      const ben = participantActor(event.id, await addParticipant(temp.db, event.id, "Ben"));
      await applied(amira, "profile:update", { ageBand: "18_plus" });
      await applied(amira, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: "Shade" });
      const bens = await applied(ben, "note:create", {
        boardId: event.welcomeBoardId,
        column: event.welcomeColumn,
        text: "Benches",
      });
      const team = await applied(staff, "team:create", { name: "Parks" });
      const skilled = await applied(ben, "profile:update", { skills: ["cooking", "maps"] });

      await applied(amira, "profile:update", { displayName: odd, ageBand: "18_plus" });
      await applied(amira, "profile:update", { displayName: "Amira", ageBand: "18_plus" });
      await runCommandLogScrubs(temp.db);

      expect(await theLog()).not.toContain("Amira Oldname");
      const bensAgain = await run(ben, "note:create", bens.envelope);
      expect(bensAgain.ack).toEqual({ ok: true, duplicate: true, result: bens.result });
      const teamAgain = await run(staff, "team:create", team.envelope);
      expect(teamAgain.ack).toEqual({ ok: true, duplicate: true, result: team.result });
      const skilledAgain = await run(ben, "profile:update", skilled.envelope);
      expect(skilledAgain.ack).toEqual({ ok: true, duplicate: true, result: skilled.result });
    },
  );

  it("leaves another person of the same name as they were", async () => {
    const first = participantActor(event.id, await addParticipant(temp.db, event.id, "Sam Smith"));
    const secondId = await addParticipant(temp.db, event.id, "Sam Smith");
    const second = participantActor(event.id, secondId);
    await applied(first, "profile:update", { ageBand: "18_plus" });
    await applied(first, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: "Shade" });
    const secondsProfile = await applied(second, "profile:update", { ageBand: "18_plus" });
    const secondsNote = await applied(second, "note:create", {
      boardId: event.welcomeBoardId,
      column: event.welcomeColumn,
      text: "Benches",
    });
    const team = (await applied(staff, "team:create", { name: "Parks" })).result.team.id;
    const moved = await applied(staff, "participant:move", { participantId: secondId, teamId: team });

    await applied(first, "profile:update", { displayName: "Sam Jones", ageBand: "18_plus" });
    await runCommandLogScrubs(temp.db);

    // The other Sam's records, and a facilitator's about them, still say who they are: not the
    // first Sam's new name, nor emptied.
    for (const [actor, name, sent] of [
      [second, "profile:update", secondsProfile],
      [second, "note:create", secondsNote],
      [staff, "participant:move", moved],
    ] as const) {
      const again = await run(actor, name, sent.envelope);
      expect(again.ack).toEqual({ ok: true, duplicate: true, result: sent.result });
    }
    expect(JSON.stringify(secondsNote.result)).toContain('"Sam Smith"');
    expect(JSON.stringify(moved.result)).toContain('"Sam Smith"');
  });
});
