import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { commandLog, deletedNotes } from "@/db/schema";
import type { BoardState } from "@/lib/boards/board-state";
import { pruneDeletedNotes } from "@/lib/notes/delete-note";
import { undoKeptMs } from "@/lib/notes/undo-rules";
import { runCommandLogScrubs } from "@/lib/realtime/command-log-scrub-worker";
import { followBoard, until } from "./support/board-follow";
import { clientsFor, ok, participantCookie, send, staffCookie } from "./support/clients";
import { addParticipant, createAccount, createTestEvent } from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/server";

let t: TestServer;
let clients: ReturnType<typeof clientsFor>;
let organiser: Awaited<ReturnType<typeof createAccount>>;
let event: Awaited<ReturnType<typeof createTestEvent>>;

beforeAll(async () => {
  t = await startTestServer();
  organiser = await createAccount(t.server.db, "Organiser");
});
afterAll(() => t.dispose());
beforeEach(async () => {
  clients = clientsFor(t.url);
  event = await createTestEvent(t.server.db, organiser.accountId);
});
afterEach(() => clients.closeAll());

async function participant(name: string) {
  const id = await addParticipant(t.server.db, event.id, name);
  return clients.connect({ eventId: event.id, cookie: participantCookie(event.id, id) });
}
const facilitator = () => clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });

const shape = (s: BoardState | null) =>
  Object.values(s?.notes ?? {})
    .map((n) => `${n.text}|${n.column}|${n.position}|${n.groupId ? (s?.groups[n.groupId]?.title ?? "?") : "-"}`)
    .sort();

/** Amira's note and Ben's on the welcome wall, grouped by a facilitator. */
async function aGroupOfTwo() {
  const amira = await participant("Amira");
  const ben = await participant("Ben");
  const staff = await facilitator();
  const boardId = event.welcomeBoardId;
  const column = event.welcomeColumn;
  const first = (await ok(amira, "note:create", { boardId, column, text: "Bus stop benches" })).note;
  const second = (await ok(ben, "note:create", { boardId, column, text: "Shade in the square" })).note;
  const { group } = await ok(staff, "note:group", { noteId: first.id, withNoteId: second.id });
  return { amira, ben, staff, boardId, column, first, second, group };
}

