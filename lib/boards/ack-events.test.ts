import { describe, expect, it } from "vitest";
import { wireBoard, wireNote } from "@/test/support/wire-board";
import { eventsOfAck } from "./ack-events";
import { applyBoardEvent, fromSnapshot } from "./board-state";

const board = wireBoard([
  { key: "ideas", title: "Ideas" },
  { key: "shortlist", title: "Shortlist" },
]);
const note = (column: string, version: number) => wireNote("n1", { column, version, text: "Shade by the playground" });

/** The wall as the facilitator's screen holds it after the acks it got, in order. */
const wallAfter = (...acks: Parameters<typeof eventsOfAck>[1][]) =>
  acks
    .flatMap((ack) => eventsOfAck("note:move", ack))
    .reduce(applyBoardEvent, fromSnapshot({ seq: 0, board, notes: [], groups: [], myTag: "me", canWrite: true }));

describe("an ack on the facilitator's wall", () => {
  it("shows the sender's change at once", () => {
    expect(wallAfter({ ok: true, result: { note: note("shortlist", 2) } }).notes.n1?.column).toBe("shortlist");
  });

  it("of a retried command leaves the wall as it is: its result is the first run's, older than the room", () => {
    // Moved to the shortlist, then moved back by someone else; the first move, sent again after a
    // dropped connection, is answered with the shortlist it once made.
    const fresher = { ok: true as const, result: { note: note("ideas", 3) } };
    const retry = { ok: true as const, result: { note: note("shortlist", 2) }, duplicate: true };
    expect(wallAfter(fresher, retry).notes.n1?.column).toBe("ideas");
    expect(eventsOfAck("note:delete", { ok: true, result: { noteId: "n1" }, duplicate: true })).toEqual([]);
  });

  it("of a refusal changes nothing", () => {
    expect(eventsOfAck("note:move", { ok: false, error: { code: "conflict", message: "Locked" } })).toEqual([]);
  });
});
