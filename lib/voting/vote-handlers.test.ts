import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { boards, noteGroups, notes, roomSequences, teamMembers, teams, voteRounds, votes } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { executeCommand } from "@/lib/realtime/execute-command";
import { handlers } from "@/lib/realtime/handlers";
import { versionKeys } from "@/lib/realtime/sequence";
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

/**
 * vote:cast and vote:retract, refusal by refusal: which check answers first and in what words.
 * The hot path reads everything it checks in one statement, so the order of the checks is
 * pinned here rather than by the order of the queries.
 */

let temp: Awaited<ReturnType<typeof openTempDatabase>>;
let event: Awaited<ReturnType<typeof createTestEvent>>;
let organiserId: string;
let me: Actor;

beforeEach(async () => {
  temp = await openTempDatabase();
  organiserId = (await createAccount(temp.db)).accountId;
  event = await createTestEvent(temp.db, organiserId, "Made in Lambeth");
  me = participantActor(event.id, await addParticipant(temp.db, event.id, "Resident"));
});
afterEach(() => temp.cleanup());

type RoundInput = Partial<typeof voteRounds.$inferInsert>;

async function addRound(values: RoundInput = {}) {
  const id = randomUUID();
  const boardId = values.boardId ?? event.welcomeBoardId;
  await temp.db.transact((tx) =>
    tx.insert(voteRounds).values({ id, boardId, eventId: event.id, dotsPerPerson: 3, maxPerTarget: 2, ...values }),
  );
  return id;
}

async function addNote(boardId = event.welcomeBoardId, column = event.welcomeColumn) {
  const id = randomUUID();
  await temp.db.transact((tx) => tx.insert(notes).values({ id, boardId, column, text: "More benches" }));
  return id;
}

async function addGroup(boardId = event.welcomeBoardId) {
  const id = randomUUID();
  await temp.db.transact((tx) => tx.insert(noteGroups).values({ id, boardId, title: "Benches" }));
  return id;
}

/** A team board, with `member` in the team. */
async function addTeamBoard(member: Actor | null) {
  const teamId = randomUUID();
  const boardId = randomUUID();
  await temp.db.transact(async (tx) => {
    await tx.insert(teams).values({ id: teamId, eventId: event.id, name: "Green" });
    if (member?.kind === "participant") {
      await tx.insert(teamMembers).values({ eventId: event.id, participantId: member.participantId, teamId });
    }
    await tx
      .insert(boards)
      .values({ id: boardId, eventId: event.id, teamId, title: "Green's ideas", columns: [{ key: "ideas", title: "Ideas" }] });
  });
  return boardId;
}

const cast = (roundId: string, targetId: string, actor = me, id = commandId()) =>
  executeCommand({ db: temp.db, handlers }, actor, "vote:cast", { id, payload: { roundId, targetId } });
const retract = (roundId: string, targetId: string, actor = me, id = commandId()) =>
  executeCommand({ db: temp.db, handlers }, actor, "vote:retract", { id, payload: { roundId, targetId } });

const refused = (code: string, message: string) => ({ ok: false, error: { code, message } });

const myVotes = async (roundId: string, actor = me) =>
  temp.db.read
    .select({ targetId: votes.targetId, slot: votes.slot, place: votes.placeOnTarget })
    .from(votes)
    .where(and(eq(votes.roundId, roundId), eq(votes.voterKey, `p:${(actor as { participantId: string }).participantId}`)))
    .orderBy(votes.slot);

const tallyVersion = async (roundId: string) =>
  (
    await temp.db.read
      .select()
      .from(roomSequences)
      .where(eq(roomSequences.room, versionKeys.tally(roundId)))
  )[0]?.seq ?? 0;

describe("vote:cast and vote:retract", () => {
  it("refuse a round that doesn't exist or is another event's, alike", async () => {
    const note = await addNote();
    const otherEvent = await createTestEvent(temp.db, organiserId, "Our Street");
    const theirs = await addRound({ eventId: otherEvent.id, boardId: otherEvent.welcomeBoardId });
    for (const send of [cast, retract]) {
      expect((await send(randomUUID(), note)).ack).toEqual(refused("not_found", "That vote doesn't exist."));
      expect((await send(theirs, note)).ack).toEqual(refused("not_found", "That vote doesn't exist."));
    }
  });
});

