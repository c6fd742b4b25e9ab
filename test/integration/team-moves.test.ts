/**
 * A facilitator moving people between teams (`participant:move`), over real sockets: the moved
 * person's phone, their old and new teammates and the console hear it; capacity holds unless the
 * facilitator says otherwise; a participant can't move anyone; another event's staff can't reach in.
 */
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { teamMembers } from "@/db/schema";
import type { AgeBand } from "@/lib/participants/profile";
import { rooms, type TeamsSnapshot } from "@/lib/realtime/contract";
import { insertTeam } from "@/lib/teams/create-team";
import { clientsFor, collect, nextEvent, ok, participantCookie, send, staffCookie, type TestSocket } from "./support/clients";
import { addParticipant, addStaff, createAccount, createTestEvent } from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/server";

let t: TestServer;
let clients: ReturnType<typeof clientsFor>;
let organiser: Awaited<ReturnType<typeof createAccount>>;
let facilitator: Awaited<ReturnType<typeof createAccount>>;
let event: Awaited<ReturnType<typeof createTestEvent>>;

beforeAll(async () => {
  t = await startTestServer({ rateLimit: { points: 1000, seconds: 1 } });
  organiser = await createAccount(t.server.db, "Organiser");
  facilitator = await createAccount(t.server.db, "Facilitator Fran");
});
afterAll(() => t.dispose());

beforeEach(async () => {
  clients = clientsFor(t.url);
  event = await createTestEvent(t.server.db, organiser.accountId, "Made in Lambeth");
  await addStaff(t.server.db, event.id, facilitator.accountId, "facilitator");
});
afterEach(() => clients.closeAll());

async function participant(name: string, ageBand: AgeBand | null = "18_plus", eventId = event.id) {
  const id = await addParticipant(t.server.db, eventId, name, ageBand);
  const socket = await clients.connect({ eventId, cookie: participantCookie(eventId, id) });
  return { id, socket };
}

const console_ = () => clients.connect({ eventId: event.id, cookie: staffCookie(facilitator.sessionToken) });

async function team(name: string, capacity: number | null = null, eventId = event.id) {
  return t.server.db.transact((tx) => insertTeam(tx, { eventId, name, briefId: null, capacity, now: Date.now() }));
}

async function snapshot(socket: TestSocket): Promise<TeamsSnapshot> {
  return ok(socket, "teams:snapshot", {});
}

const teamOf = async (participantId: string) =>
  (await t.server.db.read.select().from(teamMembers).where(eq(teamMembers.participantId, participantId)))[0]?.teamId ?? null;

