import { eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { commandLog, notes } from "@/db/schema";
import { eraseDueNotes, eraseLaterWindowMs } from "@/lib/notes/erase-later";
import { until } from "./support/board-follow";
import { clientsFor, ok, participantCookie, staffCookie, type TestSocket } from "./support/clients";
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

async function participant(name: string, ageBand: Parameters<typeof addParticipant>[3] = "18_plus") {
  const id = await addParticipant(t.server.db, event.id, name, ageBand);
  return { id, socket: await clients.connect({ eventId: event.id, cookie: participantCookie(event.id, id) }) };
}
const facilitator = () => clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });

/** Everything a screen hears, in order. */
function listen(socket: TestSocket) {
  const heard: string[] = [];
  socket.onAny((name: string, data: unknown) => heard.push(`${name} ${JSON.stringify(data)}`));
  return heard;
}

const rowsOf = (ids: string[]) => t.server.db.read.select().from(notes).where(inArray(notes.id, ids));

describe("a leaver's unsigned notes", () => {
  it("go each at its own moment after they leave, not with their leaving; their signed notes go at once", async () => {
    const staff = await facilitator();
    await ok(staff, "board:update", { boardId: event.welcomeBoardId, anonymous: true });
    const named = (await ok(staff, "board:create", { title: "Ideas", template: "ideas" })).board;
    const amira = await participant("Amira");
    const ben = await participant("Ben");
    const write = (boardId: string, column: string, text: string) =>
      ok(amira.socket, "note:create", { boardId, column, text }).then((r) => r.note);
    const unsigned = [
      await write(event.welcomeBoardId, event.welcomeColumn, "The underpass scares me"),
      await write(event.welcomeBoardId, event.welcomeColumn, "More benches"),
    ];
    const signed = await write(named.id, named.columns[0]!.key, "A mural");
    // A copy of an unsigned note to a board that names people stays unsigned: it waits too.
    const copy = (await ok(staff, "notes:copy", { toBoardId: named.id, noteIds: [unsigned[0]!.id] })).notes[0]!;
    for (const boardId of [event.welcomeBoardId, named.id]) await ok(ben.socket, "board:open", { boardId });
    await ok(ben.socket, "teams:snapshot", {});
    const heard = listen(ben.socket);

    const leftAt = Date.now();
    expect(await ok(amira.socket, "event:leave", { deleteNotes: true })).toEqual({ notesDeleted: 4 });
    await until(() => heard.some((m) => m.startsWith("participant:left")), "Ben's phone told Amira left");
    await until(() => heard.some((m) => m.startsWith("note:deleted") && m.includes(signed.id)), "her signed note gone");

    // Her unsigned notes and the copy are still there, as the room saw them, each with its own moment.
    const waiting = [...unsigned.map((n) => n.id), copy.id];
    expect(heard.filter((m) => waiting.some((id) => m.includes(id)))).toEqual([]);
    const rows = await rowsOf(waiting);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row.eraseAt).toBeGreaterThanOrEqual(leftAt + eraseLaterWindowMs.from);
      expect(row.eraseAt).toBeLessThanOrEqual(Date.now() + eraseLaterWindowMs.to);
    }
    const reopened = await ok(ben.socket, "board:open", { boardId: event.welcomeBoardId });
    expect(reopened.notes.map((n) => [n.text, n.authorName])).toEqual(
      expect.arrayContaining([
        ["The underpass scares me", null],
        ["More benches", null],
      ]),
    );

    // Meanwhile a facilitator moves one: the record of it holds its words, until it goes.
    await ok(staff, "note:move", { noteId: unsigned[0]!.id, column: event.welcomeColumn, beforeNoteId: null });

    // One's moment comes: that note goes from the open screens, the others stay.
    await t.server.db.transact((tx) =>
      tx
        .update(notes)
        .set({ eraseAt: Date.now() - 1 })
        .where(eq(notes.id, unsigned[1]!.id)),
    );
    await until(
      () => heard.some((m) => m.startsWith("note:deleted") && m.includes(unsigned[1]!.id)),
      "the note gone at its moment",
      20_000,
    );
    expect((await rowsOf(waiting)).map((r) => r.id).sort()).toEqual([unsigned[0]!.id, copy.id].sort());

    // After the window, nothing of hers is left.
    await eraseDueNotes(t.server.db, Date.now() + eraseLaterWindowMs.to + 1);
    expect(await rowsOf(waiting)).toEqual([]);
    const text = JSON.stringify(await t.server.db.read.select().from(notes));
    expect(text).not.toMatch(/underpass|More benches|A mural/);
    // Nor in any record of what was done with them, before she left or since.
    expect(JSON.stringify(await t.server.db.read.select().from(commandLog))).not.toMatch(/underpass|More benches|A mural/);
  });

  it("stay if they leave without asking for their notes to go", async () => {
    const staff = await facilitator();
    await ok(staff, "board:update", { boardId: event.welcomeBoardId, anonymous: true });
    const amira = await participant("Amira");
    const note = (
      await ok(amira.socket, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: "Stays" })
    ).note;
    expect(await ok(amira.socket, "event:leave", { deleteNotes: false })).toEqual({ notesDeleted: 0 });
    await eraseDueNotes(t.server.db, Date.now() + eraseLaterWindowMs.to + 1);
    expect((await rowsOf([note.id])).map((r) => [r.text, r.eraseAt])).toEqual([["Stays", null]]);
  });
});

