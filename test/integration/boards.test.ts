import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { boards, noteGroups, notes, participants, roomSequences, teamMembers, teams } from "@/db/schema";
import { eventsOfAck } from "@/lib/boards/ack-events";
import { applyBoardEvent, type BoardState, fromSnapshot } from "@/lib/boards/board-state";
import { teamBoardLimit } from "@/lib/boards/create-board";
import { parseEventExport } from "@/lib/exports/export-schema";
import { importEvent } from "@/lib/exports/import-event";
import { loadEventExport } from "@/lib/exports/load-event-export";
import { notesOfBoard, toWire } from "@/lib/notes/note-views";
import { rooms, type WireNote } from "@/lib/realtime/contract";
import { followBoard, until } from "./support/board-follow";
import { clientsFor, ok, participantCookie, send, staffCookie } from "./support/clients";
import { addBoard, addParticipant, addStaff, createAccount, createTestEvent } from "./support/fixtures";
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
  return { id, socket: await clients.connect({ eventId: event.id, cookie: participantCookie(event.id, id) }) };
}
const facilitator = () => clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
/** Every message Ben's phone receives, and the welcome board as his screen holds it. */
async function listenAsBen(socket: Awaited<ReturnType<typeof facilitator>>) {
  const heard: string[] = [];
  socket.onAny((name: string, data: unknown) => heard.push(`${name} ${JSON.stringify(data)}`));
  const bensView = followBoard(socket, event.welcomeBoardId);
  await bensView.resync();
  return { heard, bensView };
}

const comparable = (s: BoardState | null) =>
  Object.values(s?.notes ?? {})
    .map((n) => `${n.id}|${n.column}|${n.position}|${n.text}|${n.groupId}|${n.version}`)
    .sort();