describe("a facilitator moves people", () => {
  it("from one team to another: the person, both teams and the console hear it, and the boards follow", async () => {
    const a = await team("Lambeth Website");
    const b = await team("Healthwatch");
    const mover = await participant("Sam Mover");
    const oldMate = await participant("Old mate");
    const newMate = await participant("New mate");
    await ok(mover.socket, "team:join", { teamId: a.id });
    await ok(oldMate.socket, "team:join", { teamId: a.id });
    await ok(newMate.socket, "team:join", { teamId: b.id });
    const laptop = await console_();
    const aBoard = (await ok(laptop, "board:create", { title: "Website ideas", template: "ideas", teamId: a.id })).board;
    const bBoard = (await ok(laptop, "board:create", { title: "Healthwatch ideas", template: "ideas", teamId: b.id })).board;
    const before = await snapshot(laptop);
    await ok(laptop, "staff:snapshot", {});
    const screens = [mover.socket, oldMate.socket, newMate.socket];
    for (const s of screens) await snapshot(s);
    const heard = [...screens, laptop].map((s) => nextEvent(s, "team:membership-changed"));
    const logged = nextEvent(laptop, "activity:logged");

    const moved = await send(laptop, "participant:move", { participantId: mover.id, teamId: b.id });
    expect(moved).toMatchObject({
      ok: true,
      result: { fromTeamId: a.id, person: { id: mover.id, name: "Sam Mover", teamId: b.id } },
    });
    for (const m of await Promise.all(heard)) {
      expect(m).toMatchObject({
        room: rooms.teams(event.id),
        seq: before.seq + 1,
        data: { fromTeamId: a.id, person: { id: mover.id, teamId: b.id } },
      });
    }
    expect(await teamOf(mover.id)).toBe(b.id);
    const after = await snapshot(newMate.socket);
    const inTeam = (teamId: string) =>
      after.people
        .filter((p) => p.teamId === teamId)
        .map((p) => p.id)
        .sort();
    expect(inTeam(b.id)).toEqual([mover.id, newMate.id].sort());
    expect(inTeam(a.id)).toEqual([oldMate.id]);

    // The log says what happened and where, never to whom.
    const entry = (await logged).data.entry;
    expect(entry).toMatchObject({ kind: "team", text: "moved a participant to “Healthwatch”", by: "Facilitator Fran" });
    expect(JSON.stringify(entry)).not.toContain("Sam");

    // Their board access moved with them: the new team's board takes their notes, the old one no longer.
    const column = (board: typeof aBoard) => board.columns[0]?.key ?? "";
    expect(
      await send(mover.socket, "note:create", { boardId: aBoard.id, column: column(aBoard), text: "Still here?" }),
    ).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(
      (await send(mover.socket, "note:create", { boardId: bBoard.id, column: column(bBoard), text: "Hello, new team" })).ok,
    ).toBe(true);
    expect((await ok(mover.socket, "board:open", { boardId: bBoard.id })).canWrite).toBe(true);
    expect((await ok(mover.socket, "board:open", { boardId: aBoard.id })).canWrite).toBe(false);
  });

  it("puts someone with no team into one, and takes them out again", async () => {
    const a = await team("Connectors");
    const newcomer = await participant("Newcomer");
    const laptop = await console_();
    expect(await send(laptop, "participant:move", { participantId: newcomer.id, teamId: a.id })).toMatchObject({
      ok: true,
      result: { fromTeamId: null, person: { teamId: a.id } },
    });
    expect(await teamOf(newcomer.id)).toBe(a.id);

    await snapshot(newcomer.socket);
    const heard = nextEvent(newcomer.socket, "team:membership-changed");
    expect(await send(laptop, "participant:move", { participantId: newcomer.id, teamId: null })).toMatchObject({
      ok: true,
      result: { fromTeamId: a.id, person: { teamId: null } },
    });
    expect((await heard).data).toMatchObject({ fromTeamId: a.id, person: { id: newcomer.id, teamId: null } });
    expect(await teamOf(newcomer.id)).toBeNull();
  });

  it("moving someone where they already are changes nothing and tells nobody", async () => {
    const a = await team("Connectors");
    const p = await participant("Settled");
    await ok(p.socket, "team:join", { teamId: a.id });
    const laptop = await console_();
    const before = await snapshot(laptop);
    const heard = collect(p.socket, "team:membership-changed");
    expect((await send(laptop, "participant:move", { participantId: p.id, teamId: a.id })).ok).toBe(true);
    expect((await snapshot(laptop)).seq).toBe(before.seq);
    expect(heard).toEqual([]);
  });

  it("a full team refuses, saying so, and changes nothing; the facilitator may then go beyond it on purpose", async () => {
    const full = await team("Love Your Space", 2);
    const elsewhere = await team("Our Street");
    for (const name of ["One", "Two"]) await ok((await participant(name)).socket, "team:join", { teamId: full.id });
    const mover = await participant("Third");
    await ok(mover.socket, "team:join", { teamId: elsewhere.id });
    const laptop = await console_();

    const refused = await send(laptop, "participant:move", { participantId: mover.id, teamId: full.id });
    const refusal =
      "Love Your Space is full (2 of 2 places taken). Choose another team, give it more places, or move them anyway.";
    expect(refused).toEqual({
      ok: false,
      error: { code: "conflict", message: refusal, issues: [{ path: "beyondCapacity", message: refusal }] },
    });
    expect(await teamOf(mover.id)).toBe(elsewhere.id);

    expect(
      await send(laptop, "participant:move", { participantId: mover.id, teamId: full.id, beyondCapacity: true }),
    ).toMatchObject({ ok: true, result: { person: { teamId: full.id } } });
    const members = await t.server.db.read.select().from(teamMembers).where(eq(teamMembers.teamId, full.id));
    expect(members).toHaveLength(3);
    // The capacity still stands for everyone else's own tap.
    const late = await participant("Late");
    expect(await send(late.socket, "team:join", { teamId: full.id })).toMatchObject({
      ok: false,
      error: { code: "conflict", message: "That team is full." },
    });
  });

  it("shows an under-18 by initials in the ack and in every broadcast", async () => {
    const a = await team("Young Lambeth Co-op");
    const young = await participant("Jay Okafor", "16_17");
    const mate = await participant("Mate");
    await snapshot(mate.socket);
    const heard = nextEvent(mate.socket, "team:membership-changed");
    const ack = await send(await console_(), "participant:move", { participantId: young.id, teamId: a.id });
    expect(ack).toMatchObject({ ok: true, result: { person: { name: "J. O." } } });
    const message = await heard;
    expect(message.data.person.name).toBe("J. O.");
    expect(JSON.stringify([ack, message])).not.toContain("Okafor");
  });

  it("refuses someone who has left, an unknown team, and a payload that isn't one", async () => {
    const a = await team("Connectors");
    const leaver = await participant("Leaver");
    await ok(leaver.socket, "event:leave", {});
    const laptop = await console_();
    expect(await send(laptop, "participant:move", { participantId: leaver.id, teamId: a.id })).toMatchObject({
      ok: false,
      error: { code: "not_found", message: "That person isn't in this event." },
    });
    const p = await participant("Present");
    expect(await send(laptop, "participant:move", { participantId: p.id, teamId: "no-such-team" })).toMatchObject({
      ok: false,
      error: { code: "not_found" },
    });
    expect(
      await send(laptop, "participant:move", { participantId: p.id, teamId: a.id, beyondCapacity: "yes" as never }),
    ).toMatchObject({
      ok: false,
      error: { code: "invalid", issues: [{ path: "beyondCapacity", message: "Say whether to go beyond the team's capacity" }] },
    });
    expect(await teamOf(p.id)).toBeNull();
  });
});

