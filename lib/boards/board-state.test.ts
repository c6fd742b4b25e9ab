import { describe, expect, it } from "vitest";
import type { WireNote } from "@/lib/realtime/contract-boards";
import { wireBoard, wireNote } from "@/test/support/wire-board";
import { applyBoardEvent, asTheRoomSees, canGroupWithAbove, columnsOf, fromSnapshot, needsSnapshot } from "./board-state";

const board = wireBoard();
const note = wireNote;

const state = () => fromSnapshot({ seq: 0, board, notes: [note("n1")], groups: [], myTag: "me", canWrite: true });

describe("board state", () => {
  it("applies creates, changes and deletes, and the same event twice changes nothing more", () => {
    let s = applyBoardEvent(state(), { name: "note:created", data: { note: note("n2", { position: 0.5 }) } });
    const again = applyBoardEvent(s, { name: "note:created", data: { note: note("n2", { position: 0.5 }) } });
    expect(again.notes).toEqual(s.notes);
    expect(columnsOf(s)[0]?.notes.map((n) => n.id)).toEqual(["n2", "n1"]);
    s = applyBoardEvent(s, { name: "note:changed", data: { notes: [note("n2", { column: "b" })] } });
    expect(columnsOf(s).map((c) => c.notes.map((n) => n.id))).toEqual([["n1"], ["n2"]]);
    s = applyBoardEvent(s, { name: "note:deleted", data: { noteId: "n2" } });
    expect(applyBoardEvent(s, { name: "note:deleted", data: { noteId: "n2" } })).toBe(s);
    expect(Object.keys(s.notes)).toEqual(["n1"]);
  });

  it("keeps a group's title this screen may read when the room's copy comes without it, and reloads for my own group", () => {
    const hiddenBoard = { ...board, hiddenUntilReveal: true };
    const mine = [note("m1", { authorTag: "me", groupId: "g1" }), note("m2", { authorTag: "me", groupId: "g1" })];
    const s = fromSnapshot({
      seq: 0,
      board: hiddenBoard,
      notes: [...mine, note("t1", { hidden: true, text: "", groupId: "g2" })],
      groups: [
        { id: "g1", title: "Our street" },
        { id: "g2", title: "", hidden: true },
      ],
      myTag: "me",
      canWrite: true,
    });
    const roomCopy = { name: "group:changed" as const, data: { group: { id: "g1", title: "", hidden: true as const } } };
    expect(applyBoardEvent(s, roomCopy).groups.g1).toEqual({ id: "g1", title: "Our street" });
    // Named on my other device: the room's copy cannot say what, so this screen asks again.
    expect(needsSnapshot(s, roomCopy)).toBe(true);
    const theirs = { name: "group:changed" as const, data: { group: { id: "g2", title: "", hidden: true as const } } };
    expect(applyBoardEvent(s, theirs).groups.g2).toEqual({ id: "g2", title: "", hidden: true });
    expect(needsSnapshot(s, theirs)).toBe(false);
    // A title anyone may read replaces the kept one.
    const open = applyBoardEvent(s, { name: "group:changed", data: { group: { id: "g1", title: "Bins" } } });
    expect(open.groups.g1).toEqual({ id: "g1", title: "Bins" });
  });

  it("keeps the unchanged notes as the same objects, so screens redraw only what changed", () => {
    const before = state();
    const after = applyBoardEvent(before, { name: "note:created", data: { note: note("n2") } });
    expect(after.notes.n1).toBe(before.notes.n1);
  });

  it("keeps the text of my own note when the room's copy of it is hidden", () => {
    const mine = note("n3", { authorTag: "me", text: "secret idea" });
    let s = applyBoardEvent(state(), { name: "note:created", data: { note: mine } });
    s = applyBoardEvent(s, { name: "note:changed", data: { notes: [{ ...mine, text: "", hidden: true, column: "b" }] } });
    expect(s.notes.n3).toMatchObject({ text: "secret idea", hidden: false, column: "b" });
  });

  it("keeps my note mine when the room's copy of it on an anonymous board comes without a pseudonym", () => {
    const anonymous = { ...board, anonymous: true, hiddenUntilReveal: true };
    const mine = note("n4", { authorTag: "me", authorName: null, text: "The underpass" });
    let s = fromSnapshot({
      seq: 0,
      board: anonymous,
      notes: [mine, note("n5", { authorTag: null })],
      groups: [],
      myTag: "me",
      canWrite: true,
    });
    s = applyBoardEvent(s, {
      name: "note:changed",
      data: {
        notes: [{ ...mine, authorTag: null, text: "", hidden: true, column: "b" }, note("n5", { authorTag: null, column: "b" })],
      },
    });
    expect(s.notes.n4).toMatchObject({ authorTag: "me", text: "The underpass", hidden: false, column: "b" });
    // Someone else's note stays nobody's.
    expect(s.notes.n5?.authorTag).toBeNull();
  });

  it("asks for a snapshot on reveal, and for my own hidden note written elsewhere", () => {
    const hidden = fromSnapshot({
      seq: 0,
      board: { ...board, hiddenUntilReveal: true },
      notes: [],
      groups: [],
      myTag: "me",
      canWrite: true,
    });
    expect(
      needsSnapshot(hidden, { name: "board:changed", data: { board: { ...board, hiddenUntilReveal: true, revealed: true } } }),
    ).toBe(true);
    expect(
      needsSnapshot(hidden, { name: "board:changed", data: { board: { ...board, hiddenUntilReveal: true, title: "x" } } }),
    ).toBe(false);
    expect(
      needsSnapshot(hidden, { name: "note:created", data: { note: note("n9", { hidden: true, authorTag: "me", text: "" }) } }),
    ).toBe(true);
    expect(
      needsSnapshot(hidden, { name: "note:created", data: { note: note("n9", { hidden: true, authorTag: "them", text: "" }) } }),
    ).toBe(false);
  });

  it("re-reads the board when it is locked or unlocked: whether this viewer may write is the server's rule", () => {
    const open = fromSnapshot({ seq: 0, board, notes: [], groups: [], myTag: "me", canWrite: true });
    expect(needsSnapshot(open, { name: "board:changed", data: { board: { ...board, locked: true } } })).toBe(true);
    expect(needsSnapshot(open, { name: "board:changed", data: { board: { ...board, title: "Renamed" } } })).toBe(false);
  });

  it("tracks groups forming and dissolving", () => {
    let s = applyBoardEvent(state(), { name: "group:changed", data: { group: { id: "g1", title: "" } } });
    s = applyBoardEvent(s, { name: "group:changed", data: { group: { id: "g1", title: "Transport" } } });
    expect(s.groups.g1?.title).toBe("Transport");
    s = applyBoardEvent(s, { name: "group:removed", data: { groupId: "g1" } });
    expect(s.groups).toEqual({});
  });

  it("keeps where my own hidden note is pinned when the room's copy of it carries no pin", () => {
    const mine = note("m1", { authorTag: "me", pin: { x: 0.2, y: 0.4 }, text: "Bench by the pond" });
    const s = applyBoardEvent(state(), { name: "note:created", data: { note: mine } });
    const roomCopy = { ...mine, text: "", hidden: true, pin: null, authorName: null };
    const after = applyBoardEvent(s, { name: "note:changed", data: { notes: [roomCopy] } });
    expect(after.notes.m1?.pin).toEqual({ x: 0.2, y: 0.4 });
    expect(after.notes.m1?.text).toBe("Bench by the pond");
    // Someone else's hidden note shows no pin.
    const theirs = applyBoardEvent(s, { name: "note:created", data: { note: { ...roomCopy, id: "t1", authorTag: "them" } } });
    expect(theirs.notes.t1?.pin).toBeNull();
  });
});