describe("undo of a deleted note", () => {
  it("brings the note back with its text, place and group, on every screen; only for whoever deleted it", async () => {
    const { amira, ben, staff, boardId, first, second, group } = await aGroupOfTwo();
    await ok(staff, "group:rename", { groupId: group.id, title: "Places to sit" });
    const { round } = await ok(staff, "vote:open", { boardId, dotsPerPerson: 2, maxPerTarget: 1 });
    await ok(ben, "vote:cast", { roundId: round.id, targetId: first.id });

    const bensScreen = followBoard(ben, boardId);
    await bensScreen.resync();
    const before = shape(bensScreen.current);
    expect(before).toHaveLength(2);
    expect(before.every((n) => n.endsWith("|Places to sit"))).toBe(true);

    // Deleting the second-last note of a group dissolves the group: undo must make it again.
    await ok(amira, "note:delete", { noteId: first.id });
    await until(() => !bensScreen.current?.notes[first.id], "the delete on Ben's screen");
    expect((await ok(ben, "vote:state", { boardId })).mine).toEqual({});
    await until(() => bensScreen.current?.notes[second.id]?.groupId === null, "the group dissolved on Ben's screen");

    const notMine = await send(ben, "note:restore", { noteId: first.id });
    expect(notMine).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(notMine.error?.message).toMatch(/Only the person who deleted a note can undo it/);

    const restored = await ok(amira, "note:restore", { noteId: first.id });
    expect(restored.note).toMatchObject({ id: first.id, text: "Bus stop benches", groupId: group.id });
    await until(() => shape(bensScreen.current).join() === before.join(), "the note back on Ben's screen, in its group");
    expect(bensScreen.current?.groups[group.id]?.title).toBe("Places to sit");

    // The same as a fresh load. The dot Ben gave it went back to him with the delete; he had not
    // spent it again, so the undo puts it back on the note.
    const fresh = await ok(staff, "board:open", { boardId });
    expect(fresh.notes.map((n) => `${n.text}|${n.groupId}`).sort()).toEqual([
      `Bus stop benches|${group.id}`,
      `Shade in the square|${group.id}`,
    ]);
    const votes = await ok(ben, "vote:state", { boardId });
    expect(votes.mine).toEqual({ [first.id]: 1 });

    // Undo is once: the note is back, and the kept copy is gone.
    const again = await send(amira, "note:restore", { noteId: first.id });
    expect(again).toMatchObject({ ok: false, error: { code: "conflict", message: "That note is already on the board." } });
  });

  it("brings a note back on its own when nobody is left of the group its delete dissolved, and the group's dots stay with their voters", async () => {
    const { amira, ben, staff, boardId, column, first, second, group } = await aGroupOfTwo();
    const third = (await ok(ben, "note:create", { boardId, column, text: "Water fountains" })).note;
    const { round } = await ok(staff, "vote:open", { boardId, dotsPerPerson: 2, maxPerTarget: 1, targets: "groups" });
    await ok(ben, "vote:cast", { roundId: round.id, targetId: group.id });

    const bensScreen = followBoard(ben, boardId);
    await bensScreen.resync();
    // Amira's delete dissolves the group; before she undoes it, Ben groups the note left with another.
    await ok(amira, "note:delete", { noteId: first.id });
    const elsewhere = await ok(ben, "note:group", { noteId: second.id, withNoteId: third.id });

    const restored = await ok(amira, "note:restore", { noteId: first.id });
    expect(restored.note).toMatchObject({ id: first.id, groupId: null });
    expect(restored.group).toBeNull();
    await until(() => bensScreen.current?.notes[first.id]?.groupId === null, "the note back on Ben's screen, on its own");
    const fresh = await ok(staff, "board:open", { boardId });
    expect(fresh.groups.map((g) => g.id)).toEqual([elsewhere.group.id]);
    expect(fresh.notes.find((n) => n.id === first.id)?.groupId).toBeNull();
    expect(bensScreen.current?.groups[group.id]).toBeUndefined();
    // The dot Ben gave the group went back to him with the delete, and stays his to spend.
    expect((await ok(ben, "vote:state", { boardId })).mine).toEqual({});
  });

  it("refuses an undo once the note is gone for good", async () => {
    const amira = await participant("Amira");
    const note = (
      await ok(amira, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: "Old idea" })
    ).note;
    await ok(amira, "note:delete", { noteId: note.id });
    // As if the minute had passed: the kept copy says it was deleted long ago.
    await t.server.db.transact((tx) => tx.update(deletedNotes).set({ deletedAt: Date.now() - undoKeptMs - 1_000 }));
    const late = await send(amira, "note:restore", { noteId: note.id });
    expect(late).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(late.error?.message).toMatch(/Too late to undo/);
    const board = await ok(amira, "board:open", { boardId: event.welcomeBoardId });
    expect(board.notes.map((n) => n.text)).not.toContain("Old idea");
  });

  it("forgets a deleted note's text once its undo has run out, without waiting for another delete", async () => {
    const amira = await participant("Amira");
    const note = (
      await ok(amira, "note:create", {
        boardId: event.welcomeBoardId,
        column: event.welcomeColumn,
        text: "12 Acre Lane, call my mum",
      })
    ).note;
    await ok(amira, "note:delete", { noteId: note.id });
    await pruneDeletedNotes(t.server.db);
    expect(await t.server.db.read.select().from(deletedNotes).where(eq(deletedNotes.noteId, note.id))).toHaveLength(1);
    await pruneDeletedNotes(t.server.db, Date.now() + undoKeptMs + 1_000);
    expect(await t.server.db.read.select().from(deletedNotes).where(eq(deletedNotes.noteId, note.id))).toHaveLength(0);
  });

  it("keeps nothing to undo of someone who left with their notes deleted, or whose notes staff cleared", async () => {
    const amira = await participant("Amira");
    const board = event.welcomeBoardId;
    const gone = (
      await ok(amira, "note:create", { boardId: board, column: event.welcomeColumn, text: "Amira's private thought" })
    ).note;
    await ok(amira, "note:delete", { noteId: gone.id });
    const ben = await participant("Ben");
    const bens = (await ok(ben, "note:create", { boardId: board, column: event.welcomeColumn, text: "Ben's flood" })).note;
    await ok(ben, "note:delete", { noteId: bens.id });
    expect(await t.server.db.read.select().from(deletedNotes)).toHaveLength(2);

    await ok(amira, "event:leave", { deleteNotes: true });
    const staff = await facilitator();
    const people = await ok(staff, "participants:details", {});
    const benId = people.people.find((p) => p.displayName === "Ben")?.participantId;
    if (!benId) throw new Error("Ben not listed");
    await ok(staff, "participant:notes-delete", { participantId: benId });
    await runCommandLogScrubs(t.server.db);
    expect(JSON.stringify(await t.server.db.read.select().from(deletedNotes))).not.toMatch(/Amira's private thought|Ben's flood/);
    // Nor do the records of the commands that wrote them (Ben's own included: his retries still come).
    expect(JSON.stringify(await t.server.db.read.select().from(commandLog))).not.toMatch(/Amira's private thought|Ben's flood/);
  });
});