describe("boards", () => {
  it("50 phones adding and moving notes at once end with identical boards", async () => {
    const phones = await Promise.all(Array.from({ length: 50 }, (_, i) => participant(`Person ${i}`)));
    const views = phones.map((p) => followBoard(p.socket, event.welcomeBoardId));
    await Promise.all(views.map((v) => v.resync()));

    const created = await Promise.all(
      phones.flatMap((p, i) => [
        ok(p.socket, "note:create", {
          boardId: event.welcomeBoardId,
          column: event.welcomeColumn,
          text: `Idea ${i}a`,
        }),
        ok(p.socket, "note:create", {
          boardId: event.welcomeBoardId,
          column: event.welcomeColumn,
          text: `Idea ${i}b`,
        }),
      ]),
    );
    // Everyone reorders at once: each moves their first note to the top.
    await Promise.all(
      phones.map((p, i) =>
        ok(p.socket, "note:move", {
          noteId: created[i * 2]?.note.id ?? "",
          column: event.welcomeColumn,
          beforeNoteId: created[0]?.note.id === created[i * 2]?.note.id ? null : (created[0]?.note.id ?? null),
        }),
      ),
    );

    const [{ seq } = { seq: 0 }] = await t.server.db.read
      .select()
      .from(roomSequences)
      .where(eq(roomSequences.room, rooms.board(event.welcomeBoardId)));
    await until(() => views.every((v) => v.lastSeq === seq), "every phone to reach the last message");
    const truth = fromSnapshot(await ok(await facilitator(), "board:open", { boardId: event.welcomeBoardId }));
    expect(Object.keys(truth.notes)).toHaveLength(100);
    for (const v of views) expect(comparable(v.current)).toEqual(comparable(truth));
  });

  it("hides other people's notes until the facilitator reveals the board", async () => {
    const staff = await facilitator();
    await ok(staff, "board:update", { boardId: event.welcomeBoardId, hiddenUntilReveal: true });
    const amira = await participant("Amira");
    const ben = await participant("Ben");
    const bensView = followBoard(ben.socket, event.welcomeBoardId);
    await bensView.resync();

    await ok(amira.socket, "note:create", {
      boardId: event.welcomeBoardId,
      column: event.welcomeColumn,
      text: "Amira's secret idea",
    });
    await ok(ben.socket, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: "Ben's idea" });
    await until(
      () =>
        Object.values(bensView.current?.notes ?? {}).some((n) => n.text === "Ben's idea") &&
        Object.keys(bensView.current?.notes ?? {}).length === 2,
      "both notes on Ben's screen, his own readable",
    );
    const seen = Object.values(bensView.current?.notes ?? {});
    expect(seen.find((n) => n.text === "Ben's idea")?.hidden).toBe(false);
    expect(seen.filter((n) => n.hidden)).toHaveLength(1);
    expect(JSON.stringify(bensView.current)).not.toContain("Amira's secret idea");

    await ok(staff, "board:reveal", { boardId: event.welcomeBoardId });
    const after = fromSnapshot(await ok(ben.socket, "board:open", { boardId: event.welcomeBoardId }));
    expect(
      Object.values(after.notes)
        .map((n) => n.text)
        .sort(),
    ).toEqual(["Amira's secret idea", "Ben's idea"]);
  });

  it("keeps a group's title hidden with its notes until the reveal, and lets nobody arrange notes they cannot read", async () => {
    const staff = await facilitator();
    await ok(staff, "board:update", { boardId: event.welcomeBoardId, hiddenUntilReveal: true });
    const amira = await participant("Amira");
    const ben = await participant("Ben");
    const { heard, bensView } = await listenAsBen(ben.socket);
    const place = { boardId: event.welcomeBoardId, column: event.welcomeColumn };
    const first = (await ok(amira.socket, "note:create", { ...place, text: "Bins on Acre Lane" })).note;
    const second = (await ok(amira.socket, "note:create", { ...place, text: "Foxes at night" })).note;
    const bens = (await ok(ben.socket, "note:create", { ...place, text: "A bench" })).note;

    const grouped = await ok(amira.socket, "note:group", { noteId: second.id, withNoteId: first.id });
    const renamed = await ok(amira.socket, "group:rename", { groupId: grouped.group.id, title: "SECRETGROUP" });
    expect(renamed.group.title).toBe("SECRETGROUP");
    await until(() => bensView.current?.groups[grouped.group.id] !== undefined, "the group on Ben's screen");
    // Amira reads her own group's title on a fresh look; Ben, the projector and the console do not.
    const amirasLook = await ok(amira.socket, "board:open", { boardId: event.welcomeBoardId });
    expect(amirasLook.groups).toContainEqual({ id: grouped.group.id, title: "SECRETGROUP" });
    const bensLook = await ok(ben.socket, "board:open", { boardId: event.welcomeBoardId });
    expect(bensLook.groups).toContainEqual({ id: grouped.group.id, title: "", hidden: true });
    const staffLook = await ok(staff, "board:open", { boardId: event.welcomeBoardId });
    expect(JSON.stringify(staffLook)).not.toContain("SECRETGROUP");
    // Staff moderating read it as they read hidden notes, on their own query; a participant may not ask.
    const forStaff = await ok(staff, "board:hidden-notes", { boardId: event.welcomeBoardId });
    expect(forStaff.groups).toEqual([{ id: grouped.group.id, title: "SECRETGROUP" }]);

    // Ben cannot move, group, ungroup or name what he cannot read; nothing changes.
    const refusals = [
      await send(ben.socket, "note:move", { noteId: first.id, column: event.welcomeColumn, beforeNoteId: null }),
      await send(ben.socket, "note:group", { noteId: bens.id, withNoteId: first.id }),
      await send(ben.socket, "note:group", { noteId: first.id, withNoteId: bens.id }),
      await send(ben.socket, "note:ungroup", { noteId: first.id }),
      await send(ben.socket, "group:rename", { groupId: grouped.group.id, title: "Mine now" }),
    ];
    for (const refusal of refusals) expect(refusal).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const [still] = await t.server.db.read.select().from(notes).where(eq(notes.id, first.id));
    expect(still).toMatchObject({ groupId: grouped.group.id, position: first.position });
    const [group] = await t.server.db.read.select().from(noteGroups).where(eq(noteGroups.id, grouped.group.id));
    expect(group?.title).toBe("SECRETGROUP");
    // His own note he moves as before, and staff arrange anyone's.
    await ok(ben.socket, "note:move", { noteId: bens.id, column: event.welcomeColumn, beforeNoteId: null });
    await ok(staff, "note:move", { noteId: second.id, column: event.welcomeColumn, beforeNoteId: null });

    expect(heard.join("\n")).not.toContain("SECRETGROUP");
    expect(JSON.stringify(bensView.current)).not.toContain("SECRETGROUP");

    // The reveal shows the title to everyone; staff's query has no hidden title left to give.
    await ok(staff, "board:reveal", { boardId: event.welcomeBoardId });
    const after = await ok(ben.socket, "board:open", { boardId: event.welcomeBoardId });
    expect(after.groups).toContainEqual({ id: grouped.group.id, title: "SECRETGROUP" });
    expect((await ok(staff, "board:hidden-notes", { boardId: event.welcomeBoardId })).groups).toEqual([]);
  });

  it("lets staff read hidden notes before the reveal and hide one from the room, its author told, every screen following", async () => {
    const staff = await facilitator();
    await ok(staff, "board:update", { boardId: event.welcomeBoardId, hiddenUntilReveal: true });
    const amira = await participant("Amira");
    const ben = await participant("Ben");
    const amirasView = followBoard(amira.socket, event.welcomeBoardId);
    const bensView = followBoard(ben.socket, event.welcomeBoardId);
    await Promise.all([amirasView.resync(), bensView.resync()]);
    const rude = (
      await ok(amira.socket, "note:create", {
        boardId: event.welcomeBoardId,
        column: event.welcomeColumn,
        text: "Something rude",
      })
    ).note;
    await ok(ben.socket, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: "Ben's idea" });

    // Before the reveal: staff read both (the room's copies carry no text); a participant may not ask.
    const forStaff = await ok(staff, "board:hidden-notes", { boardId: event.welcomeBoardId });
    expect(forStaff.notes.map((n) => n.text).sort()).toEqual(["Ben's idea", "Something rude"]);
    expect(await send(ben.socket, "board:hidden-notes", { boardId: event.welcomeBoardId })).toMatchObject({
      ok: false,
      error: { code: "forbidden" },
    });

    // Hidden from the room, then the reveal: everyone sees Ben's idea, only Amira (and staff) the other.
    const hid = await ok(staff, "note:withhold", { noteId: rude.id, withheld: true });
    expect(hid.note).toMatchObject({ hidden: true, withheld: true, text: "" });
    await ok(staff, "board:reveal", { boardId: event.welcomeBoardId });
    await until(() => bensView.current?.board.revealed === true, "Ben's screen to follow the reveal");
    await bensView.resync();
    const bens = Object.values(bensView.current?.notes ?? {});
    expect(bens.find((n) => n.id === rude.id)).toMatchObject({ hidden: true, withheld: true, text: "" });
    expect(bens.filter((n) => !n.hidden).map((n) => n.text)).toEqual(["Ben's idea"]);
    expect(JSON.stringify(bensView.current)).not.toContain("Something rude");
    await until(() => amirasView.current?.notes[rude.id]?.withheld === true, "Amira's screen to say her note was hidden");
    expect(amirasView.current?.notes[rude.id]).toMatchObject({ text: "Something rude", hidden: false, withheld: true });
    expect((await ok(staff, "board:hidden-notes", { boardId: event.welcomeBoardId })).notes.map((n) => n.text)).toEqual([
      "Something rude",
    ]);
    // A fresh look from a new device of Ben's, and the activity log says a note was hidden, never what it said.
    const again = fromSnapshot(await ok(ben.socket, "board:open", { boardId: event.welcomeBoardId }));
    expect(JSON.stringify(again)).not.toContain("Something rude");
    const activity = await ok(staff, "staff:snapshot", {});
    expect(JSON.stringify(activity)).toContain("hid a note from the room");
    expect(JSON.stringify(activity)).not.toContain("Something rude");
    // An export carries the moderation, and an import keeps the note hidden from the new room.
    const exported = parseEventExport(JSON.parse(JSON.stringify(await loadEventExport(t.server.db.read, event.id))));
    if (!exported.ok) throw new Error(exported.message);
    const copy = await importEvent(t.server.db, exported.data, organiser.accountId);
    const copied = await t.server.db.read.select().from(notes).where(eq(notes.text, "Something rude"));
    expect(copied.find((n) => n.boardId !== event.welcomeBoardId)?.withheldAt).not.toBeNull();
    expect(copy.slug).not.toBe(event.slug);

    // Shown again: every screen reads it.
    await ok(staff, "note:withhold", { noteId: rude.id, withheld: false });
    await until(() => bensView.current?.notes[rude.id]?.text === "Something rude", "Ben's screen to show the note again");
    expect(bensView.current?.notes[rude.id]).toMatchObject({ hidden: false, withheld: false });
  });

  it("copies a note the room may not read yet (hidden until the reveal, or hidden by a facilitator) as hidden from the room", async () => {
    const staff = await facilitator();
    const amira = await participant("Amira");
    const ben = await participant("Ben");
    const { heard, bensView } = await listenAsBen(ben.socket);
    // One board hidden until the reveal; one open board where a facilitator hid a note in a group.
    const secret = (await ok(staff, "board:create", { title: "Worries", template: "ideas" })).board;
    await ok(staff, "board:update", { boardId: secret.id, hiddenUntilReveal: true });
    const open = (await ok(staff, "board:create", { title: "Ideas", template: "ideas" })).board;
    const hidden = (
      await ok(amira.socket, "note:create", { boardId: secret.id, column: secret.columns[0]!.key, text: "HIDDENNOTE" })
    ).note;
    const alsoHidden = (
      await ok(amira.socket, "note:create", { boardId: secret.id, column: secret.columns[0]!.key, text: "HIDDENTOO" })
    ).note;
    const secretGroup = (await ok(amira.socket, "note:group", { noteId: alsoHidden.id, withNoteId: hidden.id })).group;
    await ok(amira.socket, "group:rename", { groupId: secretGroup.id, title: "SECRETGROUP" });
    const rude = (await ok(amira.socket, "note:create", { boardId: open.id, column: open.columns[0]!.key, text: "RUDENOTE" }))
      .note;
    const fine = (await ok(ben.socket, "note:create", { boardId: open.id, column: open.columns[0]!.key, text: "A bench" })).note;
    const { group } = await ok(staff, "note:group", { noteId: rude.id, withNoteId: fine.id });
    await ok(staff, "note:withhold", { noteId: rude.id, withheld: true });

    const copied = await ok(staff, "notes:copy", {
      toBoardId: event.welcomeBoardId,
      noteIds: [],
      groupIds: [group.id, secretGroup.id],
    });
    expect(copied.notes).toHaveLength(4);
    await until(() => Object.keys(bensView.current?.notes ?? {}).length === 4, "the copies on Ben's screen");
    expect(
      Object.values(bensView.current?.notes ?? {})
        .filter((n) => !n.hidden)
        .map((n) => n.text),
    ).toEqual(["A bench"]);
    const bensLook = await ok(ben.socket, "board:open", { boardId: event.welcomeBoardId });
    for (const seen of [heard.join("\n"), JSON.stringify(bensView.current), JSON.stringify(bensLook)]) {
      expect(seen).not.toContain("HIDDENNOTE");
      expect(seen).not.toContain("RUDENOTE");
      expect(seen).not.toContain("HIDDENTOO");
      expect(seen).not.toContain("SECRETGROUP");
    }
    // Amira still reads her own copies; a facilitator shows one to the room when it should be read there.
    const amirasLook = await ok(amira.socket, "board:open", { boardId: event.welcomeBoardId });
    expect(
      amirasLook.notes
        .filter((n) => !n.hidden)
        .map((n) => n.text)
        .sort(),
    ).toEqual(["A bench", "HIDDENNOTE", "HIDDENTOO", "RUDENOTE"]);
    const [copyOfHidden] = await t.server.db.read.select().from(notes).where(eq(notes.sourceNoteId, hidden.id));
    if (!copyOfHidden) throw new Error("no copy of the hidden note");
    await ok(staff, "note:withhold", { noteId: copyOfHidden.id, withheld: false });
    await until(() => bensView.current?.notes[copyOfHidden.id]?.text === "HIDDENNOTE", "the copy shown on Ben's screen");

    // The copies follow their sources: the reveal shows the copies made while their board was
    // hidden, except one a facilitator hid on its own since; a source shown again shows its copy.
    const copyOf = async (noteId: string) => {
      const [row] = await t.server.db.read.select().from(notes).where(eq(notes.sourceNoteId, noteId));
      if (!row) throw new Error("no copy");
      return row.id;
    };
    await ok(staff, "note:withhold", { noteId: copyOfHidden.id, withheld: true });
    await until(() => bensView.current?.notes[copyOfHidden.id]?.withheld === true, "the copy hidden again on Ben's screen");
    await ok(staff, "board:reveal", { boardId: secret.id });
    const copyOfAlso = await copyOf(alsoHidden.id);
    await until(() => bensView.current?.notes[copyOfAlso]?.text === "HIDDENTOO", "the revealed board's copy on Ben's screen");
    // The group it was copied in takes its source's title, now the room may read it.
    const copiedGroup = bensView.current?.notes[copyOfAlso]?.groupId ?? "";
    await until(() => bensView.current?.groups[copiedGroup]?.title === "SECRETGROUP", "the copied group's title on Ben's screen");
    const copyOfRude = await copyOf(rude.id);
    expect(bensView.current?.notes[copyOfRude]).toMatchObject({ hidden: true, withheld: true, text: "" });
    expect(bensView.current?.notes[copyOfHidden.id]).toMatchObject({ hidden: true, withheld: true, text: "" });
    await ok(staff, "note:withhold", { noteId: rude.id, withheld: false });
    await until(() => bensView.current?.notes[copyOfRude]?.text === "RUDENOTE", "the shown note's copy on Ben's screen");
    const fresh = await ok(ben.socket, "board:open", { boardId: event.welcomeBoardId });
    expect(
      fresh.notes
        .filter((n) => !n.hidden)
        .map((n) => n.text)
        .sort(),
    ).toEqual(["A bench", "HIDDENTOO", "RUDENOTE"]);
  });

  it("shows the copies of a hidden board's notes when the board stops being hidden", async () => {
    const staff = await facilitator();
    const amira = await participant("Amira");
    const ben = await participant("Ben");
    const { bensView } = await listenAsBen(ben.socket);
    const secret = (await ok(staff, "board:create", { title: "Worries", template: "ideas" })).board;
    await ok(staff, "board:update", { boardId: secret.id, hiddenUntilReveal: true });
    const note = (await ok(amira.socket, "note:create", { boardId: secret.id, column: secret.columns[0]!.key, text: "Lighting" }))
      .note;
    const [copy] = (await ok(staff, "notes:copy", { toBoardId: event.welcomeBoardId, noteIds: [note.id] })).notes;
    await until(() => bensView.current?.notes[copy!.id]?.hidden === true, "the hidden copy on Ben's screen");
    await ok(staff, "board:update", { boardId: secret.id, hiddenUntilReveal: false });
    await until(() => bensView.current?.notes[copy!.id]?.text === "Lighting", "the copy shown on Ben's screen");
  });

  it("never names the author of a note copied from an anonymous board, nor of a copy of that copy", async () => {
    const staff = await facilitator();
    const amira = await participant("Amira Haddad");
    const ben = await participant("Ben");
    const { heard, bensView } = await listenAsBen(ben.socket);
    const unsafe = (await ok(staff, "board:create", { title: "Where I feel unsafe", template: "ideas" })).board;
    await ok(staff, "board:update", { boardId: unsafe.id, anonymous: true });
    const middle = (await ok(staff, "board:create", { title: "Themes", template: "ideas" })).board;
    const note = (
      await ok(amira.socket, "note:create", { boardId: unsafe.id, column: unsafe.columns[0]!.key, text: "The underpass" })
    ).note;
    const once = await ok(staff, "notes:copy", { toBoardId: middle.id, noteIds: [note.id] });
    await ok(staff, "notes:copy", { toBoardId: event.welcomeBoardId, noteIds: [once.notes[0]!.id] });
    await ok(staff, "notes:copy", { toBoardId: event.welcomeBoardId, noteIds: [note.id] });
    // Nor does a copy carry the tag of her notes that are named there.
    const named = (
      await ok(amira.socket, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: "Hello" })
    ).note;
    await until(() => Object.keys(bensView.current?.notes ?? {}).length === 3, "the copies on Ben's screen");
    const copies = Object.values(bensView.current?.notes ?? {}).filter((n) => n.id !== named.id);
    expect(copies.map((n) => [n.authorName, n.authorTag === named.authorTag])).toEqual([
      [null, false],
      [null, false],
    ]);
    const looks = [
      await ok(ben.socket, "board:open", { boardId: event.welcomeBoardId }),
      await ok(ben.socket, "board:open", { boardId: middle.id }),
    ];
    const underpass = looks.flatMap((look) => look.notes.filter((n) => n.text === "The underpass"));
    expect(underpass).toHaveLength(3);
    for (const seen of [heard.join("\n"), JSON.stringify(underpass)]) {
      expect(seen.split("\n").filter((m) => m.includes("The underpass") && m.includes("Amira"))).toEqual([]);
    }

    // Nor after an export and import, even once the note they were copied from is gone.
    await ok(amira.socket, "note:delete", { noteId: note.id });
    const exported = parseEventExport(JSON.parse(JSON.stringify(await loadEventExport(t.server.db.read, event.id))));
    if (!exported.ok) throw new Error(exported.message);
    const copy = await importEvent(t.server.db, exported.data, organiser.accountId);
    const imported = await t.server.db.read.select().from(boards).where(eq(boards.eventId, copy.eventId));
    const shown = [];
    for (const board of imported) {
      for (const row of await notesOfBoard(t.server.db.read, board.id)) {
        if (row.note.text === "The underpass") shown.push(toWire(row, board, null).authorName);
      }
    }
    expect(shown).toEqual([null, null, null]);
  });

  it("does not re-send a renamed person's notes on an anonymous or hidden board, which would tie them to her", async () => {
    const staff = await facilitator();
    await ok(staff, "board:update", { boardId: event.welcomeBoardId, anonymous: true });
    const hidden = (await ok(staff, "board:create", { title: "Worries", template: "ideas" })).board;
    await ok(staff, "board:update", { boardId: hidden.id, hiddenUntilReveal: true });
    const amira = await participant("Amira Haddad");
    const ben = await participant("Ben");
    const { heard } = await listenAsBen(ben.socket);
    await followBoard(ben.socket, hidden.id).resync();
    await ok(ben.socket, "teams:snapshot", {});
    const unsigned = (
      await ok(amira.socket, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: "Unsafe" })
    ).note;
    const secret = (await ok(amira.socket, "note:create", { boardId: hidden.id, column: hidden.columns[0]!.key, text: "Mine" }))
      .note;
    await until(() => heard.some((m) => m.includes(secret.id)), "the hidden note's blank card on Ben's phone");
    const before = heard.length;
    await ok(amira.socket, "profile:update", { ageBand: "16_17" });
    await until(() => heard.slice(before).some((m) => m.startsWith("participant:profile-updated")), "the room told of A. H.");
    // Her notes' blank or unsigned cards say nothing new: sent now, they would say whose they are.
    await ok(ben.socket, "board:open", { boardId: event.welcomeBoardId });
    const after = heard.slice(before).join("\n");
    expect([after.includes(unsigned.id), after.includes(secret.id)]).toEqual([false, false]);
  });

  it("takes a name off open screens' map pins when an age band unsigns them, and puts it back when it signs them", async () => {
    const staff = await facilitator();
    const map = (await ok(staff, "board:create", { title: "Our streets", template: "map" })).board;
    const amira = await participant("Amira Haddad");
    const ben = await participant("Ben");
    const pin = (
      await ok(amira.socket, "note:create", {
        boardId: map.id,
        column: map.columns[0]!.key,
        text: "The underpass",
        pin: { x: 0.5, y: 0.5 },
      })
    ).note;
    const view = followBoard(ben.socket, map.id);
    await view.resync();
    expect(view.current?.notes[pin.id]?.authorName).toBe("Amira Haddad");

    await ok(amira.socket, "profile:update", { ageBand: "16_17" });
    await until(() => view.current?.notes[pin.id]?.authorName === null, "her pin unsigned on Ben's screen");
    expect(view.current?.notes[pin.id]?.authorTag).toBeNull();
    await ok(amira.socket, "profile:update", { ageBand: "18_plus" });
    await until(() => view.current?.notes[pin.id]?.authorName === "Amira Haddad", "her pin signed again");
  });

  it("on an anonymous board, tells only its author which notes are theirs: the room cannot tie one person's notes together", async () => {
    const staff = await facilitator();
    await ok(staff, "board:update", { boardId: event.welcomeBoardId, anonymous: true });
    const amira = await participant("Amira");
    const ben = await participant("Ben");
    const { heard, bensView } = await listenAsBen(ben.socket);
    const place = { boardId: event.welcomeBoardId, column: event.welcomeColumn };
    const mine = await followBoard(amira.socket, event.welcomeBoardId);
    await mine.resync();
    // As her phone does (useBoard): each answer goes into the board it holds, whenever the room's message comes.
    const write = async (text: string) => {
      const { note } = await ok(amira.socket, "note:create", { ...place, text });
      mine.patch((s) => applyBoardEvent(s, { name: "note:changed", data: { notes: [note] } }));
      return note;
    };
    const first = await write("The underpass");
    const second = await write("The car park");
    await ok(staff, "note:group", { noteId: second.id, withNoteId: first.id });
    await until(() => Object.values(mine.current?.notes ?? {}).filter((n) => n.groupId).length === 2, "the group on her phone");
    await until(
      () => Object.values(bensView.current?.notes ?? {}).filter((n) => n.groupId).length === 2,
      "the group on Ben's phone",
    );

    // Her answers and her own look carry her pseudonym; what the room hears and Ben's look, none.
    expect([first.authorTag, second.authorTag].every((tag) => tag !== null && tag === first.authorTag)).toBe(true);
    const hers = await ok(amira.socket, "board:open", { boardId: event.welcomeBoardId });
    expect(hers.notes.map((n) => n.authorTag === hers.myTag)).toEqual([true, true]);
    const his = await ok(ben.socket, "board:open", { boardId: event.welcomeBoardId });
    expect(his.notes.map((n) => n.authorTag)).toEqual([null, null]);
    expect(heard.join("\n")).not.toContain(first.authorTag as string);
    // Her phone, following the room's messages, still holds both as hers.
    expect(Object.values(mine.current?.notes ?? {}).map((n) => n.authorTag === mine.current?.myTag)).toEqual([true, true]);
  });

  it("on a map, a child's pins reach the room unsigned and untied: only they are told which are theirs", async () => {
    const staff = await facilitator();
    const { board } = await ok(staff, "board:create", { title: "Our streets", template: "map" });
    const column = board.columns[0]?.key ?? "";
    const kid = await participant("Zara Okafor");
    await t.server.db.transact((tx) => tx.update(participants).set({ ageBand: "under_16" }).where(eq(participants.id, kid.id)));
    const ben = await participant("Ben");
    const heard: string[] = [];
    ben.socket.onAny((name: string, data: unknown) => heard.push(`${name} ${JSON.stringify(data)}`));
    await ok(ben.socket, "board:open", { boardId: board.id });
    const place = { boardId: board.id, column };
    const school = (await ok(kid.socket, "note:create", { ...place, text: "My school", pin: { x: 0.2, y: 0.3 } })).note;
    await ok(kid.socket, "note:create", { ...place, text: "The shop on my way home", pin: { x: 0.4, y: 0.5 } });
    await ok(ben.socket, "note:create", { ...place, text: "The bus stop", pin: { x: 0.6, y: 0.7 } });

    const room = await ok(ben.socket, "board:open", { boardId: board.id });
    const byText = (notes: WireNote[], text: string) => notes.find((n) => n.text === text);
    for (const text of ["My school", "The shop on my way home"]) {
      expect(byText(room.notes, text)).toMatchObject({ authorName: null, authorTag: null });
    }
    // An adult's pin is signed as on any board that names people.
    expect(byText(room.notes, "The bus stop")?.authorName).toBe("Ben");
    const hers = await ok(kid.socket, "board:open", { boardId: board.id });
    expect(hers.notes.filter((n) => n.authorTag === hers.myTag).map((n) => n.text)).toEqual([
      "My school",
      "The shop on my way home",
    ]);
    await until(() => heard.some((m) => m.includes("The shop on my way home")), "her second pin heard by the room");
    expect(heard.join("\n")).not.toContain(school.authorTag as string);
    expect(heard.join("\n")).not.toMatch(/Z\. ?O\.|Zara/);
  });

  it("a child's pin copied off the map, copied again, or shortlisted by a vote stays unsigned for the room", async () => {
    const staff = await facilitator();
    const map = (await ok(staff, "board:create", { title: "Our streets", template: "map" })).board;
    const ideas = (await ok(staff, "board:create", { title: "Ideas", template: "ideas" })).board;
    const plenary = (await ok(staff, "board:create", { title: "Plenary", template: "ideas" })).board;
    const kid = await participant("Zara Okafor");
    await t.server.db.transact((tx) => tx.update(participants).set({ ageBand: "under_16" }).where(eq(participants.id, kid.id)));
    const ben = await participant("Ben");
    const heard: string[] = [];
    ben.socket.onAny((name: string, data: unknown) => heard.push(`${name} ${JSON.stringify(data)}`));
    for (const b of [map, ideas, plenary]) await ok(ben.socket, "board:open", { boardId: b.id });
    const place = { boardId: map.id, column: map.columns[0]!.key };
    const school = (await ok(kid.socket, "note:create", { ...place, text: "My school", pin: { x: 0.2, y: 0.3 } })).note;
    const stop = (await ok(ben.socket, "note:create", { ...place, text: "The bus stop", pin: { x: 0.6, y: 0.7 } })).note;
    // Her initials on a board that names people, beside the copies: a copy signed would tie the pin to them.
    await ok(kid.socket, "note:create", { boardId: ideas.id, column: ideas.columns[0]!.key, text: "A skate park" });

    const copies = (await ok(staff, "notes:copy", { toBoardId: ideas.id, noteIds: [school.id, stop.id] })).notes;
    const again = (await ok(staff, "notes:copy", { toBoardId: plenary.id, noteIds: copies.map((n) => n.id) })).notes;
    const round = (await ok(staff, "vote:open", { boardId: map.id, dotsPerPerson: 3, maxPerTarget: 2 })).round.id;
    await ok(ben.socket, "vote:cast", { roundId: round, targetId: school.id });
    await ok(ben.socket, "vote:cast", { roundId: round, targetId: stop.id });
    await ok(staff, "vote:close", { roundId: round });
    const { boardId: shortlist } = await ok(staff, "vote:shortlist", { roundId: round, title: "Shortlist" });

    const signed = (notes: WireNote[]) => notes.map((n) => [n.text, n.authorName, n.authorTag !== null]).sort();
    const expected = [
      ["My school", null, false],
      ["The bus stop", "Ben", true],
    ];
    expect(signed(copies)).toEqual(expected);
    expect(signed(again)).toEqual(expected);
    for (const boardId of [ideas.id, plenary.id, shortlist]) {
      const look = await ok(ben.socket, "board:open", { boardId });
      expect(signed(look.notes.filter((n) => n.text !== "A skate park"))).toEqual(expected);
    }
    // Staff read the same, and so does the record of the event.
    const staffLook = await ok(staff, "board:open", { boardId: plenary.id });
    expect(signed(staffLook.notes)).toEqual(expected);
    const exported = parseEventExport(JSON.parse(JSON.stringify(await loadEventExport(t.server.db.read, event.id))));
    if (!exported.ok) throw new Error(exported.message);
    const authors = exported.data.boards
      .flatMap((b) => b.notes)
      .filter((n) => n.text === "My school" || n.text === "The bus stop")
      .map((n) => [n.text, n.authorParticipantId]);
    expect(authors).toHaveLength(8);
    for (const [text, author] of authors) expect(author).toBe(text === "My school" ? null : ben.id);
    await until(() => heard.some((m) => m.startsWith("note:created") && m.includes(again[0]!.id)), "the copies heard");
    expect(heard.filter((m) => m.includes("My school")).some((m) => /"authorName":"Z\. ?O\.|"authorTag":"[^"]/.test(m))).toBe(
      false,
    );
  });

  it("tells a person's other screens which notes are theirs, and what their hidden notes say, and nobody else", async () => {
    const staff = await facilitator();
    await ok(staff, "board:update", { boardId: event.welcomeBoardId, anonymous: true });
    const secret = (await ok(staff, "board:create", { title: "Worries", template: "ideas" })).board;
    await ok(staff, "board:update", { boardId: secret.id, hiddenUntilReveal: true });
    const secretColumn = (await ok(staff, "board:open", { boardId: secret.id })).board.columns[0]!.key;
    const amira = await participant("Amira");
    // Her laptop: the same person, another screen, following both boards as useBoard does.
    const laptop = await clients.connect({ eventId: event.id, cookie: participantCookie(event.id, amira.id) });
    const ben = await participant("Ben");
    const { heard } = await listenAsBen(ben.socket);
    const yours = (socket: typeof laptop) => {
      const got: WireNote[] = [];
      socket.on("note:yours", ({ note }: { note: WireNote }) => void got.push(note));
      return got;
    };
    const [onLaptop, onPhone, onBens] = [yours(laptop), yours(amira.socket), yours(ben.socket)];
    const follow = async (boardId: string) => {
      const view = followBoard(laptop, boardId);
      await view.resync();
      laptop.on("note:yours", ({ note }: { note: WireNote }) => {
        if (note.boardId === boardId) view.patch((s) => applyBoardEvent(s, { name: "note:changed", data: { notes: [note] } }));
      });
      return view;
    };
    const [anonymous, hidden] = [await follow(event.welcomeBoardId), await follow(secret.id)];

    // On the anonymous board: her laptop holds the note her phone wrote as hers.
    const mine = (
      await ok(amira.socket, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: "The underpass" })
    ).note;
    await until(() => anonymous.current?.notes[mine.id]?.authorTag === anonymous.current?.myTag, "her note, hers on her laptop");
    // On the hidden board: it reads her words, and her edit's.
    const worry = (await ok(amira.socket, "note:create", { boardId: secret.id, column: secretColumn, text: "Dark at night" }))
      .note;
    await until(() => hidden.current?.notes[worry.id]?.text === "Dark at night", "her hidden note's words on her laptop");
    await ok(amira.socket, "note:update", { noteId: worry.id, baseVersion: worry.version, text: "Dark after six" });
    await until(() => hidden.current?.notes[worry.id]?.text === "Dark after six", "her edit on her laptop");
    expect(hidden.current?.notes[worry.id]?.hidden).toBe(false);
    // Deleted on her phone and brought back (undo): her laptop reads it again.
    await ok(amira.socket, "note:delete", { noteId: worry.id });
    await until(() => hidden.current?.notes[worry.id] === undefined, "the deletion on her laptop");
    await ok(amira.socket, "note:restore", { noteId: worry.id });
    await until(() => hidden.current?.notes[worry.id]?.text === "Dark after six", "her note back on her laptop");

    // The room's copy already says everything of a note on a board that names people: nothing more is sent.
    const open = (await ok(staff, "board:create", { title: "Ideas", template: "ideas" })).board;
    const openColumn = (await ok(staff, "board:open", { boardId: open.id })).board.columns[0]!.key;
    await ok(amira.socket, "note:create", { boardId: open.id, column: openColumn, text: "A bench" });
    // Her phone has its answers; Ben is told nothing of hers.
    expect(onLaptop.map((n) => n.text)).toEqual(["The underpass", "Dark at night", "Dark after six", "Dark after six"]);
    expect([onPhone.length, onBens.length]).toEqual([0, 0]);
    expect(heard.join("\n")).not.toContain("Dark");
    expect(heard.join("\n")).not.toContain(mine.authorTag as string);
  });

  it("keeps a board anonymous once notes were written on it without names; an empty one may show names", async () => {
    const staff = await facilitator();
    await ok(staff, "board:update", { boardId: event.welcomeBoardId, anonymous: true });
    const amira = await participant("Amira");
    await ok(amira.socket, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: "Unsigned" });
    expect(await send(staff, "board:update", { boardId: event.welcomeBoardId, anonymous: false })).toMatchObject({
      ok: false,
      error: { code: "conflict", message: "Notes on this board were written without names, so it stays anonymous." },
    });
    const look = await ok(amira.socket, "board:open", { boardId: event.welcomeBoardId });
    expect(look.board.anonymous).toBe(true);
    expect(look.notes.map((n) => n.authorName)).toEqual([null]);
    // Other settings still change, and a board with no notes yet may go back to names.
    await ok(staff, "board:update", { boardId: event.welcomeBoardId, anonymous: true, locked: true });
    const empty = await addBoard(t.server.db, event.id, "Empty");
    await ok(staff, "board:update", { boardId: empty, anonymous: true });
    expect((await ok(staff, "board:update", { boardId: empty, anonymous: false })).board.anonymous).toBe(false);
  });

  it("answers a refused lock of a board to the facilitator who pressed it, in their language, and changes nothing", async () => {
    const french = await clients.connect({ eventId: event.id, cookie: `${staffCookie(organiser.sessionToken)}; mi_lang=fr` });
    const other = await createTestEvent(t.server.db, organiser.accountId);
    const elsewhere = await addBoard(t.server.db, other.id, "Another event's board");
    // The settings panel shows the reason beside the toggle (refusalOf): the server's words, in French.
    expect(await send(french, "board:update", { boardId: elsewhere, locked: true })).toMatchObject({
      ok: false,
      error: { code: "not_found", message: "Ce tableau n’existe pas." },
    });
    const [row] = await t.server.db.read.select({ locked: boards.locked }).from(boards).where(eq(boards.id, elsewhere));
    expect(row?.locked).toBe(false);
  });

  it("refuses an edit based on an old version, and edits of someone else's note", async () => {
    const amira = await participant("Amira");
    const ben = await participant("Ben");
    const staff = await facilitator();
    const { note } = await ok(amira.socket, "note:create", {
      boardId: event.welcomeBoardId,
      column: event.welcomeColumn,
      text: "First draft",
    });
    await ok(staff, "note:update", { noteId: note.id, baseVersion: note.version, text: "Tidied by the facilitator" });
    const stale = await send(amira.socket, "note:update", {
      noteId: note.id,
      baseVersion: note.version,
      text: "My second draft",
    });
    expect(stale).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(stale.error?.message).toMatch(/Someone else changed this note/);
    const notMine = await send(ben.socket, "note:delete", { noteId: note.id });
    expect(notMine).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const board = await ok(amira.socket, "board:open", { boardId: event.welcomeBoardId });
    expect(board.notes.map((n) => n.text)).toEqual(["Tidied by the facilitator"]);
  });

  it("keeps a locked board read-only for participants and refuses over-long or HTML-laden notes cleanly", async () => {
    const amira = await participant("Amira");
    const staff = await facilitator();
    const long = await send(amira.socket, "note:create", {
      boardId: event.welcomeBoardId,
      column: event.welcomeColumn,
      text: "x".repeat(281),
    });
    expect(long).toMatchObject({ ok: false, error: { code: "invalid", message: "A note must be 280 characters or fewer" } });
    const html = await ok(amira.socket, "note:create", {
      boardId: event.welcomeBoardId,
      column: event.welcomeColumn,
      text: "<img src=x onerror=alert(1)>",
    });
    expect(html.note.text).toBe("<img src=x onerror=alert(1)>"); // stored as text; the screens render it as text
    await ok(staff, "board:update", { boardId: event.welcomeBoardId, locked: true });
    const locked = await send(amira.socket, "note:create", {
      boardId: event.welcomeBoardId,
      column: event.welcomeColumn,
      text: "Late idea",
    });
    expect(locked).toMatchObject({ ok: false, error: { code: "conflict", message: "This board is locked by the facilitator." } });
    await ok(staff, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: "Facilitator's summary" });
  });

  it("answers a move sent again with the same id with its first result, and the sender's wall keeps where the room has the note since", async () => {
    const boardId = await addBoard(t.server.db, event.id, "Sorting", [
      { key: "ideas", title: "Ideas" },
      { key: "shortlist", title: "Shortlist" },
    ]);
    const sam = await createAccount(t.server.db, "Sam");
    await addStaff(t.server.db, event.id, sam.accountId, "facilitator");
    const [olu, samsLaptop] = [
      await facilitator(),
      await clients.connect({ eventId: event.id, cookie: staffCookie(sam.sessionToken) }),
    ];
    const { note } = await ok(olu, "note:create", { boardId, column: "ideas", text: "Shade by the playground" });
    // Olu's wall, as the browser holds it: the snapshot, the broadcasts, and what each ack says (eventsOfAck).
    const oluWall = followBoard(olu, boardId);
    await oluWall.resync();
    const applyAck = (ack: Awaited<ReturnType<typeof send<"note:move">>>) => {
      for (const e of eventsOfAck("note:move", ack)) oluWall.patch((wall) => applyBoardEvent(wall, e));
    };

    const moveId = `cmd-${randomUUID()}`;
    const first = await send(olu, "note:move", { noteId: note.id, column: "shortlist", beforeNoteId: null }, moveId);
    applyAck(first);
    expect(first.result?.note.column).toBe("shortlist");
    // Sam takes it back to Ideas; Olu's wall follows.
    await ok(samsLaptop, "note:move", { noteId: note.id, column: "ideas", beforeNoteId: null });
    await until(() => oluWall.current?.notes[note.id]?.column === "ideas", "Sam's move on Olu's wall");

    // Olu's laptop sends the first move again (its ack was lost): applied once, answered as before.
    const again = await send(olu, "note:move", { noteId: note.id, column: "shortlist", beforeNoteId: null }, moveId);
    expect(again).toMatchObject({ ok: true, duplicate: true });
    expect(again.result?.note.column).toBe("shortlist");
    applyAck(again);
    expect(oluWall.current?.notes[note.id]?.column).toBe("ideas");
    const stored = await ok(olu, "board:open", { boardId });
    expect(stored.notes.find((n) => n.id === note.id)?.column).toBe("ideas");
  });

  it("groups notes dropped on each other, dissolves a group of one, and names groups", async () => {
    const amira = await participant("Amira");
    const add = (text: string) =>
      ok(amira.socket, "note:create", {
        boardId: event.welcomeBoardId,
        column: event.welcomeColumn,
        text,
      });
    const a = (await add("Benches")).note.id;
    const b = (await add("Shade")).note.id;
    const c = (await add("Toilets")).note.id;
    const { group } = await ok(amira.socket, "note:group", { noteId: b, withNoteId: a });
    await ok(amira.socket, "note:group", { noteId: c, withNoteId: a });
    await ok(amira.socket, "group:rename", { groupId: group.id, title: "Comfort in the park" });
    let board = await ok(amira.socket, "board:open", {
      boardId: event.welcomeBoardId,
    });
    expect(board.groups).toEqual([{ id: group.id, title: "Comfort in the park" }]);
    expect(
      board.notes
        .filter((n) => n.groupId === group.id)
        .map((n) => n.id)
        .sort(),
    ).toEqual([a, b, c].sort());
    await ok(amira.socket, "note:ungroup", { noteId: b });
    await ok(amira.socket, "note:ungroup", { noteId: c });
    board = await ok(amira.socket, "board:open", { boardId: event.welcomeBoardId });
    expect(board.groups).toEqual([]);
    expect(board.notes.every((n) => n.groupId === null)).toBe(true);
  });

  it("keeps a team's board for its members, and copies notes to the plenary board with their origin", async () => {
    const [team] = await t.server.db.transact((tx) =>
      tx.insert(teams).values({ id: "team-1", eventId: event.id, name: "Parks" }).returning(),
    );
    const member = await participant("Member");
    const outsider = await participant("Outsider");
    await t.server.db.transact((tx) =>
      tx.insert(teamMembers).values({ eventId: event.id, participantId: member.id, teamId: team!.id }),
    );
    const staff = await facilitator();
    const { board } = await ok(staff, "board:create", {
      title: "Parks ideas",
      template: "journey",
      teamId: team!.id,
    });
    const column = board.columns[0]!.key;
    const { note } = await ok(member.socket, "note:create", {
      boardId: board.id,
      column,
      text: "Open the café earlier",
    });
    const refused = await send(outsider.socket, "note:create", { boardId: board.id, column, text: "Not my team" });
    expect(refused).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const notAllowed = await send(member.socket, "notes:copy", { toBoardId: event.welcomeBoardId, noteIds: [note.id] });
    expect(notAllowed).toMatchObject({ ok: false, error: { code: "forbidden" } });

    const copied = await ok(staff, "notes:copy", {
      toBoardId: event.welcomeBoardId,
      noteIds: [note.id],
    });
    expect(copied.notes).toMatchObject([
      { text: "Open the café earlier", source: { boardId: board.id, boardTitle: "Parks ideas" } },
    ]);
    const otherEvent = await addBoard(t.server.db, (await createTestEvent(t.server.db, organiser.accountId, "Elsewhere")).id);
    expect(await send(staff, "notes:copy", { toBoardId: otherEvent, noteIds: [note.id] })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    // A group of another event, named by id beside this event's note, is not brought across.
    const foreignGroup = randomUUID();
    await t.server.db.transact((tx) =>
      tx.insert(noteGroups).values({ id: foreignGroup, boardId: otherEvent, title: "Confidential: another event's group" }),
    );
    await ok(staff, "notes:copy", { toBoardId: event.welcomeBoardId, noteIds: [note.id], groupIds: [foreignGroup] });
    const welcomeGroups = await t.server.db.read.select().from(noteGroups).where(eq(noteGroups.boardId, event.welcomeBoardId));
    expect(welcomeGroups.map((g) => g.title)).not.toContain("Confidential: another event's group");
  });

  it("lets a team's members add a bounded number of boards for it; a facilitator may add more", async () => {
    const [team] = await t.server.db.transact((tx) =>
      tx.insert(teams).values({ id: randomUUID(), eventId: event.id, name: "Parks" }).returning(),
    );
    const member = await participant("Member");
    await t.server.db.transact((tx) =>
      tx.insert(teamMembers).values({ eventId: event.id, participantId: member.id, teamId: team!.id }),
    );
    for (let i = 0; i < teamBoardLimit; i++) {
      await ok(member.socket, "board:create", { title: `Board ${i}`, template: "ideas", teamId: team!.id });
    }
    const refused = await send(member.socket, "board:create", { title: "One too many", template: "ideas", teamId: team!.id });
    expect(refused.ok ? null : refused.error.message).toBe(
      `Your team has ${teamBoardLimit} boards already, as many as a team can add. Use one of them, or ask a facilitator to add another.`,
    );
    const listed = await t.server.db.read.select().from(boards).where(eq(boards.teamId, team!.id));
    expect(listed).toHaveLength(teamBoardLimit);
    await ok(await facilitator(), "board:create", { title: "From the facilitator", template: "ideas", teamId: team!.id });
  });
});