describe("a young leaver's pins on a map", () => {
  it("go each at its own moment, with their copies, not with their leaving; an adult's go at once", async () => {
    const staff = await facilitator();
    const map = (await ok(staff, "board:create", { title: "Our streets", template: "map" })).board;
    const named = (await ok(staff, "board:create", { title: "Ideas", template: "ideas" })).board;
    const kid = await participant("Zara", "under_16");
    const adult = await participant("Amira");
    const ben = await participant("Ben");
    const pin = (socket: TestSocket, text: string) =>
      ok(socket, "note:create", { boardId: map.id, column: map.columns[0]!.key, text, pin: { x: 0.2, y: 0.3 } }).then(
        (r) => r.note,
      );
    const pins = [await pin(kid.socket, "My school"), await pin(kid.socket, "My way home")];
    const signed = (await ok(kid.socket, "note:create", { boardId: named.id, column: named.columns[0]!.key, text: "A mural" }))
      .note;
    const copy = (await ok(staff, "notes:copy", { toBoardId: named.id, noteIds: [pins[0]!.id] })).notes[0]!;
    const adults = await pin(adult.socket, "The bus stop");
    for (const boardId of [map.id, named.id]) await ok(ben.socket, "board:open", { boardId });
    await ok(ben.socket, "teams:snapshot", {});
    const heard = listen(ben.socket);

    const leftAt = Date.now();
    expect(await ok(kid.socket, "event:leave", { deleteNotes: true })).toEqual({ notesDeleted: 4 });
    await until(() => heard.some((m) => m.startsWith("participant:left")), "Ben's phone told Zara left");
    await until(() => heard.some((m) => m.startsWith("note:deleted") && m.includes(signed.id)), "her signed note gone");
    const waiting = [...pins.map((n) => n.id), copy.id];
    expect(heard.filter((m) => waiting.some((id) => m.includes(id)))).toEqual([]);
    const rows = await rowsOf(waiting);
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row.eraseAt).toBeGreaterThanOrEqual(leftAt + eraseLaterWindowMs.from);

    // An adult's pins were signed: they go with their leaving, as any signed note.
    expect(await ok(adult.socket, "event:leave", { deleteNotes: true })).toEqual({ notesDeleted: 1 });
    expect(await rowsOf([adults.id])).toEqual([]);
  });
});

