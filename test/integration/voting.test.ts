import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notes, voteRounds, votes } from "@/db/schema";
import { parseEventExport } from "@/lib/exports/export-schema";
import { importEvent } from "@/lib/exports/import-event";
import { loadEventExport } from "@/lib/exports/load-event-export";
import { clientsFor, collect, nextEvent, ok, participantCookie, send, staffCookie, type TestSocket } from "./support/clients";
import { addParticipant, commandId, createAccount, createTestEvent } from "./support/fixtures";
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

const facilitator = () => clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
async function phone(name: string) {
  const id = await addParticipant(t.server.db, event.id, name);
  return clients.connect({ eventId: event.id, cookie: participantCookie(event.id, id) });
}
async function addNotes(socket: TestSocket, count: number) {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const r = await ok(socket, "note:create", {
      boardId: event.welcomeBoardId,
      column: event.welcomeColumn,
      text: `Idea ${i}`,
    });
    ids.push(r.note.id);
  }
  return ids;
}
const openRound = (staff: TestSocket, settings: Record<string, unknown> = {}) =>
  ok(staff, "vote:open", {
    boardId: event.welcomeBoardId,
    dotsPerPerson: 3,
    maxPerTarget: 2,
    ...settings,
  });

describe("dot-voting", () => {
  it("200 phones spend all their dots at once, with retries and duplicates: tallies equal the acknowledged dots", {
    timeout: 120_000,
  }, async () => {
    const staff = await facilitator();
    const ideas = await addNotes(staff, 12);
    const { round } = await openRound(staff, { dotsPerPerson: 5, maxPerTarget: 2 });
    const phones = await Promise.all(Array.from({ length: 200 }, (_, i) => phone(`Voter ${i}`)));

    const acknowledged = new Map<string, number>();
    let refused = 0;
    await Promise.all(
      phones.map(async (socket, p) => {
        // Each phone tries 7 dots (2 beyond its budget), and sends every third one twice with the same id.
        const attempts = Array.from({ length: 7 }, (_, i) => ({
          id: commandId(),
          target: ideas[(p + i * 5) % ideas.length] as string,
        }));
        const sends = attempts.flatMap((a, i) => {
          const once = send(socket, "vote:cast", { roundId: round.id, targetId: a.target }, a.id, 60_000);
          return i % 3 === 0
            ? [
                once.then((ack) => ({ a, ack })),
                send(socket, "vote:cast", { roundId: round.id, targetId: a.target }, a.id, 60_000).then((ack) => ({ a, ack })),
              ]
            : [once.then((ack) => ({ a, ack }))];
        });
        const seen = new Set<string>();
        for (const { a, ack } of await Promise.all(sends)) {
          if (!ack.ok) {
            refused++;
            continue;
          }
          if (seen.has(a.id)) continue; // the duplicate's ack repeats the original
          seen.add(a.id);
          acknowledged.set(a.target, (acknowledged.get(a.target) ?? 0) + 1);
        }
      }),
    );

    const rows = await t.server.db.read.select().from(votes).where(eq(votes.roundId, round.id));
    const perVoter = new Map<string, number>();
    const perTarget = new Map<string, number>();
    for (const v of rows) {
      perVoter.set(v.voterKey, (perVoter.get(v.voterKey) ?? 0) + 1);
      perTarget.set(v.targetId, (perTarget.get(v.targetId) ?? 0) + 1);
    }
    expect(rows.length).toBe([...acknowledged.values()].reduce((a, b) => a + b, 0));
    expect(Object.fromEntries(perTarget)).toEqual(Object.fromEntries(acknowledged));
    expect(Math.max(...perVoter.values())).toBeLessThanOrEqual(5);
    expect(rows.length).toBe(200 * 5); // everyone could spend exactly their budget
    expect(refused).toBeGreaterThanOrEqual(200 * 2);
  });

  it("cues every phone in the event, whichever control opened the round; a phone that connects later still gets the cue", async () => {
    const staff = await facilitator();
    const home = await phone("On the event page");
    const cue = nextEvent(home, "room:nudged", (m) => m.data.nudge.kind === "votes");
    const { round } = await openRound(staff);
    // The welcome wall is still titled in its template's words: each phone says its title in its own language.
    expect((await cue).data.nudge).toMatchObject({ kind: "votes", boardId: event.welcomeBoardId, boardTitleKey: "welcome.name" });
    const late = await phone("Arrives later");
    const snapshot = await ok(late, "event:snapshot", {});
    expect(snapshot.nudge).toMatchObject({ kind: "votes", boardId: event.welcomeBoardId });
    await ok(staff, "vote:close", { roundId: round.id });
  });

  it("hides tallies until reveal but shows how many voted; batches tally messages; refuses dots once closed", async () => {
    const staff = await facilitator();
    const [a = "", b = ""] = await addNotes(staff, 2);
    const amira = await phone("Amira");
    const ben = await phone("Ben");
    await ok(ben, "vote:state", { boardId: event.welcomeBoardId });
    const tallies = collect(ben, "vote:tallied");
    const { round } = await openRound(staff);

    await Promise.all([
      ok(amira, "vote:cast", { roundId: round.id, targetId: a }),
      ok(amira, "vote:cast", { roundId: round.id, targetId: a }),
    ]);
    const third = await send(amira, "vote:cast", { roundId: round.id, targetId: a });
    expect(third).toMatchObject({ ok: false, error: { code: "conflict", message: "You can put at most 2 dots on one note." } });
    await ok(ben, "vote:cast", { roundId: round.id, targetId: b });
    const state = await ok(ben, "vote:state", {
      boardId: event.welcomeBoardId,
    });
    expect(state.tally).toMatchObject({ voters: 2, dotsUsed: 3, tallies: null });
    expect(state.mine).toEqual({ [b as string]: 1 });

    await ok(staff, "vote:close", { roundId: round.id });
    const late = await send(ben, "vote:cast", { roundId: round.id, targetId: a });
    expect(late).toMatchObject({ ok: false, error: { code: "conflict", message: "Voting has closed." } });
    const takeBack = await send(ben, "vote:retract", { roundId: round.id, targetId: b });
    expect(takeBack).toMatchObject({ ok: false, error: { code: "conflict" } });

    const revealedTally = nextEvent(ben, "vote:tallied", (m) => m.tallies !== null);
    await ok(staff, "vote:reveal", { roundId: round.id });
    expect((await revealedTally).tallies).toEqual({ [a as string]: 2, [b as string]: 1 });
    const revealed = await ok(ben, "vote:state", {
      boardId: event.welcomeBoardId,
    });
    expect(revealed.tally?.tallies).toEqual({ [a as string]: 2, [b as string]: 1 });
    // Four dots and three round changes were batched into fewer tally messages than changes.
    expect(tallies.length).toBeGreaterThan(0);
    expect(tallies.length).toBeLessThan(7);
    expect(tallies.at(-1)).toMatchObject({ voters: 2, dotsUsed: 3 });
  });

  it("the database itself refuses a dot beyond the budget or on a closed round", async () => {
    const staff = await facilitator();
    const [a = ""] = await addNotes(staff, 1);
    const { round } = await openRound(staff, { dotsPerPerson: 1, maxPerTarget: 1 });
    const insert = (slot: number, place: number, voter = "p:someone") =>
      t.server.db.transact((tx) =>
        tx
          .insert(votes)
          .values({ id: commandId(), roundId: round.id, voterKey: voter, targetId: a as string, slot, placeOnTarget: place }),
      );
    await insert(0, 0);
    await expect(insert(0, 0)).rejects.toThrow(); // same slot twice: unique index
    const reason = (p: Promise<unknown>) =>
      p.then(
        () => "accepted",
        (e: Error & { cause?: Error }) => String(e.cause?.message ?? e.message),
      );
    expect(await reason(insert(1, 0, "p:other"))).toMatch(/no dots left/);
    await t.server.db.transact((tx) => tx.update(voteRounds).set({ status: "closed" }).where(eq(voteRounds.id, round.id)));
    expect(await reason(insert(0, 0, "p:late"))).toMatch(/not open/);
  });

  it("breaks a tie at the cut by the facilitator's choice and carries the shortlist into a new board", async () => {
    const staff = await facilitator();
    const [a = "", b = "", c = ""] = await addNotes(staff, 3);
    const voters = await Promise.all(["A", "B", "C"].map(phone));
    const { round } = await openRound(staff, { dotsPerPerson: 2, maxPerTarget: 1, shortlistSize: 2 });
    await ok(voters[0]!, "vote:cast", { roundId: round.id, targetId: a });
    await ok(voters[1]!, "vote:cast", { roundId: round.id, targetId: a });
    await ok(voters[0]!, "vote:cast", { roundId: round.id, targetId: b });
    await ok(voters[1]!, "vote:cast", { roundId: round.id, targetId: c });
    expect(await send(staff, "vote:shortlist", { roundId: round.id, title: "Shortlist", picked: [] })).toMatchObject({
      ok: false,
      error: { code: "conflict", message: "Close the vote before making the shortlist." },
    });
    await ok(staff, "vote:reveal", { roundId: round.id });
    expect(await send(staff, "vote:shortlist", { roundId: round.id, title: "Shortlist", picked: [] })).toMatchObject({
      ok: false,
      error: { code: "invalid", message: "Pick 1 of the 2 tied notes to fill the shortlist." },
    });
    const done = await ok(staff, "vote:shortlist", {
      roundId: round.id,
      title: "Shortlist",
      picked: [c],
    });
    expect(done.round.shortlist).toEqual([a, c]);
    const carried = await t.server.db.read.select().from(notes).where(eq(notes.boardId, done.boardId));
    expect(carried.map((n) => n.sourceNoteId).sort()).toEqual([a, c].sort());
  });

  it("carries a shortlist of an anonymous board hidden until the reveal without naming anyone or showing the notes", async () => {
    const staff = await facilitator();
    await ok(staff, "board:update", { boardId: event.welcomeBoardId, anonymous: true, hiddenUntilReveal: true });
    const writer = await phone("Amira Haddad");
    const reader = await phone("Ben");
    const [a = "", b = ""] = await addNotes(writer, 2);
    const { round } = await openRound(staff, { dotsPerPerson: 2, maxPerTarget: 1, shortlistSize: 2 });
    await ok(reader, "vote:cast", { roundId: round.id, targetId: a });
    await ok(reader, "vote:cast", { roundId: round.id, targetId: b });
    await ok(staff, "vote:close", { roundId: round.id });
    const done = await ok(staff, "vote:shortlist", { roundId: round.id, title: "Shortlist", picked: [] });
    const bens = JSON.stringify(await ok(reader, "board:open", { boardId: done.boardId }));
    expect(bens).not.toMatch(/Idea \d/);
    expect(bens).not.toContain("Amira");
    const amiras = await ok(writer, "board:open", { boardId: done.boardId });
    expect(amiras.notes.map((n) => [n.text, n.authorName]).sort()).toEqual([
      ["Idea 0", null],
      ["Idea 1", null],
    ]);
  });

  it("votes on groups when the round says so, and refuses single notes then", async () => {
    const staff = await facilitator();
    const [a = "", b = "", c = ""] = await addNotes(staff, 3);
    const { group } = await ok(staff, "note:group", { noteId: b, withNoteId: a });
    const voter = await phone("Grouper");
    const { round } = await openRound(staff, { targets: "groups", dotsPerPerson: 2, maxPerTarget: 2 });
    await ok(voter, "vote:cast", { roundId: round.id, targetId: group.id });
    expect(await send(voter, "vote:cast", { roundId: round.id, targetId: c })).toMatchObject({
      ok: false,
      error: { code: "conflict", message: "In this vote, dots go on groups, not single notes." },
    });
    await ok(staff, "vote:reveal", { roundId: round.id });
    const state = await ok(voter, "vote:state", {
      boardId: event.welcomeBoardId,
    });
    expect(state.tally?.tallies).toEqual({ [group.id]: 1 });

    // Carried forward, the untitled group stays untitled (every screen names it after its first
    // note, in its reader's language), rather than stored under English words.
    const carried = await ok(staff, "vote:shortlist", { roundId: round.id, title: "Shortlist", picked: [] });
    const shortlist = await ok(staff, "board:open", { boardId: carried.boardId });
    expect(Object.values(shortlist.groups).map((g) => g.title)).toEqual([""]);
    expect(shortlist.notes).toHaveLength(2);
  });

  it("gives back the dots on a note deleted, or a group dissolved, while the round is open; every phone's own count follows", async () => {
    const staff = await facilitator();
    const amira = await phone("Amira");
    const ben = await phone("Ben");
    const [mine = "", other = ""] = await addNotes(amira, 2);
    const [a = "", b = ""] = await addNotes(staff, 2);
    const { group } = await ok(staff, "note:group", { noteId: b, withNoteId: a });
    const { round } = await openRound(staff, { targets: "both", dotsPerPerson: 3, maxPerTarget: 2 });
    await ok(ben, "vote:state", { boardId: event.welcomeBoardId });
    await ok(ben, "vote:cast", { roundId: round.id, targetId: mine });
    await ok(ben, "vote:cast", { roundId: round.id, targetId: mine });
    await ok(ben, "vote:cast", { roundId: round.id, targetId: group.id });
    await ok(amira, "vote:cast", { roundId: round.id, targetId: other });
    expect(await send(ben, "vote:cast", { roundId: round.id, targetId: other })).toMatchObject({ ok: false });

    // Amira deletes the note Ben spent two dots on: his phone is told they are his again.
    const returned = nextEvent(ben, "vote:dots-returned");
    const tallied = nextEvent(ben, "vote:tallied", (m) => m.dotsUsed === 2);
    await ok(amira, "note:delete", { noteId: mine });
    expect((await returned).data).toEqual({ roundId: round.id, targetIds: [mine] });
    expect(await tallied).toMatchObject({ voters: 2, dotsUsed: 2 });
    expect((await ok(ben, "vote:state", { boardId: event.welcomeBoardId })).mine).toEqual({ [group.id]: 1 });
    await ok(ben, "vote:cast", { roundId: round.id, targetId: other });
    await ok(ben, "vote:cast", { roundId: round.id, targetId: other });

    // A group of one is no group: its dot goes back too.
    const dissolved = nextEvent(ben, "vote:dots-returned");
    await ok(staff, "note:delete", { noteId: a });
    expect((await dissolved).data).toEqual({ roundId: round.id, targetIds: [group.id] });
    expect((await ok(ben, "vote:state", { boardId: event.welcomeBoardId })).mine).toEqual({ [other]: 2 });
  });

  it("puts the dots back with an undo of the delete, as far as each voter still has them; their phones and the tally follow", async () => {
    const staff = await facilitator();
    const amira = await phone("Amira");
    const ben = await phone("Ben");
    const cara = await phone("Cara");
    const [gone = "", kept = ""] = await addNotes(amira, 2);
    const { round } = await openRound(staff, { targets: "notes", dotsPerPerson: 3, maxPerTarget: 2 });
    for (const voter of [ben, cara]) await ok(voter, "vote:state", { boardId: event.welcomeBoardId });
    await ok(ben, "vote:cast", { roundId: round.id, targetId: gone });
    await ok(ben, "vote:cast", { roundId: round.id, targetId: gone });
    await ok(cara, "vote:cast", { roundId: round.id, targetId: gone });
    await ok(amira, "note:delete", { noteId: gone });
    // Meanwhile Ben spends two of the three dots he got back.
    await ok(ben, "vote:cast", { roundId: round.id, targetId: kept });
    await ok(ben, "vote:cast", { roundId: round.id, targetId: kept });

    const bens = nextEvent(ben, "vote:yours");
    const caras = nextEvent(cara, "vote:yours");
    const tallied = nextEvent(ben, "vote:tallied", (m) => m.dotsUsed === 4);
    await ok(amira, "note:restore", { noteId: gone });
    expect(await bens).toEqual({ boardId: event.welcomeBoardId, roundId: round.id, mine: { [kept]: 2, [gone]: 1 } });
    expect(await caras).toEqual({ boardId: event.welcomeBoardId, roundId: round.id, mine: { [gone]: 1 } });
    expect(await tallied).toMatchObject({ voters: 2, dotsUsed: 4 });
    // Held as if cast: Ben's dot on it can be taken back and spent again, within his three.
    await ok(ben, "vote:retract", { roundId: round.id, targetId: gone });
    expect((await ok(ben, "vote:state", { boardId: event.welcomeBoardId })).mine).toEqual({ [kept]: 2 });
    await ok(ben, "vote:cast", { roundId: round.id, targetId: gone });
    expect(await send(ben, "vote:cast", { roundId: round.id, targetId: gone })).toMatchObject({ ok: false });
    await ok(staff, "vote:reveal", { roundId: round.id });
    expect((await ok(ben, "vote:state", { boardId: event.welcomeBoardId })).tally?.tallies).toEqual({ [gone]: 2, [kept]: 2 });
  });

  it("a voter's other screen follows the dots they spend and take back on their phone; the phone has them in its answers", async () => {
    const staff = await facilitator();
    const id = await addParticipant(t.server.db, event.id, "Dee");
    const cookie = participantCookie(event.id, id);
    const onPhone = await clients.connect({ eventId: event.id, cookie });
    const onTablet = await clients.connect({ eventId: event.id, cookie });
    const [idea = ""] = await addNotes(staff, 1);
    const { round } = await openRound(staff);
    const toPhone = collect(onPhone, "vote:yours");
    const cast = nextEvent(onTablet, "vote:yours");
    await ok(onPhone, "vote:cast", { roundId: round.id, targetId: idea });
    expect(await cast).toEqual({ boardId: event.welcomeBoardId, roundId: round.id, mine: { [idea]: 1 } });
    const taken = nextEvent(onTablet, "vote:yours", (m) => Object.keys(m.mine).length === 0);
    await ok(onPhone, "vote:retract", { roundId: round.id, targetId: idea });
    expect((await taken).mine).toEqual({});
    // A round trip after the last: anything sent to the phone itself would be here.
    await ok(onPhone, "event:time", {});
    expect(toPhone).toEqual([]);
  });

  it("gives no dots back with an undo once the round has closed", async () => {
    const staff = await facilitator();
    const amira = await phone("Amira");
    const [gone = ""] = await addNotes(amira, 1);
    const { round } = await openRound(staff);
    await ok(amira, "vote:cast", { roundId: round.id, targetId: gone });
    await ok(amira, "note:delete", { noteId: gone });
    await ok(staff, "vote:close", { roundId: round.id });
    await ok(amira, "note:restore", { noteId: gone });
    expect(await t.server.db.read.select().from(votes).where(eq(votes.roundId, round.id))).toHaveLength(0);
  });

  it("keeps the dots of a closed round when their note goes later, and the event's export still imports", async () => {
    const staff = await facilitator();
    const amira = await phone("Amira");
    const [mine = "", kept = ""] = await addNotes(amira, 2);
    const { round } = await openRound(staff);
    await ok(amira, "vote:cast", { roundId: round.id, targetId: mine });
    await ok(amira, "vote:cast", { roundId: round.id, targetId: kept });
    await ok(staff, "vote:close", { roundId: round.id });
    await ok(amira, "note:delete", { noteId: mine });
    expect(await t.server.db.read.select().from(votes).where(eq(votes.roundId, round.id))).toHaveLength(2);

    const exported = parseEventExport(JSON.parse(JSON.stringify(await loadEventExport(t.server.db.read, event.id))));
    if (!exported.ok) throw new Error(exported.message);
    expect(exported.data.voteRounds[0]?.votes).toHaveLength(1);
    const copy = await importEvent(t.server.db, exported.data, organiser.accountId);
    const [copied] = await t.server.db.read.select().from(voteRounds).where(eq(voteRounds.eventId, copy.eventId));
    expect(copied).toMatchObject({ dotsUsed: 1, voters: 1 });
  });
});