describe("vote:cast", () => {
  it("places a dot in the lowest free slot, counts it, and moves the tally's version", async () => {
    const round = await addRound();
    const [a, b] = [await addNote(), await addNote()];
    expect((await cast(round, a)).ack).toEqual({ ok: true, result: { mine: { [a]: 1 } } });
    expect((await cast(round, b)).ack).toEqual({ ok: true, result: { mine: { [a]: 1, [b]: 1 } } });
    const second = await cast(round, a);
    expect(second.ack).toEqual({ ok: true, result: { mine: { [a]: 2, [b]: 1 } } });
    expect(second.signals).toEqual([
      { kind: "tally", roundId: round, room: `votes:${event.welcomeBoardId}` },
      // The voter's other screens are told their dots; the one that tapped has them in its answer.
      {
        kind: "own-dots",
        eventId: event.id,
        voterKey: expect.stringMatching(/^p:/),
        boardId: event.welcomeBoardId,
        roundId: round,
        mine: { [a]: 2, [b]: 1 },
        notToSender: true,
      },
    ]);
    expect(second.broadcasts).toEqual([]);
    expect(await tallyVersion(round)).toBe(3);
    // Take back b's dot (slot 1): the next dot fills slot 1 again, at place 0 on its note.
    expect((await retract(round, b)).ack).toEqual({ ok: true, result: { mine: { [a]: 2 } } });
    expect((await cast(round, b)).ack.ok).toBe(true);
    expect(await myVotes(round)).toEqual([
      { targetId: a, slot: 0, place: 0 },
      { targetId: b, slot: 1, place: 0 },
      { targetId: a, slot: 2, place: 1 },
    ]);
  });

  it("answers a retried command id with the first result and writes nothing more", async () => {
    const round = await addRound();
    const note = await addNote();
    const id = commandId();
    const first = await cast(round, note, me, id);
    const again = await cast(round, note, me, id);
    expect(again.ack).toEqual({ ok: true, result: { mine: { [note]: 1 } }, duplicate: true });
    expect(again.signals).toEqual(first.signals);
    expect(await myVotes(round)).toHaveLength(1);
    expect(await tallyVersion(round)).toBe(1);
  });

  it("lets only a team's members vote on its board, locked or not, before any other refusal", async () => {
    const ownBoard = await addTeamBoard(me);
    const mine = await addRound({ boardId: ownBoard });
    const onMine = await addNote(ownBoard, "ideas");
    await temp.db.transact((tx) => tx.update(boards).set({ locked: true }).where(eq(boards.id, ownBoard)));
    expect((await cast(mine, onMine)).ack.ok).toBe(true);

    const theirBoard = await addTeamBoard(null);
    const closed = await addRound({ boardId: theirBoard, status: "closed" });
    expect((await cast(closed, randomUUID())).ack).toEqual(refused("forbidden", "Only members of this team vote on its board."));
    // Staff vote anywhere.
    const staff = staffActor(event.id, organiserId);
    const open = await addRound({ boardId: theirBoard });
    const onTheirs = await addNote(theirBoard, "ideas");
    expect((await cast(open, onTheirs, staff)).ack).toEqual({ ok: true, result: { mine: { [onTheirs]: 1 } } });
  });

  it("refuses once voting has closed, before looking at the target", async () => {
    const closed = await addRound({ status: "closed" });
    expect((await cast(closed, randomUUID())).ack).toEqual(refused("conflict", "Voting has closed."));
    const expired = await addRound({ endsAt: Date.now() - 1 });
    expect((await cast(expired, await addNote())).ack).toEqual(refused("conflict", "Voting has closed."));
  });

  it("refuses past the dot budget and past the limit per note", async () => {
    const round = await addRound({ dotsPerPerson: 2, maxPerTarget: 1 });
    const [a, b] = [await addNote(), await addNote()];
    await cast(round, a);
    expect((await cast(round, a)).ack).toEqual(refused("conflict", "You can put only one dot on each note."));
    await cast(round, b);
    expect((await cast(round, randomUUID())).ack).toEqual(
      refused("conflict", "You've used all your dots. Take one back to move it."),
    );
    const wideBoard = await addBoard(temp.db, event.id);
    const wide = await addRound({ boardId: wideBoard, maxPerTarget: 2 });
    const onWide = await addNote(wideBoard, "ideas");
    await cast(wide, onWide);
    await cast(wide, onWide);
    expect((await cast(wide, onWide)).ack).toEqual(refused("conflict", "You can put at most 2 dots on one note."));
  });

  it("refuses a target that is gone, on another board, of the wrong kind or in another column", async () => {
    const round = await addRound();
    expect((await cast(round, randomUUID())).ack).toEqual(refused("not_found", "That note has been deleted."));
    const elsewhere = await addNote(await addBoard(temp.db, event.id), "ideas");
    expect((await cast(round, elsewhere)).ack).toEqual(refused("not_found", "That note has been deleted."));
    expect((await cast(round, await addGroup())).ack).toEqual(refused("conflict", "In this vote, dots go on single notes."));

    const groupsBoard = await addBoard(temp.db, event.id);
    const onGroups = await addRound({ boardId: groupsBoard, targets: "groups" });
    expect((await cast(onGroups, await addNote(groupsBoard, "ideas"))).ack).toEqual(
      refused("conflict", "In this vote, dots go on groups, not single notes."),
    );
    const group = await addGroup(groupsBoard);
    expect((await cast(onGroups, group)).ack).toEqual({ ok: true, result: { mine: { [group]: 1 } } });
    await cast(onGroups, group);
    // The limit is said of what the vote is on.
    expect((await cast(onGroups, group)).ack).toEqual(refused("conflict", "You can put at most 2 dots on one group."));
    expect((await retract(onGroups, await addGroup(groupsBoard))).ack).toEqual(
      refused("conflict", "You have no dot on that group."),
    );

    const columnsBoard = await addBoard(temp.db, event.id, "Two columns", [
      { key: "now", title: "Now" },
      { key: "next", title: "Next" },
    ]);
    const onNext = await addRound({ boardId: columnsBoard, targets: "both", columns: ["next"] });
    expect((await cast(onNext, await addNote(columnsBoard, "now"))).ack).toEqual(
      refused("conflict", "This vote is about other columns."),
    );
    const inNext = await addNote(columnsBoard, "next");
    expect((await cast(onNext, inNext)).ack).toEqual({ ok: true, result: { mine: { [inNext]: 1 } } });
    const both = await addGroup(columnsBoard);
    expect((await cast(onNext, both)).ack).toEqual({ ok: true, result: { mine: { [inNext]: 1, [both]: 1 } } });
  });
});

