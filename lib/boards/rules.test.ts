import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import {
  authorTag,
  canChangeNote,
  canReadBoard,
  canWriteOnBoard,
  groupTitleVisibleTo,
  mayArrangeNote,
  noteVisibleTo,
  positionBetween,
} from "./rules";
import { templateColumns } from "./template-words";

const participant: Actor = { kind: "participant", eventId: "e1", participantId: "p1", role: "participant" };
const facilitator: Actor = { kind: "staff", eventId: "e1", accountId: "a1", name: "F", role: "facilitator" };
const plenary = { eventId: "e1", teamId: null, locked: false };
const teamBoard = { eventId: "e1", teamId: "t1", locked: false };

describe("board rules", () => {
  it("lets everyone write on a plenary board, only members on a team board, and staff everywhere", () => {
    expect(canWriteOnBoard(participant, plenary, null)).toBe(true);
    expect(canWriteOnBoard(participant, teamBoard, "t1")).toBe(true);
    expect(canWriteOnBoard(participant, teamBoard, "t2")).toBe(false);
    expect(canWriteOnBoard(participant, teamBoard, null)).toBe(false);
    expect(canWriteOnBoard(facilitator, teamBoard, null)).toBe(true);
  });

  it("lets everyone in the event read every board, other teams' included, and nobody else", () => {
    expect(canReadBoard(participant, teamBoard)).toBe(true);
    expect(canReadBoard(participant, plenary)).toBe(true);
    expect(canReadBoard(participant, { ...teamBoard, eventId: "e2" })).toBe(false);
    expect(canReadBoard(facilitator, { ...plenary, eventId: "e2" })).toBe(false);
  });

  it("keeps a locked board for staff, and another event's board for nobody", () => {
    expect(canWriteOnBoard(participant, { ...plenary, locked: true }, null)).toBe(false);
    expect(canWriteOnBoard(facilitator, { ...plenary, locked: true }, null)).toBe(true);
    expect(canWriteOnBoard(facilitator, { ...plenary, eventId: "e2" }, null)).toBe(false);
  });

  it("lets people change their own notes and staff change any", () => {
    const mine = { participantId: "p1", accountId: null };
    const theirs = { participantId: "p2", accountId: null };
    expect(canChangeNote(participant, mine, plenary)).toBe(true);
    expect(canChangeNote(participant, theirs, plenary)).toBe(false);
    expect(canChangeNote(participant, mine, { ...plenary, locked: true })).toBe(false);
    expect(canChangeNote(facilitator, theirs, plenary)).toBe(true);
  });

  it("shows hidden notes only to their author until the board is revealed", () => {
    const hidden = { hiddenUntilReveal: true, revealedAt: null };
    expect(noteVisibleTo(hidden, "p:p1", "p:p1")).toBe(true);
    expect(noteVisibleTo(hidden, "p:p2", "p:p1")).toBe(false);
    expect(noteVisibleTo(hidden, null, null)).toBe(false);
    expect(noteVisibleTo({ hiddenUntilReveal: true, revealedAt: 5 }, "p:p2", "p:p1")).toBe(true);
    expect(noteVisibleTo({ hiddenUntilReveal: false, revealedAt: null }, "p:p2", "p:p1")).toBe(true);
  });

  it("hides a group's title on a hidden board from all but the person whose notes it holds, until the reveal", () => {
    const hidden = { hiddenUntilReveal: true, revealedAt: null };
    expect(groupTitleVisibleTo(hidden, ["p:p1", "p:p1"], "p:p1")).toBe(true);
    expect(groupTitleVisibleTo(hidden, ["p:p1", "p:p2"], "p:p1")).toBe(false);
    expect(groupTitleVisibleTo(hidden, ["p:p1"], "p:p2")).toBe(false);
    expect(groupTitleVisibleTo(hidden, ["p:p1"], null)).toBe(false);
    expect(groupTitleVisibleTo(hidden, [], "p:p1")).toBe(false);
    expect(groupTitleVisibleTo(hidden, ["a:a1"], "a:a1")).toBe(true);
    for (const open of [
      { hiddenUntilReveal: true, revealedAt: 5 },
      { hiddenUntilReveal: false, revealedAt: null },
    ]) {
      expect(groupTitleVisibleTo(open, ["p:p1", "p:p2"], null)).toBe(true);
      expect(groupTitleVisibleTo(open, [], "p:p3")).toBe(true);
    }
  });

  it("lets staff arrange any note, and anyone else only a note they can read", () => {
    const hidden = { hiddenUntilReveal: true, revealedAt: null };
    expect(mayArrangeNote(participant, hidden, "p:p1", false)).toBe(true);
    expect(mayArrangeNote(participant, hidden, "p:p2", false)).toBe(false);
    expect(mayArrangeNote(participant, { hiddenUntilReveal: true, revealedAt: 5 }, "p:p2", false)).toBe(true);
    expect(mayArrangeNote(participant, { hiddenUntilReveal: false, revealedAt: null }, "p:p2", false)).toBe(true);
    expect(mayArrangeNote(participant, { hiddenUntilReveal: false, revealedAt: null }, "p:p2", true)).toBe(false);
    expect(mayArrangeNote(facilitator, hidden, "p:p2", false)).toBe(true);
    expect(mayArrangeNote(facilitator, { hiddenUntilReveal: false, revealedAt: null }, "p:p2", true)).toBe(true);
  });

  it("keeps a note a facilitator hid from the room hidden from everyone but its author, before and after the reveal", () => {
    for (const board of [
      { hiddenUntilReveal: false, revealedAt: null },
      { hiddenUntilReveal: true, revealedAt: null },
      { hiddenUntilReveal: true, revealedAt: 5 },
    ]) {
      expect(noteVisibleTo(board, "p:p2", "p:p1", true)).toBe(false);
      expect(noteVisibleTo(board, "p:p2", null, true)).toBe(false);
      expect(noteVisibleTo(board, "p:p2", "p:p2", true)).toBe(true);
    }
    expect(noteVisibleTo({ hiddenUntilReveal: false, revealedAt: null }, "p:p2", "p:p1", false)).toBe(true);
  });

  it("gives each author a stable pseudonym per board that differs between boards", () => {
    expect(authorTag("b1", "p:p1")).toBe(authorTag("b1", "p:p1"));
    expect(authorTag("b1", "p:p1")).not.toBe(authorTag("b2", "p:p1"));
    expect(authorTag("b1", "p:p1")).not.toContain("p1");
    expect(authorTag("b1", null)).toBeNull();
  });

  it("keys the pseudonym with the server's secret: knowing the board and a person's id is not enough to find it", () => {
    const before = process.env.SESSION_SECRET;
    try {
      process.env.SESSION_SECRET = "one installation's secret";
      const tag = authorTag("b1", "p:p1");
      // What anyone in the room could compute from the board id and the person's id:
      expect(tag).not.toBe(createHash("sha256").update("b1:p:p1").digest("base64url").slice(0, 16));
      // The same on every process of one installation, another on another installation.
      expect(authorTag("b1", "p:p1")).toBe(tag);
      process.env.SESSION_SECRET = "another installation's secret";
      expect(authorTag("b1", "p:p1")).not.toBe(tag);
    } finally {
      process.env.SESSION_SECRET = before;
      if (before === undefined) delete process.env.SESSION_SECRET;
    }
  });

  it("places a moved note between its neighbours, and asks for renumbering when they touch", () => {
    expect(positionBetween(undefined, undefined)).toBe(1);
    expect(positionBetween(3, undefined)).toBe(4);
    expect(positionBetween(undefined, 3)).toBe(2);
    expect(positionBetween(1, 2)).toBe(1.5);
    expect(positionBetween(1, 1 + 1e-12)).toBeNull();
  });

  it("makes unique column keys from titles", () => {
    expect(templateColumns("journey", "en-GB")).toEqual([
      { key: "magic-moments", title: "Magic moments" },
      { key: "miserable-moments", title: "Miserable moments" },
    ]);
    // The same keys in every language; the prompts in the event's.
    expect(templateColumns("journey", "pt-PT")).toEqual([
      { key: "magic-moments", title: "Momentos mágicos" },
      { key: "miserable-moments", title: "Momentos miseráveis" },
    ]);
    expect(templateColumns("blank", "fr", ["Ideas", "Ideas", "!!"]).map((c) => c.key)).toEqual(["ideas", "ideas-2", "column"]);
  });
});
