/**
 * The event's snapshots (its board list, its people and teams, presentations, a board's voting)
 * are paid for in rows served, from a budget of their own per person and one per event
 * (lib/rate-limit/read-budget.ts), with the server's default limits, on a big event: 1,000
 * people in 20 teams, 21 boards of 500 notes. Anyone can join with the code on the projector,
 * so a stranger's loop of snapshots is slowed and its burst refused, many identities together
 * are bounded by the event's budget, and the room's votes and notes go on meanwhile; a phone
 * reconnecting as phones do is answered in full, at once.
 * How each read was let through is read from the server's metrics (madein_read_admissions_total).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { showcases } from "@/db/schema";
import { type BigEvent, seedBigEvent } from "./support/big-event";
import { clientsFor, ok, participantCookie, send, staffCookie, type TestAck, type TestSocket } from "./support/clients";
import { commandId } from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/server";

/** How many weighted reads were let through each way so far: "snapshot now", "board waited", "snapshot line"… */
async function admissions(t: TestServer): Promise<Record<string, number>> {
  const counted: Record<string, number> = {};
  for (const v of (await t.server.metrics.readAdmissions.get()).values) {
    counted[`${v.labels.budget} ${v.labels.admitted}`] = v.value;
  }
  return counted;
}

/** What changed between two readings of `admissions`, leaving out what did not. */
function since(before: Record<string, number>, after: Record<string, number>) {
  const changed: Record<string, number> = {};
  for (const [k, v] of Object.entries(after)) if (v !== (before[k] ?? 0)) changed[k] = v - (before[k] ?? 0);
  return changed;
}

/** Fires `count` snapshots of the people list without waiting for answers, as a script would. */
function burst(socket: TestSocket, count: number): Promise<TestAck<unknown>[]> {
  return Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<TestAck<unknown>>((resolve) =>
          socket.emit("teams:snapshot", { id: commandId(), payload: {} }, resolve as never),
        ),
    ),
  );
}

