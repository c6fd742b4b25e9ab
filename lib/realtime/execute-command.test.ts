import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { announcements, commandLog, events, notes, participants, roomSequences } from "@/db/schema";
import { createNote } from "@/lib/notes/create-note";
import {
  addBoard,
  addParticipant,
  addStaff,
  commandId,
  createAccount,
  createTestEvent,
  openTempDatabase,
  participantActor,
  staffActor,
} from "@/test/integration/support/fixtures";
import { pruneCommandLog, replayWindowMs } from "./command-log";
import { accessEndedMessage, type CommandName, rooms } from "./contract";
import { executeCommand } from "./execute-command";
import type { HandlerTable } from "./handler";
import { handlers } from "./handlers";

let temp: Awaited<ReturnType<typeof openTempDatabase>>;
let event: Awaited<ReturnType<typeof createTestEvent>>;
let otherEvent: Awaited<ReturnType<typeof createTestEvent>>;
let organiserId: string;
let participantId: string;

beforeEach(async () => {
  temp = await openTempDatabase();
  organiserId = (await createAccount(temp.db)).accountId;
  event = await createTestEvent(temp.db, organiserId, "Made in Lambeth");
  otherEvent = await createTestEvent(temp.db, organiserId, "Our Street");
  participantId = await addParticipant(temp.db, event.id, "Resident");
});

afterEach(() => temp.cleanup());

/** Rooms the command subscribed the socket to, in order, across every `run` of a test. */
let joined: string[];
beforeEach(() => {
  joined = [];
});

const run = <N extends CommandName>(actor = participantActor(event.id, participantId), name: N, envelope: unknown) =>
  executeCommand({ db: temp.db, handlers, join: (room) => joined.push(room) }, actor, name, envelope);

const noteEnvelope = (text = "More benches in the park", boardId = event.welcomeBoardId, column = event.welcomeColumn) => ({
  id: commandId(),
  payload: { boardId, column, text },
});

const count = async (table: typeof notes | typeof commandLog | typeof announcements | typeof roomSequences) =>
  (await temp.db.read.select().from(table)).length;

describe("validation", () => {
  it("refuses a bad payload as invalid, names the field, and writes nothing", async () => {
    const empty = await run(undefined, "note:create", {
      id: commandId(),
      payload: { boardId: event.welcomeBoardId, column: "hello", text: "   " },
    });
    expect(empty.ack).toMatchObject({ ok: false, error: { code: "invalid", message: "A note can't be empty" } });
    if (empty.ack.ok) throw new Error("unreachable");
    expect(empty.ack.error.issues).toEqual([{ path: "text", message: "A note can't be empty" }]);

    const missing = await run(undefined, "note:create", { id: commandId(), payload: { column: "hello", text: "hi" } });
    expect(missing.ack.ok).toBe(false);
    if (missing.ack.ok) throw new Error("unreachable");
    expect(missing.ack.error.issues?.map((i) => i.path)).toEqual(["boardId"]);

    const tooLong = await run(undefined, "note:create", noteEnvelope("x".repeat(281)));
    expect(tooLong.ack).toMatchObject({
      ok: false,
      error: { code: "invalid", message: "A note must be 280 characters or fewer" },
    });

    const extra = await run(undefined, "note:create", {
      id: commandId(),
      payload: { boardId: event.welcomeBoardId, column: "hello", text: "hi", authorParticipantId: "someone-else" },
    });
    expect(extra.ack).toMatchObject({ ok: false, error: { code: "invalid" } });

    const badColour = await run(undefined, "note:create", {
      id: commandId(),
      payload: { boardId: event.welcomeBoardId, column: "hello", text: "hi", colour: "<script>" },
    });
    if (badColour.ack.ok) throw new Error("a colour outside the palette was accepted");
    expect(badColour.ack.error.issues?.[0]?.path).toBe("colour");

    for (const r of [empty, missing, tooLong, extra, badColour]) expect(r.broadcasts).toEqual([]);
    expect(await count(notes)).toBe(0);
    expect(await count(commandLog)).toBe(0);
  });

  it("refuses a malformed envelope or a bad command id", async () => {
    const cases: unknown[] = [
      null,
      "note",
      42,
      { payload: noteEnvelope().payload },
      { id: "short", payload: noteEnvelope().payload },
      { id: "has spaces in it", payload: noteEnvelope().payload },
      { id: "x".repeat(65), payload: noteEnvelope().payload },
      { id: 12345678, payload: noteEnvelope().payload },
    ];
    for (const envelope of cases) {
      const r = await run(undefined, "note:create", envelope);
      expect(r.ack, JSON.stringify(envelope)).toMatchObject({ ok: false, error: { code: "invalid" } });
      expect(r.broadcasts).toEqual([]);
    }
    const badId = await run(undefined, "note:create", { id: "short", payload: noteEnvelope().payload });
    if (badId.ack.ok) throw new Error("unreachable");
    expect(badId.ack.error.issues?.map((i) => i.path)).toEqual(["id"]);
    expect(await count(notes)).toBe(0);
    expect(await count(commandLog)).toBe(0);
  });

  it("refuses a column the board does not have, writing nothing", async () => {
    const r = await run(undefined, "note:create", noteEnvelope("hi", event.welcomeBoardId, "not-a-column"));
    expect(r.ack).toMatchObject({ ok: false, error: { code: "invalid", issues: [{ path: "column" }] } });
    expect(await count(notes)).toBe(0);
    expect(await count(commandLog)).toBe(0);
    expect(await count(roomSequences)).toBe(0);
  });
});

