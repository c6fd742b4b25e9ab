/**
 * Who may do what, over sockets: {anonymous, participant of event A (in team 1), participant in
 * another team (team 2), facilitator A, organiser A, participant of event B} × every command,
 * each cell against fresh objects of event A. The expected outcome of each cell is declared in
 * the table below, from lib/auth/actor.ts's permissions and the domain rules (team boards belong
 * to their members; your own notes; participant-only commands). Event B's participant and event
 * B's organiser (who passes every staff check, in their own event) send the ids of event A's
 * things from their own, valid connections; the answers must not carry them.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { eventPhases } from "@/db/schema";
import { type CommandName, commandNames } from "@/lib/realtime/contract";
import {
  clientsFor,
  connectError,
  ok,
  participantCookie,
  sendRaw,
  staffCookie,
  type TestAck,
  type TestSocket,
} from "../integration/support/clients";
import { addParticipant, addStaff, commandId, createAccount, createTestEvent } from "../integration/support/fixtures";
import { startTestServer, type TestServer } from "../integration/support/server";
import { report } from "./support/report";

type Who = "anonymous" | "participantA" | "otherTeam" | "facilitatorA" | "organiserA" | "participantB" | "organiserB";
const everyone: Who[] = ["anonymous", "participantA", "otherTeam", "facilitatorA", "organiserA", "participantB", "organiserB"];
/** allowed: done, or refused only by the state of things (conflict/invalid), never by who asks. */
type Outcome = "allowed" | "forbidden" | "not_found" | "unauthenticated";

const staffOnly = new Set<CommandName>([
  "announcement:send",
  "board:update",
  "board:reveal",
  "note:withhold",
  "board:hidden-notes",
  "notes:copy",
  "vote:open",
  "vote:close",
  "vote:reveal",
  "vote:shortlist",
  "team:create",
  "team:update",
  "team:split",
  "participants:details",
  "participant:remove",
  "participant:notes-delete",
  "participant:move",
  "phase:next",
  "phase:start",
  "timer:start",
  "timer:pause",
  "timer:extend",
  "timer:reset",
  "screen:show",
  "presentation:order",
  "presentation:shuffle",
  "presentation:step",
  "presentation:include",
  "presentation:project",
  "judge:assign",
  "criteria:set",
  "peoples-choice:open",
  "staff:snapshot",
  "lead:hand",
  "room:lock",
  "announcement:reshow",
  "announcement:clear",
]);
/** Only judges score; participant A is made one by the judge:assign cells, which run first. */
const judgeOnly = new Set<CommandName>(["judge:score"]);
/** Only a participant has a team, a profile or an event to leave. */
const participantOnly = new Set<CommandName>(["team:join", "team:leave", "profile:update", "event:leave"]);
/** Writes on team 1's board: its members and staff only. */
const teamBoardWrites = new Set<CommandName>([
  "note:create",
  "note:update",
  "note:delete",
  "note:restore",
  "note:move",
  "note:pin",
  "note:group",
  "note:ungroup",
  "group:rename",
  "vote:cast",
  "board:create",
  "showcase:save",
]);
/** Commands that name nothing of event A: event B's participant or organiser acts in event B. */
const ownEvent = new Set<CommandName>([
  "event:snapshot",
  "event:time",
  "teams:snapshot",
  "team:leave",
  "team:create",
  "profile:update",
  "participants:details",
  "event:leave",
  "announcement:send",
  "phase:next",
  "timer:start",
  "timer:pause",
  "timer:extend",
  "timer:reset",
  "presentation:state",
  "presentation:shuffle",
  "presentation:step",
  "presentation:project",
  "peoples-choice:open",
  "staff:snapshot",
  "room:lock",
]);