describe("snapshots of a big event, with the default budgets", () => {
  let t: TestServer;
  let clients: ReturnType<typeof clientsFor>;
  let big: BigEvent;
  let next = 0;

  beforeAll(async () => {
    t = await startTestServer();
    big = await seedBigEvent(t.server.db);
  });
  afterAll(() => t.dispose());
  beforeEach(() => {
    clients = clientsFor(t.url);
  });
  afterEach(() => clients.closeAll());

  /** One of the 1,000, connected (each test takes people nobody has used yet: limits follow the person). */
  const someone = () => {
    const id = big.participantIds[next++] as string;
    const cookie = participantCookie(big.eventId, id);
    return { cookie, connect: () => clients.connect({ eventId: big.eventId, cookie }) };
  };

  /** What a phone reads when it comes back: each snapshot once, and its board. */
  async function reconnect(phone: TestSocket) {
    return {
      event: await send(phone, "event:snapshot", {}),
      teams: await send(phone, "teams:snapshot", {}),
      presentations: await send(phone, "presentation:state", {}),
      votes: await send(phone, "vote:state", { boardId: big.plenaryBoardId }),
      board: await send(phone, "board:open", { boardId: big.plenaryBoardId }),
    };
  }

  it("a phone reconnecting, twice, is answered in full and at once", async () => {
    const { connect } = someone();
    const before = await admissions(t);
    for (let i = 0; i < 2; i++) {
      const phone = await connect();
      const read = await reconnect(phone);
      expect(Object.values(read).map((ack) => ack.ok)).toEqual([true, true, true, true, true]);
      if (!read.teams.ok || !read.board.ok || !read.event.ok) throw new Error("refused");
      expect(read.teams.result.people).toHaveLength(1000);
      expect(read.teams.result.teams).toHaveLength(20);
      expect(read.event.result.boards.length).toBeGreaterThanOrEqual(21);
      expect(read.board.result.notes).toHaveLength(500);
      phone.disconnect();
    }
    // Every read admitted now: none waited for a window, none refused.
    expect(since(before, await admissions(t))).toEqual({ "snapshot now": 8, "board now": 2 });
  });

  it("a participant looping on the people list is slowed past its budget, and its burst refused, while another's vote and note go through", async () => {
    const staff = await clients.connect({ eventId: big.eventId, cookie: staffCookie(big.organiser.sessionToken) });
    const { round } = await ok(staff, "vote:open", { boardId: big.plenaryBoardId, dotsPerPerson: 2, maxPerTarget: 1 });
    const looper = await someone().connect();
    const phone = await someone().connect();

    const before = await admissions(t);
    // A client looping on its answers: three lists of 1,000 people spend its 3,000 rows; the fourth waits its turn.
    const looped: boolean[] = [];
    for (let i = 0; i < 4; i++) looped.push((await send(looper, "teams:snapshot", {})).ok);
    expect(looped).toEqual([true, true, true, true]);
    expect(since(before, await admissions(t))).toEqual({ "snapshot now": 3, "snapshot waited": 1 });

    // Two more spend the new window's budget again…
    for (let i = 0; i < 2; i++) expect((await send(looper, "teams:snapshot", {})).ok).toBe(true);
    // …then as fast as it can: one at a time with eight in line (waiting for the window), the rest refused without being run.
    const flooding = burst(looper, 30);
    // Meanwhile the room goes on.
    const vote = await send(phone, "vote:cast", { roundId: round.id, targetId: big.plenaryNoteId });
    const note = await send(phone, "note:create", { boardId: big.plenaryBoardId, column: big.column, text: "Benches" });
    expect(vote.ok).toBe(true);
    expect(note.ok).toBe(true);
    const answers = await flooding;
    const refused = answers.filter((a) => !a.ok);
    expect(answers.filter((a) => a.ok).length).toBeLessThanOrEqual(9);
    expect(refused.length).toBeGreaterThanOrEqual(21);
    expect(refused.every((a) => a.error?.code === "rate_limited")).toBe(true);
    expect((await admissions(t))["snapshot line"] ?? 0).toBe(refused.length);
    // The looper's board is paid from another budget: it opens at once.
    const boardBefore = await admissions(t);
    expect((await send(looper, "board:open", { boardId: big.plenaryBoardId })).ok).toBe(true);
    expect(since(boardBefore, await admissions(t))).toEqual({ "board now": 1 });
  });
});