describe("vote:retract", () => {
  it("takes back the dot placed last on the note", async () => {
    const round = await addRound({ maxPerTarget: 3 });
    const [a, b] = [await addNote(), await addNote()];
    await cast(round, a);
    await cast(round, b);
    await cast(round, a);
    const back = await retract(round, a);
    expect(back.ack).toEqual({ ok: true, result: { mine: { [a]: 1, [b]: 1 } } });
    expect(back.signals).toEqual([
      { kind: "tally", roundId: round, room: `votes:${event.welcomeBoardId}` },
      expect.objectContaining({ kind: "own-dots", mine: { [a]: 1, [b]: 1 }, notToSender: true }),
    ]);
    expect(await myVotes(round)).toEqual([
      { targetId: a, slot: 0, place: 0 },
      { targetId: b, slot: 1, place: 0 },
    ]);
    expect((await retract(round, b)).ack).toEqual({ ok: true, result: { mine: { [a]: 1 } } });
    expect(await tallyVersion(round)).toBe(5);
  });

  it("refuses a closed round, and a note without my dot", async () => {
    const note = await addNote();
    const round = await addRound();
    expect((await retract(round, note)).ack).toEqual(refused("conflict", "You have no dot on that note."));
    await cast(round, note);
    await temp.db.transact((tx) => tx.update(voteRounds).set({ status: "closed" }).where(eq(voteRounds.id, round)));
    expect((await retract(round, note)).ack).toEqual(refused("conflict", "Voting has closed."));
  });
});