describe("authorisation", () => {
  it("refuses a participant's announcement as forbidden and writes nothing", async () => {
    const r = await run(undefined, "announcement:send", { id: commandId(), payload: { text: "Lunch is ready" } });
    expect(r.ack).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(r.broadcasts).toEqual([]);
    expect(await count(announcements)).toBe(0);
    expect(await count(commandLog)).toBe(0);
    expect(await count(roomSequences)).toBe(0);
  });

  it("lets a facilitator announce to the event room", async () => {
    const facilitator = await createAccount(temp.db, "Facilitator, Healthwatch");
    await addStaff(temp.db, event.id, facilitator.accountId, "facilitator");
    const actor = staffActor(event.id, facilitator.accountId, "facilitator");
    const r = await run(actor, "announcement:send", { id: commandId(), payload: { text: "  Lunch is ready  " } });
    if (!r.ack.ok) throw new Error(r.ack.error.message);
    expect(r.ack.result.announcement.text).toBe("Lunch is ready");
    expect(r.broadcasts[0]).toEqual({
      room: rooms.event(event.id),
      event: "announcement:made",
      seq: 1,
      data: { announcement: r.ack.result.announcement },
    });
    // Its line in the activity log goes to the staff room only.
    expect(r.broadcasts[1]).toMatchObject({
      room: rooms.staff(event.id),
      event: "activity:logged",
      data: { entry: { kind: "announcement", text: "announced “Lunch is ready”" } },
    });
    const [row] = await temp.db.read.select().from(announcements);
    expect(row).toMatchObject({ eventId: event.id, createdBy: facilitator.accountId, text: "Lunch is ready" });
  });

  it("treats a board of another event as not found, for writes and reads", async () => {
    const write = await run(undefined, "note:create", noteEnvelope("hi", otherEvent.welcomeBoardId, otherEvent.welcomeColumn));
    expect(write.ack).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(write.broadcasts).toEqual([]);

    const read = await run(undefined, "board:open", { id: commandId(), payload: { boardId: otherEvent.welcomeBoardId } });
    expect(read.ack).toMatchObject({ ok: false, error: { code: "not_found" } });

    const missing = await run(undefined, "board:open", { id: commandId(), payload: { boardId: "no-such-board" } });
    expect(missing.ack).toMatchObject({ ok: false, error: { code: "not_found" } });

    expect(joined).toEqual([]);
    expect(await count(notes)).toBe(0);
    expect(await count(commandLog)).toBe(0);
  });
});