describe("what staff see of whose notes", () => {
  it("count no young person's pins on a map, and clear them at once with the rest (abuse goes now)", async () => {
    const staff = await facilitator();
    const map = (await ok(staff, "board:create", { title: "Our streets", template: "map" })).board;
    const named = (await ok(staff, "board:create", { title: "Ideas", template: "ideas" })).board;
    const kid = await participant("Zara", "16_17");
    const ben = await participant("Ben");
    const count = async () => {
      const { people, unsignedNotes } = await ok(staff, "participants:details", {});
      return { notes: people.find((p) => p.participantId === kid.id)?.notes, unsignedNotes };
    };
    const signed = (await ok(kid.socket, "note:create", { boardId: named.id, column: named.columns[0]!.key, text: "A mural" }))
      .note;
    expect(await count()).toEqual({ notes: 1, unsignedNotes: false });
    const pin = (
      await ok(kid.socket, "note:create", { boardId: map.id, column: map.columns[0]!.key, text: "Home", pin: { x: 0.1, y: 0.1 } })
    ).note;
    const copy = (await ok(staff, "notes:copy", { toBoardId: named.id, noteIds: [pin.id] })).notes[0]!;
    expect(await count()).toEqual({ notes: 1, unsignedNotes: true });

    for (const boardId of [map.id, named.id]) await ok(ben.socket, "board:open", { boardId });
    const heard = listen(ben.socket);
    expect(await ok(staff, "participant:notes-delete", { participantId: kid.id })).toEqual({ notesDeleted: 3 });
    for (const id of [signed.id, pin.id, copy.id]) {
      await until(
        () => heard.some((m) => m.startsWith("note:deleted") && m.includes(id)),
        "each of her notes gone from Ben's screen",
      );
    }
    expect(await t.server.db.read.select().from(notes).where(eq(notes.authorParticipantId, kid.id))).toEqual([]);
  });

  it("the people list counts only notes the room sees signed; clearing someone's notes still takes their unsigned ones", async () => {
    const staff = await facilitator();
    const named = (await ok(staff, "board:create", { title: "Ideas", template: "ideas" })).board;
    const amira = await participant("Amira");
    const count = async () => {
      const { people, unsignedNotes } = await ok(staff, "participants:details", {});
      return { notes: people.find((p) => p.participantId === amira.id)?.notes, unsignedNotes };
    };
    await ok(amira.socket, "note:create", { boardId: named.id, column: named.columns[0]!.key, text: "A mural" });
    expect(await count()).toEqual({ notes: 1, unsignedNotes: false });

    // On an anonymous board, and a copy of it elsewhere: nobody's count moves, or the count
    // would say whose the new unsigned note is. The list says only that such notes exist.
    await ok(staff, "board:update", { boardId: event.welcomeBoardId, anonymous: true });
    const unsigned = (
      await ok(amira.socket, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: "Scared" })
    ).note;
    await ok(staff, "notes:copy", { toBoardId: named.id, noteIds: [unsigned.id] });
    expect(await count()).toEqual({ notes: 1, unsignedNotes: true });

    expect(await ok(staff, "participant:notes-delete", { participantId: amira.id })).toEqual({ notesDeleted: 3 });
    expect(await t.server.db.read.select().from(notes).where(eq(notes.authorParticipantId, amira.id))).toEqual([]);
    expect(await count()).toEqual({ notes: 0, unsignedNotes: false });
  });
});

describe("a leaver's signed notes", () => {
  it("go at once, and a group left with one note by them is no group", async () => {
    const staff = await facilitator();
    const named = (await ok(staff, "board:create", { title: "Ideas", template: "ideas" })).board;
    const column = named.columns[0]!.key;
    const amira = await participant("Amira");
    const ben = await participant("Ben");
    const hers = (await ok(amira.socket, "note:create", { boardId: named.id, column, text: "A mural" })).note;
    const his = (await ok(ben.socket, "note:create", { boardId: named.id, column, text: "A bench" })).note;
    const { group } = await ok(staff, "note:group", { noteId: hers.id, withNoteId: his.id });
    await ok(ben.socket, "board:open", { boardId: named.id });
    const heard = listen(ben.socket);

    expect(await ok(amira.socket, "event:leave", { deleteNotes: true })).toEqual({ notesDeleted: 1 });
    await until(
      () => heard.some((m) => m.startsWith("group:removed") && m.includes(group.id)),
      "the group gone from Ben's board",
    );
    const board = await ok(ben.socket, "board:open", { boardId: named.id });
    expect(board.groups).toEqual([]);
    expect(board.notes.map((n) => [n.text, n.groupId])).toEqual([["A bench", null]]);
  });
});

it("logged no failures", () => {
  expect(t.logs).toEqual([]);
});
