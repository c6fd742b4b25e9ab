/**
 * A map board over real sockets: the facilitator sets its image, phones pin notes at points of
 * it, a pin dragged on one screen lands on every other; pins obey hidden-until-reveal, the
 * lock and the note's version like the rest of the note.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LocalDiskStorage } from "@/lib/files/storage";
import { savePhoto } from "@/lib/notes/note-photos";
import { tinyPng } from "../support/tiny-png";
import { followBoard, until } from "./support/board-follow";
import { clientsFor, ok, participantCookie, send, sendRaw, staffCookie, type TestSocket } from "./support/clients";
import { addParticipant, createAccount, createTestEvent, staffActor } from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/server";

let t: TestServer;
let clients: ReturnType<typeof clientsFor>;
let organiser: Awaited<ReturnType<typeof createAccount>>;
let event: Awaited<ReturnType<typeof createTestEvent>>;
const uploads = mkdtempSync(join(tmpdir(), "madein-map-"));
const png = new Uint8Array(tinyPng);

beforeAll(async () => {
  t = await startTestServer();
  organiser = await createAccount(t.server.db, "Organiser");
});
afterAll(async () => {
  await t.dispose();
  rmSync(uploads, { recursive: true, force: true });
});
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

async function mapBoard(staff: TestSocket) {
  const { board } = await ok(staff, "board:create", { title: "Our borough", template: "map" });
  const photoId = await savePhoto(
    t.server.db,
    new LocalDiskStorage(uploads),
    staffActor(event.id, organiser.accountId),
    board.id,
    png,
  );
  const set = await ok(staff, "board:update", { boardId: board.id, mapPhotoId: photoId });
  return { board: set.board, column: board.columns[0]?.key as string, photoId };
}

describe("map boards", () => {
  it("pins notes from phones at points of the map, and a dragged pin lands on every screen", async () => {
    const staff = await facilitator();
    const { board, column, photoId } = await mapBoard(staff);
    expect(board.template).toBe("map");
    expect(board.mapUrl).toBe(`/photos/${photoId}`);

    const amira = await participant("Amira");
    const ben = await participant("Ben");
    const projector = followBoard(staff, board.id);
    const benView = followBoard(ben.socket, board.id);
    await Promise.all([projector.resync(), benView.resync()]);

    const { note } = await ok(amira.socket, "note:create", {
      boardId: board.id,
      column,
      text: "Broken bench by the pond",
      pin: { x: 0.25, y: 0.75 },
    });
    expect(note.pin).toEqual({ x: 0.25, y: 0.75 });
    await until(() => projector.current?.notes[note.id]?.pin?.x === 0.25, "the pin on the projector");
    await until(() => benView.current?.notes[note.id]?.pin?.y === 0.75, "the pin on Ben's phone");

    // The facilitator drags it; the note's text version is untouched, and the move is seen by all.
    const moved = await ok(staff, "note:pin", { noteId: note.id, pin: { x: 0.6, y: 0.1 } });
    expect(moved.note.version).toBe(note.version);
    await until(() => benView.current?.notes[note.id]?.pin?.x === 0.6, "the moved pin on Ben's phone");
    expect(benView.current?.notes[note.id]?.pin).toEqual({ x: 0.6, y: 0.1 });

    // A versioned edit of the text keeps the pin, and a stale edit is refused.
    const edited = await ok(amira.socket, "note:update", {
      noteId: note.id,
      baseVersion: note.version,
      text: "Bench fixed?",
    });
    expect(edited.note.pin).toEqual({ x: 0.6, y: 0.1 });
    const stale = await send(amira.socket, "note:update", { noteId: note.id, baseVersion: note.version, text: "Old" });
    expect(stale.error?.code).toBe("conflict");
  });

  it("refuses a note without a pin, a pin off the map, a pin on a board without a map, and a map not uploaded here", async () => {
    const staff = await facilitator();
    const { board, column } = await mapBoard(staff);
    const amira = await participant("Amira");
    const unpinned = await send(amira.socket, "note:create", { boardId: board.id, column, text: "Where?" });
    expect(unpinned.error?.code).toBe("invalid");
    expect(unpinned.error?.message).toMatch(/Tap the map/);
    for (const pin of [
      { x: 1.2, y: 0.5 },
      { x: -0.1, y: 0.5 },
      { x: 0.5, y: "0.5" },
      { x: 0.5, y: null },
    ]) {
      const off = await sendRaw(amira.socket, "note:create", { boardId: board.id, column, text: "Off the map", pin });
      expect(off.error?.code).toBe("invalid");
    }
    const onIdeas = await send(amira.socket, "note:create", {
      boardId: event.welcomeBoardId,
      column: event.welcomeColumn,
      text: "Hi",
      pin: { x: 0.5, y: 0.5 },
    });
    expect(onIdeas.error?.message).toMatch(/no map/);

    const other = await ok(staff, "board:create", { title: "Another map", template: "map" });
    const foreign = await savePhoto(
      t.server.db,
      new LocalDiskStorage(uploads),
      staffActor(event.id, organiser.accountId),
      other.board.id,
      png,
    );
    const wrongMap = await send(staff, "board:update", { boardId: board.id, mapPhotoId: foreign });
    expect(wrongMap.error?.code).toBe("invalid");
    const notMap = await send(staff, "board:update", { boardId: event.welcomeBoardId, mapPhotoId: foreign });
    expect(notMap.error?.code).toBe("conflict");
    const byPhone = await send(amira.socket, "board:update", { boardId: board.id, mapPhotoId: foreign });
    expect(byPhone.error?.code).toBe("forbidden");
  });

  it("hides others' pins until reveal, keeps anonymous notes nameless, and the lock stops pin moves", async () => {
    const staff = await facilitator();
    const { board, column } = await mapBoard(staff);
    await ok(staff, "board:update", { boardId: board.id, hiddenUntilReveal: true, anonymous: true });
    const amira = await participant("Amira");
    const ben = await participant("Ben");
    const benView = followBoard(ben.socket, board.id);
    await benView.resync();

    const { note } = await ok(amira.socket, "note:create", {
      boardId: board.id,
      column,
      text: "Dark alley",
      pin: { x: 0.4, y: 0.4 },
    });
    expect(note.pin).toEqual({ x: 0.4, y: 0.4 });
    expect(note.authorName).toBeNull();
    await until(() => benView.current?.notes[note.id] !== undefined, "the hidden note on Ben's phone");
    expect(benView.current?.notes[note.id]).toMatchObject({ hidden: true, text: "", pin: null });
    // Ben can't move a pin he can't see.
    const peek = await send(ben.socket, "note:pin", { noteId: note.id, pin: { x: 0.9, y: 0.9 } });
    expect(peek.error?.code).toBe("forbidden");
    // Amira moves her own; the room's copy still carries no pin.
    const own = await ok(amira.socket, "note:pin", { noteId: note.id, pin: { x: 0.45, y: 0.4 } });
    expect(own.note.pin).toEqual({ x: 0.45, y: 0.4 });

    await ok(staff, "board:reveal", { boardId: board.id });
    await until(() => benView.current?.notes[note.id]?.pin?.x === 0.45, "the revealed pin on Ben's phone");
    expect(benView.current?.notes[note.id]).toMatchObject({ hidden: false, text: "Dark alley", authorName: null });

    await ok(staff, "board:update", { boardId: board.id, locked: true });
    const locked = await send(amira.socket, "note:pin", { noteId: note.id, pin: { x: 0.1, y: 0.1 } });
    expect(locked.error?.code).toBe("conflict");
    const staffMove = await ok(staff, "note:pin", { noteId: note.id, pin: { x: 0.1, y: 0.1 } });
    expect(staffMove.note.pin).toEqual({ x: 0.1, y: 0.1 });
  });

  it("lets nobody but its author and staff move the pin of a note a facilitator hid from the room", async () => {
    const staff = await facilitator();
    const { board, column } = await mapBoard(staff);
    const amira = await participant("Amira");
    const ben = await participant("Ben");
    const { note } = await ok(amira.socket, "note:create", { boardId: board.id, column, text: "Rude", pin: { x: 0.2, y: 0.2 } });
    await ok(staff, "note:withhold", { noteId: note.id, withheld: true });
    const benView = followBoard(ben.socket, board.id);
    await benView.resync();
    expect(benView.current?.notes[note.id]).toMatchObject({ hidden: true, pin: null });

    const moved = await send(ben.socket, "note:pin", { noteId: note.id, pin: { x: 0.9, y: 0.9 } });
    expect(moved.error).toMatchObject({ code: "forbidden", message: "A facilitator has hidden that note from the room." });
    expect((await ok(amira.socket, "note:pin", { noteId: note.id, pin: { x: 0.3, y: 0.3 } })).note.pin).toEqual({
      x: 0.3,
      y: 0.3,
    });
    await ok(staff, "note:pin", { noteId: note.id, pin: { x: 0.4, y: 0.4 } });
    // Shown again, it stands where its author and the facilitator left it, not where Ben tried.
    await ok(staff, "note:withhold", { noteId: note.id, withheld: false });
    await until(() => benView.current?.notes[note.id]?.pin?.x === 0.4, "the pin shown again on Ben's phone");
  });
});