function expected(who: Who, name: CommandName): Outcome {
  if (who === "anonymous") return "unauthenticated";
  const staff = who === "facilitatorA" || who === "organiserA" || who === "organiserB";
  if (staffOnly.has(name) && !staff) return "forbidden";
  if (participantOnly.has(name) && staff) return "forbidden";
  if (judgeOnly.has(name)) return who === "participantA" ? "allowed" : "forbidden";
  if (who === "participantB" || who === "organiserB") return ownEvent.has(name) ? "allowed" : "not_found";
  if (who === "otherTeam" && teamBoardWrites.has(name)) return "forbidden";
  return "allowed";
}

let t: TestServer;
let clients: ReturnType<typeof clientsFor>;
beforeAll(async () => {
  t = await startTestServer({ rateLimit: { points: 1_000_000, seconds: 1 } });
  clients = clientsFor(t.url);
});
afterAll(async () => {
  clients?.closeAll();
  await t?.dispose();
});

const outcomeOf = (ack: TestAck<unknown>): Outcome | string => {
  if (ack.ok) return "allowed";
  const code = ack.error?.code ?? "?";
  return code === "conflict" || code === "invalid" ? "allowed" : code;
};

it("answers every actor × command as the table says", { timeout: 240_000 }, async () => {
  const db = t.server.db;
  const organiser = await createAccount(db, "Organiser A");
  const facilitator = await createAccount(db, "Facilitator A");
  const event = await createTestEvent(db, organiser.accountId, "Event A");
  await addStaff(db, event.id, facilitator.accountId, "facilitator");
  for (const [i, phase] of ["Explore", "Make"].entries()) {
    await db.transact((tx) =>
      tx
        .insert(eventPhases)
        .values({ id: randomUUID(), eventId: event.id, position: i, name: phase, startsAt: Date.now() + i * 3_600_000 }),
    );
  }
  const otherOrganiser = await createAccount(db, "Organiser B");
  const eventB = await createTestEvent(db, otherOrganiser.accountId, "Event B");

  const org = await clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
  const team1 = (await ok(org, "team:create", { name: "Team 1" })).team.id;
  const team2 = (await ok(org, "team:create", { name: "Team 2" })).team.id;
  const teamBoard = (await ok(org, "board:create", { title: "Team 1 board", template: "ideas", teamId: team1 })).board.id;
  const column = (await ok(org, "board:open", { boardId: teamBoard })).board.columns[0]!.key;

  const pA = await addParticipant(db, event.id, "Participant A");
  const pOther = await addParticipant(db, event.id, "Other team");
  const pB = await addParticipant(db, eventB.id, "Participant B");
  const sockets: Record<Exclude<Who, "anonymous">, TestSocket> = {
    participantA: await clients.connect({ eventId: event.id, cookie: participantCookie(event.id, pA) }),
    otherTeam: await clients.connect({ eventId: event.id, cookie: participantCookie(event.id, pOther) }),
    facilitatorA: await clients.connect({ eventId: event.id, cookie: staffCookie(facilitator.sessionToken) }),
    organiserA: org,
    participantB: await clients.connect({ eventId: eventB.id, cookie: participantCookie(eventB.id, pB) }),
    organiserB: await clients.connect({ eventId: eventB.id, cookie: staffCookie(otherOrganiser.sessionToken) }),
  };
  const home = async () => {
    await ok(sockets.participantA, "team:join", { teamId: team1 });
    await ok(sockets.otherTeam, "team:join", { teamId: team2 });
  };
  await home();

  // The handshake: no cookie, and event B's cookie presented for event A, are both refused.
  const anonymousRefused = /unauthenticated/.test((await connectError(clients.socket({ eventId: event.id }))).message);
  const crossRefused = /unauthenticated/.test(
    (await connectError(clients.socket({ eventId: event.id, cookie: participantCookie(eventB.id, pB) }))).message,
  );

  /** Fresh things of event A for one cell, owned by participant A on team 1's board. */
  async function fixture() {
    const a = sockets.participantA;
    const n1 = (await ok(a, "note:create", { boardId: teamBoard, column, text: "Mine 1" })).note.id;
    const n2 = (await ok(a, "note:create", { boardId: teamBoard, column, text: "Mine 2" })).note.id;
    const grouped = await ok(a, "note:group", { noteId: n1, withNoteId: n2 });
    const n3 = (await ok(a, "note:create", { boardId: teamBoard, column, text: "Mine 3" })).note.id;
    const state = await ok(org, "vote:state", { boardId: teamBoard });
    if (state.round?.status === "open") await ok(org, "vote:close", { roundId: state.round.id });
    const round = (await ok(org, "vote:open", { boardId: teamBoard, dotsPerPerson: 3, maxPerTarget: 2 })).round.id;
    const spare = (await ok(org, "team:create", { name: `Spare ${commandId()}`.slice(0, 40) })).team.id;
    const snapshot = await ok(org, "event:snapshot", {});
    // Someone staff may take out of the event (or clear the notes of) in this cell.
    const someone = await addParticipant(db, event.id, "Someone");
    return { n1, n2, n3, group: grouped.group.id, round, spare, someone, phase: snapshot.agenda[0]?.id ?? "no-phase" };
  }
  type F = Awaited<ReturnType<typeof fixture>>;
  const earlier = (await ok(org, "announcement:send", { text: "Earlier" })).announcement.id;
  const payloads: Record<CommandName, (f: F) => unknown> = {
    "event:snapshot": () => ({}),
    "event:time": () => ({}),
    "announcement:send": () => ({ text: "Lunch is ready" }),
    "board:open": () => ({ boardId: teamBoard }),
    "board:create": () => ({ title: "Another", template: "ideas", teamId: team1 }),
    "board:update": () => ({ boardId: teamBoard, title: "Team 1 board" }),
    "board:reveal": () => ({ boardId: teamBoard }),
    "note:withhold": (f) => ({ noteId: f.n2, withheld: true }),
    "board:hidden-notes": () => ({ boardId: teamBoard }),
    "note:create": () => ({ boardId: teamBoard, column, text: "Hello" }),
    "note:update": (f) => ({ noteId: f.n3, baseVersion: 1, text: "Changed" }),
    "note:delete": (f) => ({ noteId: f.n3 }),
    "note:restore": (f) => ({ noteId: f.n3 }),
    "note:move": (f) => ({ noteId: f.n3, column, beforeNoteId: f.n1 }),
    "note:pin": (f) => ({ noteId: f.n3, pin: { x: 0.5, y: 0.5 } }),
    "note:group": (f) => ({ noteId: f.n3, withNoteId: f.n1 }),
    "note:ungroup": (f) => ({ noteId: f.n1 }),
    "group:rename": (f) => ({ groupId: f.group, title: "Renamed" }),
    "notes:copy": (f) => ({ toBoardId: event.welcomeBoardId, noteIds: [f.n3] }),
    "vote:state": () => ({ boardId: teamBoard }),
    "vote:open": () => ({ boardId: teamBoard, dotsPerPerson: 3, maxPerTarget: 2 }),
    "vote:cast": (f) => ({ roundId: f.round, targetId: f.n3 }),
    "vote:retract": (f) => ({ roundId: f.round, targetId: f.n3 }),
    "vote:close": (f) => ({ roundId: f.round }),
    "vote:reveal": (f) => ({ roundId: f.round }),
    "vote:shortlist": (f) => ({ roundId: f.round, title: "Shortlist" }),
    "teams:snapshot": () => ({}),
    "team:join": (f) => ({ teamId: f.spare }),
    "team:leave": () => ({}),
    "team:create": () => ({ name: "New team" }),
    "team:update": (f) => ({ teamId: f.spare, name: "Renamed team" }),
    "team:split": (f) => ({ teamId: f.spare }),
    "profile:update": () => ({ skills: ["Listening"] }),
    "participants:details": () => ({}),
    "event:leave": () => ({ deleteNotes: false }),
    "participant:remove": (f) => ({ participantId: f.someone }),
    "participant:notes-delete": (f) => ({ participantId: f.someone }),
    "participant:move": (f) => ({ participantId: f.someone, teamId: f.spare }),
    "phase:next": () => ({ fromPhaseId: null }),
    "phase:start": (f) => ({ phaseId: f.phase }),
    "timer:start": () => ({ minutes: 5 }),
    "timer:pause": () => ({}),
    "timer:extend": () => ({ seconds: 60 }),
    "timer:reset": () => ({}),
    "screen:show": () => ({ wall: { kind: "board", boardId: teamBoard } }),
    "presentation:state": () => ({}),
    "showcase:save": () => ({ teamId: team1, fields: { title: "What we made" } }),
    "presentation:order": () => ({ order: [team2, team1] }),
    "presentation:shuffle": () => ({}),
    "presentation:step": () => ({ step: "start" }),
    "presentation:include": (f) => ({ teamId: f.spare, include: true }),
    "presentation:project": () => ({ view: "results" }),
    "presentation:react": () => ({ teamId: team1, kind: "clap" }),
    "presentation:feedback": () => ({ teamId: team1, text: "Lovely work" }),
    "judge:assign": () => ({ personKey: `p:${pA}`, judge: true }),
    "judge:score": () => ({ teamId: team1, criterion: "The problem is clear", score: 4 }),
    "criteria:set": () => ({ teamId: team2, criteria: ["Works"] }),
    "peoples-choice:open": () => ({ dotsPerPerson: 2, excludeOwnTeam: true }),
    "staff:snapshot": () => ({}),
    "lead:hand": () => ({ accountId: facilitator.accountId }),
    // Unlocking, so the cells that follow are not refused by a lock.
    "room:lock": () => ({ locked: false }),
    "announcement:reshow": () => ({ announcementId: earlier }),
    "announcement:clear": () => ({ announcementId: earlier }),
  };

  const aIds = [event.id, teamBoard, team1, team2];
  let cells = 0;
  const unexpected: string[] = [];
  let leaks = 0;
  // Leaving the event ends a participant's part in it, so it goes last.
  const order = [...commandNames.filter((n) => n !== "event:leave"), "event:leave" as const];
  for (const name of order) {
    // Participant A owns each cell's fixture, so leaves last of all.
    const actors = name === "event:leave" ? [...everyone.filter((w) => w !== "participantA"), "participantA" as const] : everyone;
    for (const who of actors) {
      cells++;
      const want = expected(who, name);
      if (who === "anonymous") {
        if (!anonymousRefused) unexpected.push(`${who} ${name}: connected without a cookie`);
        continue;
      }
      const f = await fixture().catch((e: Error) => {
        throw new Error(`setting up ${who} × ${name}: ${e.message}`);
      });
      const ack = await sendRaw(sockets[who], name, payloads[name](f));
      const got = outcomeOf(ack);
      if (got !== want) unexpected.push(`${who} ${name}: expected ${want}, got ${got} (${ack.error?.message ?? "ok"})`);
      if (who === "participantB" || who === "organiserB") {
        const text = JSON.stringify(ack);
        const fixtureIds = Object.values(f).filter((v) => v !== "no-phase");
        if ([...aIds, ...fixtureIds].some((id) => ack.ok && text.includes(id))) {
          leaks++;
          unexpected.push(`${who} ${name}: the answer carries an id of event A`);
        }
      }
      if (name !== "event:leave") await home();
    }
  }
  if (!crossRefused) unexpected.push("event B's cookie was accepted for event A");
  const line = report(
    "authz",
    {
      cells: cells + 1,
      unexpected: unexpected.length,
      leaks,
      anonymousRefused: String(anonymousRefused),
      crossEventCookieRefused: String(crossRefused),
    },
    unexpected.length === 0,
  );
  expect(unexpected).toEqual([]);
  expect(line).toMatch(/PASS$/);
});
