/**
 * An under-16 is never named to the room. Every server → client event in the contract
 * (`serverEventNames`: a new event is in it by construction, and this test fails until the
 * scenario below produces it) and every read a screen makes (every read command in the handler
 * table) is recorded by three observers: a teammate, someone in another team and the big screen
 * (a facilitator's connection). The young person joins (age not said yet), joins a team, says
 * they are under 16 and shares access needs and a contact, then does everything a participant
 * can (notes, groups, dots, showcase, cheers, feedback, judging), while staff do what names them
 * (copying, editing and moving their notes and them, making them a judge) and a teammate groups
 * their note. No recorded byte may carry any part of their name, their access needs or their
 * contact (their skills are shown to the room by design). Then they leave, asking for their notes
 * to go, and a dump of the whole database (every table, every column; the command records that
 * others' moves, groupings, edits and copies left included) holds none of it, nor their age band,
 * their skills or the words of their notes.
 */
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandLogScrubs, eventPhases } from "@/db/schema";
import { acceptInvite } from "@/lib/invites/accept-invite";
import { createInvite } from "@/lib/invites/create-invite";
import { joinEvent } from "@/lib/participants/join-event";
import { type CommandName, commandNames, serverEventNames } from "@/lib/realtime/contract";
import { handlers } from "@/lib/realtime/handlers";
import { sequenceBroadcasts } from "@/lib/realtime/sequence";
import { clientsFor, ok, participantCookie, send, sendRaw, staffCookie } from "./support/clients";
import { addParticipant, addStaff, commandId, createAccount, createTestEvent } from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/server";

const young = {
  name: "Yara Leaverson",
  accessNeeds: "Yara needs step-free access",
  contact: "yara.leaverson@example.org",
  skills: ["juggling-kazoo", "hillcrest-academy"],
};
/** Any of these, anywhere an observer can read, is a leak. (Skills are shown to the room by design.) */
const secrets = ["Yara", "Leaverson", "step-free", "yara.leaverson"];
/** Words of notes they wrote, all deleted by the time they have left. */
const theirWords = ["Before I said my age", "A café in the park", "Swings", "Hello from the young people"];
/** After leaving, nothing of them at all: skills, age band, the initials they were shown by and their notes' words too. */
const personalData = [...secrets, ...young.skills, "under_16", '"Y. L."', ...theirWords];

let server: TestServer;
let clients: ReturnType<typeof clientsFor>;

beforeAll(async () => {
  server = await startTestServer({ rateLimit: { points: 100_000, seconds: 1 } });
  clients = clientsFor(server.url);
});
afterAll(async () => {
  clients.closeAll();
  await server.dispose();
});