describe("the board as the room sees it (the projector, signed in as staff)", () => {
  const mine = (id: string, extra: Partial<WireNote> = {}) =>
    note(id, { authorTag: "me", text: `my ${id}`, authorName: "Fay", pin: { x: 0.5, y: 0.5 }, photoUrl: "/p.jpg", ...extra });
  const projected = (b: typeof board, notes: WireNote[], groups = [] as { id: string; title: string }[]) =>
    asTheRoomSees(fromSnapshot({ seq: 0, board: b, notes, groups, myTag: "me", canWrite: true }));

  it("shows my notes on a hidden board as the room's blank cards, and my group's title to nobody", () => {
    const s = projected(
      { ...board, hiddenUntilReveal: true },
      [mine("m1", { groupId: "g1" }), mine("m2", { groupId: "g1" }), note("t1", { hidden: true, text: "", authorName: null })],
      [{ id: "g1", title: "My secret group" }],
    );
    expect(Object.values(s.notes).map((n) => [n.id, n.hidden, n.text, n.authorName, n.pin, n.photoUrl])).toEqual([
      ["m1", true, "", null, null, null],
      ["m2", true, "", null, null, null],
      ["t1", true, "", null, null, null],
    ]);
    expect(s.groups.g1).toEqual({ id: "g1", title: "", hidden: true });
  });

  it("shows them once revealed, hides the one a facilitator held back, and marks none mine on an anonymous board", () => {
    const s = projected({ ...board, hiddenUntilReveal: true, revealed: true, anonymous: true }, [
      mine("m1", { authorName: null }),
      mine("m2", { withheld: true, authorName: null }),
    ]);
    expect(s.notes.m1).toMatchObject({ hidden: false, text: "my m1", authorTag: null });
    expect(s.notes.m2).toMatchObject({ hidden: true, text: "", authorTag: null });
  });

  it("changes nothing on an open board that names people", () => {
    const s = fromSnapshot({ seq: 0, board, notes: [mine("m1"), note("t1")], groups: [], myTag: "me", canWrite: true });
    expect(asTheRoomSees(s).notes).toEqual(s.notes);
  });
});

describe("grouping with the note above", () => {
  it("is offered only where it changes something", () => {
    const [a, b, c, d] = [note("a"), note("b", { groupId: "g" }), note("c", { groupId: "g" }), note("d")];
    const column = [a, b, c, d] as WireNote[];
    expect(column.map((n) => canGroupWithAbove(column, n))).toEqual([false, true, false, true]);
  });
});