describe("many identities reading the people list together", () => {
  let t: TestServer;
  let clients: ReturnType<typeof clientsFor>;
  let big: BigEvent;

  beforeAll(async () => {
    // The event's budgets made small (four people lists, four opens of a one-note board per 2 s)
    // so that twenty identities pass them.
    t = await startTestServer({
      roomSnapshotBudget: { rows: 4 * 1045, seconds: 2 },
      roomReadBudget: { notes: 4 * 26, seconds: 2 },
    });
    big = await seedBigEvent(t.server.db, { people: 1000, teams: 20, notes: 1 });
  });
  afterAll(() => t.dispose());
  beforeEach(() => {
    clients = clientsFor(t.url);
  });
  afterEach(() => clients.closeAll());

  /** Participants `from`… of the event, connected: twenty strangers and one phone. */
  async function people(from: number) {
    const connect = (id: string) => clients.connect({ eventId: big.eventId, cookie: participantCookie(big.eventId, id) });
    const strangers = await Promise.all(big.participantIds.slice(from, from + 20).map(connect));
    return { strangers, phone: await connect(big.participantIds[from + 50] as string) };
  }
  /** Refused because the event's budget was spent, and told so. */
  const busy = (answers: TestAck<unknown>[]) => {
    const refused = answers.filter((a) => !a.ok);
    expect(refused.every((a) => a.error?.code === "rate_limited" && /reloading at once/.test(a.error.message))).toBe(true);
    return refused.length;
  };

  it("are bounded by the event's budget, told the room is busy, while a vote, a note and the staff's screens go through", async () => {
    const staff = await clients.connect({ eventId: big.eventId, cookie: staffCookie(big.organiser.sessionToken) });
    const { round } = await ok(staff, "vote:open", { boardId: big.plenaryBoardId, dotsPerPerson: 2, maxPerTarget: 1 });
    const { strangers, phone } = await people(0);
    // Someone reads the list first: the event's budget learns what one costs.
    expect((await send(phone, "teams:snapshot", {})).ok).toBe(true);

    const before = await admissions(t);
    const reading = Promise.all(strangers.map((s) => send(s, "teams:snapshot", {})));
    const vote = await send(phone, "vote:cast", { roundId: round.id, targetId: big.plenaryNoteId });
    const note = await send(phone, "note:create", { boardId: big.plenaryBoardId, column: big.column, text: "Benches" });
    const staffList = await send(staff, "teams:snapshot", {});
    // Boards are paid from the event's other budget: a storm of people lists never holds one back.
    const board = await send(phone, "board:open", { boardId: big.plenaryBoardId });
    const answers = await reading;
    expect([vote.ok, note.ok, staffList.ok, board.ok]).toEqual([true, true, true, true]);

    const served = answers.filter((a) => a.ok).length;
    // Three fit in what the first list left; the others waited for the window to turn, when at
    // most four more fit (more only if reading them took longer than a window): the rest were
    // refused, never run.
    expect(served).toBeLessThan(20);
    expect(busy(answers)).toBe(20 - served);
    const counted = since(before, await admissions(t));
    expect(counted["snapshot room"]).toBe(20 - served);
    expect((counted["snapshot now"] ?? 0) + (counted["snapshot waited"] ?? 0)).toBe(served + 1);
    expect(counted["board now"]).toBe(1);
  });

  it("opening boards together, they are bounded by the event's budget for boards too", async () => {
    const { strangers, phone } = await people(100);
    expect((await send(phone, "board:open", { boardId: big.plenaryBoardId })).ok).toBe(true);
    const before = await admissions(t);
    const answers = await Promise.all(strangers.map((s) => send(s, "board:open", { boardId: big.plenaryBoardId })));
    const served = answers.filter((a) => a.ok).length;
    expect(served).toBeLessThan(20);
    expect(busy(answers)).toBe(20 - served);
    expect(since(before, await admissions(t))["board room"]).toBe(20 - served);
  });
});

/**
 * Twenty teams' showcases written to the full (four long texts and eight links each: some 420 kB
 * of answer in a handful of lists): `presentation:state` is paid for by what it serves, its size,
 * not by the twenty rows of its lists.
 */