describe("idempotency", () => {
  it("applies a retried command once and answers the retry with the first result", async () => {
    const envelope = noteEnvelope();
    const first = await run(undefined, "note:create", envelope);
    const second = await run(undefined, "note:create", envelope);

    if (!first.ack.ok) throw new Error(first.ack.error.message);
    expect(first.ack.duplicate).toBeUndefined();
    expect(first.broadcasts).toHaveLength(1);
    expect(second.ack).toEqual({ ok: true, result: first.ack.result, duplicate: true });
    // Re-sent under the same number: the first process may have died before publishing it.
    expect(second.broadcasts).toEqual(first.broadcasts);
    expect(await count(notes)).toBe(1);
    const [seq] = await temp.db.read.select().from(roomSequences);
    expect(seq).toEqual({ room: rooms.board(event.welcomeBoardId), seq: 1 });
  });

  it("answers a retry whose record was broken (not JSON) as applied, not as an error, and applies it once", async () => {
    const envelope = noteEnvelope();
    await run(undefined, "note:create", envelope);
    // As a rename from ":" left every record before names were no longer replaced as text.
    await temp.db.transact((tx) =>
      tx
        .update(commandLog)
        .set({ result: sql`'{"note":{"id""Ann"}}'`, fanout: sql`'{"broadcasts""Ann"}'` })
        .where(eq(commandLog.commandId, envelope.id)),
    );
    const again = await run(undefined, "note:create", envelope);
    expect(again.ack).toEqual({ ok: true, result: null, duplicate: true });
    expect(again.broadcasts).toEqual([]);
    expect(await count(notes)).toBe(1);
  });

  it("re-sends a retry's broadcasts only while fresh: later, what it carried may have been taken back", async () => {
    const envelope = noteEnvelope();
    const first = await run(undefined, "note:create", envelope);
    if (!first.ack.ok) throw new Error(first.ack.error.message);
    // As if the first run were more than a minute ago.
    await temp.db.transact((tx) => tx.update(commandLog).set({ createdAt: Date.now() - replayWindowMs - 1_000 }));
    const late = await run(undefined, "note:create", envelope);
    expect(late.ack).toEqual({ ok: true, result: first.ack.result, duplicate: true });
    expect(late.broadcasts).toEqual([]);
    expect(await count(notes)).toBe(1);
    // The sweep then forgets what it broadcast (the note's words, its author's name); a retry is answered the same.
    await pruneCommandLog(temp.db);
    expect((await temp.db.read.select().from(commandLog)).map((r) => r.fanout)).toEqual([null]);
    const later = await run(undefined, "note:create", envelope);
    expect(later.ack).toEqual({ ok: true, result: first.ack.result, duplicate: true });
    expect(later.broadcasts).toEqual([]);
    expect(await count(notes)).toBe(1);
  });

  it("applies the same id sent ten times at once exactly once", async () => {
    const envelope = noteEnvelope();
    const results = await Promise.all(Array.from({ length: 10 }, () => run(undefined, "note:create", envelope)));

    const acks = results.map((r) => r.ack);
    expect(acks.every((a) => a.ok)).toBe(true);
    const originals = results.filter((r) => r.ack.ok && !r.ack.duplicate);
    expect(originals).toHaveLength(1);
    const original = originals[0]!.ack;
    for (const a of acks) if (a.ok) expect(a.result).toEqual(original.ok && original.result);
    // One numbered broadcast, re-sent with each duplicate under the same number.
    expect(new Set(results.flatMap((r) => r.broadcasts.map((b) => `${b.room}#${b.seq}`))).size).toBe(1);
    expect(await count(notes)).toBe(1);
    expect(await count(commandLog)).toBe(1);
  });

  it("scopes command ids to the person: the same id from two people applies twice", async () => {
    const other = await addParticipant(temp.db, event.id, "Young Lambeth Co-op member");
    const envelope = noteEnvelope();
    const a = await run(participantActor(event.id, participantId), "note:create", envelope);
    const b = await run(participantActor(event.id, other), "note:create", envelope);
    expect(a.ack).toMatchObject({ ok: true });
    expect(b.ack).toMatchObject({ ok: true });
    expect(b.ack.ok && b.ack.duplicate).toBeFalsy();
    expect(await count(notes)).toBe(2);
  });

  it("refuses an id reused for a different command as a conflict", async () => {
    const facilitator = await createAccount(temp.db, "Facilitator");
    await addStaff(temp.db, event.id, facilitator.accountId, "facilitator");
    const actor = staffActor(event.id, facilitator.accountId, "facilitator");
    const id = commandId();
    const note = await run(actor, "note:create", { id, payload: noteEnvelope().payload });
    expect(note.ack.ok).toBe(true);
    const reused = await run(actor, "announcement:send", { id, payload: { text: "Lunch" } });
    expect(reused.ack).toMatchObject({ ok: false, error: { code: "conflict" } });
    expect(await count(announcements)).toBe(0);
  });

  it("does not record reads, so a read can be repeated with the same id", async () => {
    const envelope = { id: commandId(), payload: { boardId: event.welcomeBoardId } };
    const first = await run(undefined, "board:open", envelope);
    const second = await run(undefined, "board:open", envelope);
    expect(first.ack).toMatchObject({ ok: true });
    expect(second.ack.ok && second.ack.duplicate).toBeFalsy();
    expect(await count(commandLog)).toBe(0);
  });
});