describe("who may move people", () => {
  it("a participant may not move anyone, themselves included", async () => {
    const a = await team("Lambeth Website");
    const b = await team("Healthwatch", 1);
    const me = await participant("Me");
    const other = await participant("Other");
    await ok(me.socket, "team:join", { teamId: a.id });
    for (const payload of [
      { participantId: other.id, teamId: a.id },
      { participantId: me.id, teamId: b.id, beyondCapacity: true },
      { participantId: me.id, teamId: null },
    ]) {
      expect(await send(me.socket, "participant:move", payload)).toMatchObject({
        ok: false,
        error: { code: "forbidden" },
      });
    }
    expect(await teamOf(me.id)).toBe(a.id);
    expect(await teamOf(other.id)).toBeNull();
  });

  it("another event's facilitator can't move this event's people, into this event's teams or their own", async () => {
    const ours = await team("Lambeth Website");
    const person = await participant("Ours");
    await ok(person.socket, "team:join", { teamId: ours.id });
    const other = await createTestEvent(t.server.db, organiser.accountId, "Our Street");
    const outsider = await createAccount(t.server.db, "Other event's facilitator");
    await addStaff(t.server.db, other.id, outsider.accountId, "facilitator");
    const theirTeam = await team("Their team", null, other.id);
    const theirs = await participant("Theirs", "18_plus", other.id);
    const laptop = await clients.connect({ eventId: other.id, cookie: staffCookie(outsider.sessionToken) });
    const watcher = await participant("Watching");
    await snapshot(watcher.socket);
    const heard = collect(watcher.socket, "team:membership-changed");

    for (const payload of [
      { participantId: person.id, teamId: null },
      { participantId: person.id, teamId: theirTeam.id },
      { participantId: person.id, teamId: ours.id, beyondCapacity: true },
      // Their own person into our team.
      { participantId: theirs.id, teamId: ours.id },
    ]) {
      const ack = await send(laptop, "participant:move", payload);
      expect(ack).toMatchObject({ ok: false, error: { code: "not_found" } });
      expect(JSON.stringify(ack)).not.toContain("Ours");
    }
    expect(await teamOf(person.id)).toBe(ours.id);
    expect(await teamOf(theirs.id)).toBeNull();
    // Our room heard nothing: a round trip through it lands after anything sent before.
    await snapshot(watcher.socket);
    expect(heard).toEqual([]);
  });
});