describe("public names", () => {
  it("no event, snapshot or read names an under-16 to other participants or the big screen; leaving erases them", async () => {
    const db = server.server.db;
    const organiser = await createAccount(db, "Organiser");
    const facilitator = await createAccount(db, "Facilitator");
    const event = await createTestEvent(db, organiser.accountId);
    await addStaff(db, event.id, facilitator.accountId, "facilitator");
    await db.transact((tx) =>
      tx.insert(eventPhases).values({ id: `phase-${commandId()}`, eventId: event.id, name: "Explore", startsAt: Date.now() }),
    );

    const org = await clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
    const team1 = (await ok(org, "team:create", { name: "Parks" })).team.id;
    const team2 = (await ok(org, "team:create", { name: "Website" })).team.id;
    const teamBoard = (await ok(org, "board:create", { title: "Parks ideas", template: "ideas", teamId: team1 })).board.id;
    const plenary = event.welcomeBoardId;
    const columnOf = async (boardId: string) => (await ok(org, "board:open", { boardId })).board.columns[0]!.key;
    const teamColumn = await columnOf(teamBoard);
    const plenaryColumn = await columnOf(plenary);

    const mateId = await addParticipant(db, event.id, "Teammate Adult");
    const otherId = await addParticipant(db, event.id, "Other Team Adult");
    const mate = await clients.connect({ eventId: event.id, cookie: participantCookie(event.id, mateId) });
    const other = await clients.connect({ eventId: event.id, cookie: participantCookie(event.id, otherId) });
    const screen = await clients.connect({ eventId: event.id, cookie: staffCookie(facilitator.sessionToken) });
    await ok(mate, "team:join", { teamId: team1 });
    await ok(other, "team:join", { teamId: team2 });

    // Everything each observer is sent or reads, by where it came from.
    const observers = { teammate: mate, otherTeam: other, bigScreen: screen };
    const received: { who: string; event: string; text: string }[] = [];
    for (const [who, socket] of Object.entries(observers)) {
      socket.onAny((name: string, ...args: unknown[]) => received.push({ who, event: name, text: JSON.stringify(args) }));
    }
    const reads: { who: string; read: string; text: string }[] = [];
    // Every read in the handler table; participants:details is the staff console's private list
    // (names, access needs and contacts are its purpose) and never reaches a participant or a screen.
    const staffPrivate = new Set<CommandName>(["participants:details"]);
    const readPayloads: Partial<Record<CommandName, () => unknown>> = {
      "event:snapshot": () => ({}),
      "event:time": () => ({}),
      "teams:snapshot": () => ({}),
      "board:open": () => ({ boardId: teamBoard }),
      "vote:state": () => ({ boardId: teamBoard }),
      "presentation:state": () => ({}),
      // Staff only (a participant is refused), and its log names no participant.
      "staff:snapshot": () => ({}),
      // Staff only: hidden notes' authors by their public names, as the room would see them after a reveal.
      "board:hidden-notes": () => ({ boardId: teamBoard }),
    };
    const readNames = commandNames.filter((n) => handlers[n].kind === "read" && !staffPrivate.has(n));
    expect(
      readNames.filter((n) => !readPayloads[n]),
      "a read without a payload here is not checked",
    ).toEqual([]);
    const readEverything = async () => {
      for (const [who, socket] of Object.entries(observers)) {
        for (const name of readNames) {
          const ack = await sendRaw(socket, name, readPayloads[name]!());
          reads.push({ who, read: name, text: JSON.stringify(ack) });
        }
        const plenaryBoard = await send(socket, "board:open", { boardId: plenary });
        reads.push({ who, read: "board:open (room board)", text: JSON.stringify(plenaryBoard) });
        const plenaryVotes = await send(socket, "vote:state", { boardId: plenary });
        reads.push({ who, read: "vote:state (room board)", text: JSON.stringify(plenaryVotes) });
      }
    };
    await readEverything(); // also subscribes each observer to every room

    // Joins the way the join page does, age not said yet: the room hears of them at once.
    const joined = await db.transact(async (tx) => {
      const j = await joinEvent(tx, { eventId: event.id, displayName: young.name });
      return { id: j.participantId, broadcasts: await sequenceBroadcasts(tx, j.broadcasts) };
    });
    server.server.realtime.emitBroadcasts(joined.broadcasts);
    const me = await clients.connect({ eventId: event.id, cookie: participantCookie(event.id, joined.id) });
    await ok(me, "team:join", { teamId: team1 });
    const early = await ok(me, "note:create", {
      boardId: teamBoard,
      column: teamColumn,
      text: "Before I said my age",
    });
    await readEverything();

    // Under 16, with access needs and a contact, said on the same connection.
    await ok(me, "profile:update", {
      skills: young.skills,
      kind: "young_person",
      ageBand: "under_16",
      accessNeeds: young.accessNeeds,
      contactConsent: true,
      contact: young.contact,
    });
    // Staff move them and back: the answer and the broadcasts list them with their skills.
    await ok(org, "participant:move", { participantId: joined.id, teamId: team2 });
    await ok(org, "participant:move", { participantId: joined.id, teamId: team1 });

    // Boards.
    const mine = await ok(me, "note:create", {
      boardId: teamBoard,
      column: teamColumn,
      text: "A café in the park",
    });
    const mateNote = await ok(mate, "note:create", {
      boardId: teamBoard,
      column: teamColumn,
      text: "Benches",
    });
    const edited = await ok(me, "note:update", {
      noteId: mine.note.id,
      baseVersion: mine.note.version,
      text: "A café in the park, run by us",
    });
    // A facilitator tidies their words: the record of it holds them.
    await ok(org, "note:update", {
      noteId: mine.note.id,
      baseVersion: edited.note.version,
      text: "A café in the park, run by us young people",
    });
    await ok(me, "note:move", { noteId: mine.note.id, column: teamColumn, beforeNoteId: mateNote.note.id });
    const grouped = await ok(me, "note:group", { noteId: mine.note.id, withNoteId: mateNote.note.id });
    await ok(me, "group:rename", { groupId: grouped.group.id, title: "Places to sit" });
    await ok(me, "note:ungroup", { noteId: mine.note.id });
    // Their teammate groups their note with one of their own, and takes it apart again.
    await ok(mate, "note:group", { noteId: mateNote.note.id, withNoteId: mine.note.id });
    await ok(mate, "note:ungroup", { noteId: mateNote.note.id });
    await ok(me, "note:delete", { noteId: early.note.id });
    await ok(me, "note:create", { boardId: plenary, column: plenaryColumn, text: "Hello from the young people" });
    await ok(org, "notes:copy", { toBoardId: plenary, noteIds: [mine.note.id] });
    await ok(org, "board:update", { boardId: teamBoard, title: "Parks: ideas" });

    // Dots: a round on the team board, cast, closed, revealed, shortlisted.
    const round = (await ok(org, "vote:open", { boardId: teamBoard, dotsPerPerson: 3, maxPerTarget: 2 })).round.id;
    await ok(me, "vote:cast", { roundId: round, targetId: mine.note.id });
    await ok(mate, "vote:cast", { roundId: round, targetId: mine.note.id });
    // A note deleted while the round is open gives its dots back.
    const fleeting = await ok(me, "note:create", { boardId: teamBoard, column: teamColumn, text: "Swings" });
    await ok(mate, "vote:cast", { roundId: round, targetId: fleeting.note.id });
    await ok(me, "note:delete", { noteId: fleeting.note.id });
    await ok(org, "vote:close", { roundId: round });
    await ok(org, "vote:reveal", { roundId: round });
    await ok(org, "vote:shortlist", { roundId: round, title: "Shortlist" });

    // Teams and the room.
    const spare = (await ok(org, "team:create", { name: "Spare" })).team.id;
    await ok(org, "team:update", { teamId: spare, name: "Spare team" });
    await ok(org, "phase:next", { fromPhaseId: null });
    await ok(org, "timer:start", { minutes: 5 });
    await ok(org, "screen:show", { wall: { kind: "board", boardId: plenary }, nudge: true });
    await ok(org, "lead:hand", { accountId: facilitator.accountId });
    const tea = (await ok(org, "announcement:send", { text: "Tea in ten minutes" })).announcement.id;
    await ok(org, "announcement:clear", { announcementId: tea });
    await ok(org, "announcement:send", { text: "Lunch is ready" });

    // Presentations: showcase, order, criteria, judging, cheers, feedback, the people's choice.
    await ok(me, "showcase:save", { teamId: team1, fields: { title: "Park café", summary: "Run by young people" } });
    await ok(org, "presentation:order", { order: [team1, team2] });
    await ok(org, "presentation:step", { step: "start" });
    await ok(org, "criteria:set", { teamId: team2, criteria: ["Works"] });
    await ok(org, "judge:assign", { personKey: `p:${joined.id}`, judge: true });
    await ok(me, "judge:score", { teamId: team2, criterion: "Works", score: 4 });
    await ok(me, "presentation:react", { teamId: team2, kind: "clap" });
    await ok(me, "presentation:feedback", { teamId: team1, text: "We should open on Saturdays" });
    const choice = await ok(org, "peoples-choice:open", { dotsPerPerson: 2, excludeOwnTeam: true });
    await ok(me, "vote:cast", { roundId: choice.roundId, targetId: team2 });
    await ok(org, "vote:close", { roundId: choice.roundId });
    // The combined results go up on the big screen: titles and team names, never a person's.
    await ok(org, "presentation:project", { view: "results" });
    // Someone accepts an invitation to help run the room, the way the invitation page does.
    const helper = await createAccount(db, "Helper");
    const accepted = await db.transact(async (tx) => {
      const invite = await createInvite(tx, { eventId: event.id, role: "facilitator", createdBy: organiser.accountId });
      return acceptInvite(tx, { token: invite.token, accountId: helper.accountId });
    });
    if (accepted.ok) server.server.realtime.emitBroadcasts(accepted.broadcasts);
    // The organisers change the event's language, as the event editor does.
    server.server.realtime.eventLanguagesChanged(event.id, "es");
    // And rename it, as the event editor does: open screens are told to fetch their pages again.
    server.server.realtime.eventDetailsChanged(event.id, "details");
    // A team reframes its brief, as the brief page's form does: open brief pages fetch it again.
    server.server.realtime.briefReframed(event.id, "brief-id");
    // An organiser opens the private list (the console's "People and their notes"): the audit
    // page, on the staff's screens, is told the record grew.
    await ok(org, "participants:details", {});
    // A teammate's page drawn before all this connects now: it is told what it missed.
    const latePage = clients.socket({
      eventId: event.id,
      cookie: participantCookie(event.id, mateId),
      auth: { drawnAt: Date.now() - 1000 },
    });
    latePage.onAny((name: string, ...args: unknown[]) =>
      received.push({ who: "late teammate page", event: name, text: JSON.stringify(args) }),
    );
    await readEverything();

    // Every event in the contract was seen by an observer, so every one was checked; but for those
    // sent only to the person's own sockets (their access ending, another device of theirs), which
    // no observer can receive and which carry a reason, a device label, their own note or nothing.
    const toThePersonOnly: string[] = [
      "access:ended",
      "device:signed-in",
      "devices:changed",
      "profile:renamed",
      "profile:changed",
      "note:yours",
      "vote:yours",
      "judge:yours",
      "language:chosen",
    ];
    await expect
      .poll(() => serverEventNames.filter((name) => !toThePersonOnly.includes(name) && !received.some((r) => r.event === name)), {
        timeout: 20_000,
      })
      .toEqual(["participant:left"]);

    const leaks = [
      ...received.map((r) => ({ where: `${r.who} got ${r.event}`, text: r.text })),
      ...reads.map((r) => ({ where: `${r.who} read ${r.read}`, text: r.text })),
    ]
      .filter((r) => secrets.some((s) => r.text.includes(s)))
      .map((r) => `${r.where}: ${r.text.slice(0, 300)}`);
    expect(leaks).toEqual([]);
    // They were shown: by initials (so the test looked at the right things).
    expect(received.some((r) => r.event === "participant:joined" && r.text.includes('"Y. L."'))).toBe(true);
    expect(received.some((r) => r.event === "showcase:changed" && r.text.includes('"updatedBy":"Y. L."'))).toBe(true);
    expect(
      reads.some((r) => r.who === "teammate" && r.read === "presentation:state" && r.text.includes('"authorName":"Y. L."')),
    ).toBe(true);

    // Leaving, with their notes (what they made with others stays, by "Someone who left").
    const left = received.length;
    await ok(me, "event:leave", { deleteNotes: true });
    await expect.poll(() => received.slice(left).some((r) => r.event === "participant:left"), { timeout: 20_000 }).toBe(true);
    const readsBefore = reads.length;
    await readEverything();
    const after = reads.slice(readsBefore);
    expect(after.some((r) => r.read === "presentation:state" && r.text.includes('"updatedBy":"Someone who left"'))).toBe(true);
    expect(after.filter((r) => r.text.includes('"Y. L."')).map((r) => `${r.who} ${r.read}`)).toEqual([]);
    // The command records that named them are scrubbed after the leave, by the server, within seconds.
    await expect
      .poll(async () => (await server.server.db.read.select().from(commandLogScrubs)).length, { timeout: 20_000 })
      .toBe(0);

    // A dump of the whole database: every table, every column.
    const client = createClient({ url: server.databaseUrl });
    try {
      const tables = (await client.execute("select name from sqlite_master where type = 'table'")).rows.map((r) => String(r[0]));
      expect(tables).toContain("command_log");
      const found: string[] = [];
      for (const table of tables) {
        const rows = (await client.execute(`select * from "${table}"`)).rows;
        const text = JSON.stringify(rows.map((r) => Object.values(r)));
        for (const s of personalData) if (text.includes(s)) found.push(`${table}: ${s}`);
      }
      expect(found).toEqual([]);
    } finally {
      client.close();
    }
  });
});