describe("access, checked again with each command", () => {
  const held = () => ({ actor: participantActor(event.id, participantId), sessionHash: null, deviceId: null });
  const runHeld = <N extends CommandName>(name: N, envelope: unknown) =>
    executeCommand({ db: temp.db, handlers, held: held() }, held().actor, name, envelope);

  it("applies a write and answers a read while the sender's access holds", async () => {
    const write = await runHeld("note:create", noteEnvelope());
    expect(write.ack.ok).toBe(true);
    expect(write.accessEnded).toBeUndefined();
    const read = await runHeld("board:open", { id: commandId(), payload: { boardId: event.welcomeBoardId } });
    expect(read.ack.ok).toBe(true);
    expect(await count(notes)).toBe(1);
  });

  it("refuses a write and a read once the sender has left, applying and recording nothing", async () => {
    await temp.db.transact((tx) => tx.update(participants).set({ leftAt: Date.now() }).where(eq(participants.id, participantId)));
    const write = await runHeld("note:create", noteEnvelope());
    expect(write.accessEnded).toBe("ended");
    expect(write.ack).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    expect(write.broadcasts).toEqual([]);
    const read = await runHeld("board:open", { id: commandId(), payload: { boardId: event.welcomeBoardId } });
    expect(read.accessEnded).toBe("ended");
    expect(await count(notes)).toBe(0);
    expect(await count(commandLog)).toBe(0);
  });

  it("while the event is a draft, refuses saying it isn't open (not that the sender is signed out); published again, applies", async () => {
    const setStatus = (status: "draft" | "published") =>
      temp.db.transact((tx) => tx.update(events).set({ status }).where(eq(events.id, event.id)));
    await setStatus("draft");
    const write = await runHeld("note:create", noteEnvelope());
    expect(write.accessEnded).toBe("closed");
    expect(write.ack).toMatchObject({ ok: false, error: { code: "unauthenticated", message: accessEndedMessage.closed } });
    const read = await runHeld("board:open", { id: commandId(), payload: { boardId: event.welcomeBoardId } });
    expect(read.accessEnded).toBe("closed");
    expect(await count(notes)).toBe(0);
    await setStatus("published");
    expect((await runHeld("note:create", noteEnvelope())).ack.ok).toBe(true);
    expect(await count(notes)).toBe(1);
  });

  it("once the event has finished, the person may still leave (erasing their details), and nothing else", async () => {
    const mine = await runHeld("note:create", noteEnvelope("Written on the weekend"));
    expect(mine.ack.ok).toBe(true);
    await temp.db.transact((tx) => tx.update(events).set({ status: "archived" }).where(eq(events.id, event.id)));
    const write = await runHeld("note:create", noteEnvelope());
    expect(write.accessEnded).toBe("finished");
    const team = await runHeld("team:leave", { id: commandId(), payload: {} });
    expect(team.accessEnded).toBe("finished");
    const left = await runHeld("event:leave", { id: commandId(), payload: { deleteNotes: true } });
    expect(left.ack).toMatchObject({ ok: true, result: { notesDeleted: 1 } });
    expect(left.revocations).toEqual([{ kind: "participant", participantId }]);
    const [person] = await temp.db.read.select().from(participants).where(eq(participants.id, participantId));
    expect(person?.leftAt).not.toBeNull();
    expect(person?.displayName).not.toBe("Resident");
    expect(await count(notes)).toBe(0);
    // Gone now: leaving again (or anything else) is refused as for anyone who left.
    expect((await runHeld("event:leave", { id: commandId(), payload: { deleteNotes: false } })).accessEnded).toBe("ended");
  });

  it("a draft event lets nobody leave through the finished-event exception", async () => {
    await temp.db.transact((tx) => tx.update(events).set({ status: "draft" }).where(eq(events.id, event.id)));
    const left = await runHeld("event:leave", { id: commandId(), payload: { deleteNotes: false } });
    expect(left.accessEnded).toBe("closed");
    const [person] = await temp.db.read.select().from(participants).where(eq(participants.id, participantId));
    expect(person?.leftAt).toBeNull();
  });

  it("a write queued behind the one that takes access away is refused, even in the same commit", async () => {
    // The removal and the note share one group commit: the note's check runs in that
    // transaction, after the removal, and sees it.
    const removal = temp.db.transact((tx) =>
      tx.update(participants).set({ leftAt: Date.now() }).where(eq(participants.id, participantId)),
    );
    const write = runHeld("note:create", noteEnvelope());
    await removal;
    expect((await write).accessEnded).toBe("ended");
    expect(await count(notes)).toBe(0);
  });
});