describe("the presentations of an event whose showcases are full", () => {
  const long = (n: number) => "Pocket parks on every corner. ".repeat(Math.ceil(n / 30)).slice(0, n);
  async function fillShowcases(t: TestServer, big: BigEvent) {
    const links = Array.from({ length: 8 }, (_, i) => ({ title: long(80), url: `https://parks.example/${i}/${long(470)}` }));
    await t.server.db.transact(async (tx) => {
      for (const teamId of big.teamIds) {
        await tx.insert(showcases).values({
          teamId,
          eventId: big.eventId,
          title: long(120),
          summary: long(200),
          made: long(4000),
          learned: long(4000),
          nextSteps: long(4000),
          needs: long(4000),
          links,
          updatedAt: Date.now(),
        });
      }
    });
  }
  /** A server of its own, with sixty people in twenty teams whose showcases are full. */
  function serverWithFullShowcases(options: Parameters<typeof startTestServer>[0] = {}) {
    const held = { t: null as unknown as TestServer, big: null as unknown as BigEvent };
    beforeAll(async () => {
      held.t = await startTestServer(options);
      held.big = await seedBigEvent(held.t.server.db, { people: 60, teams: 20, notes: 1 });
      await fillShowcases(held.t, held.big);
    });
    afterAll(() => held.t.dispose());
    return held;
  }
  let clients: ReturnType<typeof clientsFor>;
  afterEach(() => clients.closeAll());

  describe("with the default budgets", () => {
    const held = serverWithFullShowcases();
    let t1: TestServer;
    let big: BigEvent;
    beforeEach(() => {
      ({ t: t1, big } = held);
      clients = clientsFor(t1.url);
    });
    const connect = (i: number) =>
      clients.connect({ eventId: big.eventId, cookie: participantCookie(big.eventId, big.participantIds[i] as string) });

    it("a phone reconnecting is answered in full and at once; one reading them in a loop is slowed after three", async () => {
      const phone = await connect(0);
      let before = await admissions(t1);
      const read = [
        await send(phone, "event:snapshot", {}),
        await send(phone, "teams:snapshot", {}),
        await send(phone, "presentation:state", {}),
        await send(phone, "vote:state", { boardId: big.plenaryBoardId }),
        await send(phone, "board:open", { boardId: big.plenaryBoardId }),
      ];
      expect(read.map((a) => a.ok)).toEqual([true, true, true, true, true]);
      const presentations = read[2] as TestAck<{ showcases: Record<string, { made: string }> }>;
      expect(Object.values(presentations.result?.showcases ?? {}).map((s) => s.made.length)).toEqual(Array(20).fill(4000));
      expect(since(before, await admissions(t1))).toEqual({ "snapshot now": 4, "board now": 1 });

      // About 1,050 rows each: three spend a person's 3,000; the fourth waits for the window.
      const looper = await connect(1);
      before = await admissions(t1);
      for (let i = 0; i < 4; i++) expect((await send(looper, "presentation:state", {})).ok).toBe(true);
      expect(since(before, await admissions(t1))).toEqual({ "snapshot now": 3, "snapshot waited": 1 });
    });
  });

  describe("read by many identities together", () => {
    // The event's budget made small: four of these reads per 2 s.
    const held = serverWithFullShowcases({ roomSnapshotBudget: { rows: 4 * 1100, seconds: 2 } });
    let t1: TestServer;
    let big: BigEvent;
    beforeEach(() => {
      ({ t: t1, big } = held);
      clients = clientsFor(t1.url);
    });

    it("are bounded by the event's budget and told the room is busy, while a vote and a note go through", async () => {
      const connect = (i: number) =>
        clients.connect({ eventId: big.eventId, cookie: participantCookie(big.eventId, big.participantIds[i] as string) });
      const staff = await clients.connect({ eventId: big.eventId, cookie: staffCookie(big.organiser.sessionToken) });
      const { round } = await ok(staff, "vote:open", { boardId: big.plenaryBoardId, dotsPerPerson: 2, maxPerTarget: 1 });
      const phone = await connect(0);
      const strangers = await Promise.all(Array.from({ length: 20 }, (_, i) => connect(i + 1)));
      // Someone reads them first: the event's budget learns what one costs.
      expect((await send(phone, "presentation:state", {})).ok).toBe(true);

      const before = await admissions(t1);
      const reading = Promise.all(strangers.map((s) => send(s, "presentation:state", {})));
      const vote = await send(phone, "vote:cast", { roundId: round.id, targetId: big.plenaryNoteId });
      const note = await send(phone, "note:create", { boardId: big.plenaryBoardId, column: big.column, text: "Benches" });
      const answers = await reading;
      expect([vote.ok, note.ok]).toEqual([true, true]);
      const served = answers.filter((a) => a.ok).length;
      const refused = answers.filter((a) => !a.ok);
      expect(served).toBeLessThan(20);
      expect(refused.length).toBe(20 - served);
      expect(refused.every((a) => a.error?.code === "rate_limited" && /reloading at once/.test(a.error.message))).toBe(true);
      expect(since(before, await admissions(t1))["snapshot room"]).toBe(20 - served);
    });
  });
});