describe("sequencing", () => {
  it("numbers each room's broadcasts 1, 2, … independently, and board:open reports the current seq", async () => {
    const secondBoard = await addBoard(temp.db, event.id, "Love Your Space", [{ key: "ideas", title: "Ideas" }]);
    const organiser = staffActor(event.id, organiserId);

    const one = await run(undefined, "note:create", noteEnvelope("First"));
    const two = await run(undefined, "note:create", noteEnvelope("Second"));
    const elsewhere = await run(undefined, "note:create", noteEnvelope("Elsewhere", secondBoard, "ideas"));
    const announced = await run(organiser, "announcement:send", { id: commandId(), payload: { text: "Teams, please" } });

    const boardRoom = rooms.board(event.welcomeBoardId);
    expect(one.broadcasts.map((b) => [b.room, b.event, b.seq])).toEqual([[boardRoom, "note:created", 1]]);
    expect(two.broadcasts.map((b) => [b.room, b.event, b.seq])).toEqual([[boardRoom, "note:created", 2]]);
    expect(elsewhere.broadcasts.map((b) => [b.room, b.seq])).toEqual([[rooms.board(secondBoard), 1]]);
    expect(announced.broadcasts.map((b) => [b.room, b.seq])).toEqual([
      [rooms.event(event.id), 1],
      [rooms.staff(event.id), 1],
    ]);

    const broadcastNote = two.broadcasts[0]?.data;
    expect(broadcastNote).toMatchObject({ note: { text: "Second", authorName: "Resident" } });
    // The room learns a per-board pseudonym of the author, never their participant id.
    expect(JSON.stringify(broadcastNote)).not.toContain(participantId);

    const snapshot = await run(undefined, "board:open", { id: commandId(), payload: { boardId: event.welcomeBoardId } });
    if (!snapshot.ack.ok) throw new Error(snapshot.ack.error.message);
    expect(snapshot.ack.result.seq).toBe(2);
    const myTag = snapshot.ack.result.myTag;
    expect(snapshot.ack.result.notes.map((n) => [n.text, n.authorTag === myTag, n.authorName])).toEqual([
      ["First", true, "Resident"],
      ["Second", true, "Resident"],
    ]);
    expect(joined).toEqual([boardRoom]);

    const asOrganiser = await run(organiser, "board:open", { id: commandId(), payload: { boardId: event.welcomeBoardId } });
    if (!asOrganiser.ack.ok) throw new Error(asOrganiser.ack.error.message);
    const organiserTag = asOrganiser.ack.result.myTag;
    expect(asOrganiser.ack.result.notes.map((n) => n.authorTag === organiserTag)).toEqual([false, false]);

    const empty = await run(undefined, "board:open", {
      id: commandId(),
      payload: { boardId: await addBoard(temp.db, event.id) },
    });
    expect(empty.ack.ok && empty.ack.result.seq).toBe(0);

    const eventSnapshot = await run(undefined, "event:snapshot", { id: commandId(), payload: {} });
    expect(eventSnapshot.ack).toMatchObject({
      ok: true,
      result: { seq: 1, announcement: { text: "Teams, please" }, me: { kind: "participant", role: "participant" } },
    });
  });

  it("stamps the note with the injected clock", async () => {
    const r = await executeCommand(
      { db: temp.db, handlers, now: () => 1_700_000_000_000 },
      participantActor(event.id, participantId),
      "note:create",
      noteEnvelope(),
    );
    expect(r.ack.ok && r.ack.result.note.createdAt).toBe(1_700_000_000_000);
    const [row] = await temp.db.read.select().from(notes);
    expect(row?.createdAt).toBe(1_700_000_000_000);
  });
});

describe("failures inside apply", () => {
  it("rolls back the note, the sequence and the command_log row, so a retry applies", async () => {
    let failNext = true;
    const flaky: HandlerTable = {
      ...handlers,
      "note:create": {
        ...createNote,
        async apply(tx, input) {
          const applied = await createNote.apply(tx, input);
          if (failNext) {
            failNext = false;
            throw new Error("disk on fire");
          }
          return applied;
        },
      },
    };
    const onError = vi.fn();
    const actor = participantActor(event.id, participantId);
    const envelope = noteEnvelope();

    const failed = await executeCommand({ db: temp.db, handlers: flaky, onError }, actor, "note:create", envelope);
    expect(failed.ack).toMatchObject({ ok: false, error: { code: "internal" } });
    expect(failed.broadcasts).toEqual([]);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: "disk on fire" }));
    expect(await count(notes)).toBe(0);
    expect(await count(commandLog)).toBe(0);
    expect(await count(roomSequences)).toBe(0);

    const retried = await executeCommand({ db: temp.db, handlers: flaky, onError }, actor, "note:create", envelope);
    expect(retried.ack).toMatchObject({ ok: true });
    expect(retried.ack.ok && retried.ack.duplicate).toBeFalsy();
    expect(retried.broadcasts.map((b) => b.seq)).toEqual([1]);
    const rows = await temp.db.read.select().from(notes).where(eq(notes.boardId, event.welcomeBoardId));
    expect(rows).toHaveLength(1);
  });
});
