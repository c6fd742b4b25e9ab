import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { briefs, commandLog, participants, sentEmails, teamMembers } from "@/db/schema";
import { claimedKeys } from "@/lib/email/claims";
import { runCommandLogScrubs } from "@/lib/realtime/command-log-scrub-worker";
import { rooms, type TeamsSnapshot } from "@/lib/realtime/contract";
import { insertTeam } from "@/lib/teams/create-team";
import { ensureTeamsForBriefs } from "@/lib/teams/ensure-teams-for-briefs";
import { clientsFor, collect, nextEvent, ok, participantCookie, send, staffCookie, type TestSocket } from "./support/clients";
import { addParticipant, commandId, createAccount, createTestEvent, emailedRow } from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/server";

let t: TestServer;
let clients: ReturnType<typeof clientsFor>;
let organiser: Awaited<ReturnType<typeof createAccount>>;
let event: Awaited<ReturnType<typeof createTestEvent>>;

beforeAll(async () => {
  t = await startTestServer({ rateLimit: { points: 1000, seconds: 1 } });
  organiser = await createAccount(t.server.db, "Organiser");
});
afterAll(() => t.dispose());

beforeEach(async () => {
  clients = clientsFor(t.url);
  event = await createTestEvent(t.server.db, organiser.accountId, "Made in Lambeth");
});
afterEach(() => clients.closeAll());

async function participant(name: string) {
  const id = await addParticipant(t.server.db, event.id, name);
  const cookie = participantCookie(event.id, id);
  const socket = await clients.connect({ eventId: event.id, cookie });
  return { id, cookie, socket };
}

const staff = () => clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });

async function team(name: string, capacity: number | null = null) {
  return t.server.db.transact((tx) => insertTeam(tx, { eventId: event.id, name, briefId: null, capacity, now: Date.now() }));
}

async function snapshot(socket: TestSocket): Promise<TeamsSnapshot> {
  const ack = await send(socket, "teams:snapshot", {});
  if (!ack.ok) throw new Error(ack.error.message);
  return ack.result;
}

const membersOf = (teamId: string) => t.server.db.read.select().from(teamMembers).where(eq(teamMembers.teamId, teamId));

describe("a new address", () => {
  it("is owed the progress news and catch-up invitations again; saving other answers owes nothing", async () => {
    const me = await participant("Amara Osei");
    await ok(me.socket, "profile:update", { contactConsent: true, contact: "amara@exmaple.test" });
    const keys = [`progress:${event.id}:${me.id}`, `catch-up:${randomUUID()}:${me.id}`];
    // Refused for good at the mistyped address: settled, so no sweep sends it again.
    await t.server.db.transact(async (tx) => {
      for (const key of keys)
        await tx.run(sql`INSERT INTO email_claims (key, detail, claimed_at, sent_at) VALUES (${key}, 'sent', 1, 1)`);
    });
    await ok(me.socket, "profile:update", { skills: ["drawing"] });
    expect(await claimedKeys(t.server.db, keys)).toEqual(new Set(keys));
    await ok(me.socket, "profile:update", { contact: "amara@example.test" });
    expect(await claimedKeys(t.server.db, keys)).toEqual(new Set());
  });
});

describe("the order people joined in", () => {
  it("numbers people as they joined the event, counting those who left, and tells screens no time", async () => {
    const people = [await participant("Sam Ade"), await participant("Sam Bo"), await participant("Sam Cy")];
    // Inserted within a millisecond or two: give them distinct join times, a minute apart.
    for (const [i, p] of people.entries()) {
      await t.server.db.transact((tx) =>
        tx
          .update(participants)
          .set({ createdAt: Date.UTC(2026, 11, 4, 18, i) })
          .where(eq(participants.id, p.id)),
      );
    }
    const [first, second, third] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    await ok(first.socket, "event:leave", { deleteNotes: false });
    const watcher = await staff();
    const seen = await snapshot(watcher);
    expect(seen.people.map((p) => [p.id, p.joinNumber])).toEqual([
      [second.id, 2],
      [third.id, 3],
    ]);
    // The room's view of a person holds their place in the order, never when they came.
    for (const person of seen.people)
      expect(Object.keys(person).sort()).toEqual(["id", "joinNumber", "kind", "name", "skills", "teamId"]);
    expect(JSON.stringify(seen.people)).not.toContain(String(Date.UTC(2026, 11, 4, 18, 1)));
    const heard = nextEvent(watcher, "participant:profile-updated");
    await ok(third.socket, "profile:update", { skills: ["drawing"] });
    expect((await heard).data.person).toMatchObject({ id: third.id, joinNumber: 3 });
  });
});

describe("capacity", () => {
  it("under a race for the last places, exactly `capacity` succeed and the rest are told the team is full", async () => {
    const capacity = 5;
    const target = await team("Love Your Space", capacity);
    // Two places are already taken.
    for (const name of ["Early bird", "Second"]) {
      const early = await participant(name);
      expect((await send(early.socket, "team:join", { teamId: target.id })).ok).toBe(true);
    }
    const crowd = await Promise.all(Array.from({ length: 12 }, (_, i) => participant(`Resident ${i}`)));
    const acks = await Promise.all(crowd.map((p) => send(p.socket, "team:join", { teamId: target.id })));

    expect(acks.filter((a) => a.ok)).toHaveLength(capacity - 2);
    const refused = acks.filter((a) => !a.ok);
    expect(refused).toHaveLength(12 - (capacity - 2));
    for (const a of refused) expect(a).toEqual({ ok: false, error: { code: "conflict", message: "That team is full." } });
    expect(await membersOf(target.id)).toHaveLength(capacity);
  });

  it("a facilitator cannot set a capacity below the people already in, and can lift it", async () => {
    const target = await team("Healthwatch");
    for (const name of ["A", "B", "C"]) {
      const p = await participant(name);
      await send(p.socket, "team:join", { teamId: target.id });
    }
    const laptop = await staff();
    const tooSmall = await send(laptop, "team:update", { teamId: target.id, capacity: 2 });
    expect(tooSmall).toMatchObject({ ok: false, error: { code: "conflict", issues: [{ path: "capacity" }] } });
    expect((await send(laptop, "team:update", { teamId: target.id, capacity: 3 })).ok).toBe(true);
    const late = await participant("Late");
    expect(await send(late.socket, "team:join", { teamId: target.id })).toMatchObject({
      ok: false,
      error: { code: "conflict", message: "That team is full." },
    });
    expect((await send(laptop, "team:update", { teamId: target.id, capacity: null })).ok).toBe(true);
    expect((await send(late.socket, "team:join", { teamId: target.id })).ok).toBe(true);
  });

  it("refuses a nonsense capacity at the field", async () => {
    const target = await team("Healthwatch");
    const ack = await send(await staff(), "team:update", { teamId: target.id, capacity: 0 });
    expect(ack).toMatchObject({
      ok: false,
      error: { code: "invalid", issues: [{ path: "capacity", message: "A team needs room for at least 1 person" }] },
    });
  });
});

describe("one team at a time", () => {
  it("two tabs of one person tapping different teams at once leave them in exactly one, and every screen agrees", async () => {
    const a = await team("Lambeth Website");
    const b = await team("Healthwatch");
    const me = await participant("Two tabs");
    const secondTab = await clients.connect({ eventId: event.id, cookie: me.cookie });
    const watcher = await participant("Watching");
    await snapshot(watcher.socket);
    const seen = collect(watcher.socket, "team:membership-changed");

    const acks = await Promise.all([
      send(me.socket, "team:join", { teamId: a.id }),
      send(secondTab, "team:join", { teamId: b.id }),
    ]);
    expect(acks.every((x) => x.ok)).toBe(true);

    const rows = await t.server.db.read.select().from(teamMembers).where(eq(teamMembers.participantId, me.id));
    expect(rows).toHaveLength(1);
    // The last broadcast the watcher heard is where the person really is.
    await snapshot(watcher.socket);
    expect(seen.at(-1)?.data.person.teamId).toBe(rows[0]?.teamId);
    const snap = await snapshot(watcher.socket);
    expect(snap.people.find((p) => p.id === me.id)?.teamId).toBe(rows[0]?.teamId);
  });

  it("many tabs of one person racing for the last place of a team take one place, not several", async () => {
    const target = await team("Connectors", 2);
    const me = await participant("Many tabs");
    const tabs = [
      me.socket,
      ...(await Promise.all(Array.from({ length: 5 }, () => clients.connect({ eventId: event.id, cookie: me.cookie })))),
    ];
    const acks = await Promise.all(tabs.map((s) => send(s, "team:join", { teamId: target.id })));
    expect(acks.every((x) => x.ok)).toBe(true);
    expect(await membersOf(target.id)).toHaveLength(1);
  });
});

describe("moving team", () => {
  it("broadcasts the move to everyone watching, in sequence, and a snapshot agrees", async () => {
    const a = await team("Lambeth Website");
    const b = await team("Healthwatch");
    const mover = await participant("Mover");
    const phone = await participant("Phone");
    const laptop = await staff();
    const before = await snapshot(phone.socket);
    await snapshot(laptop);

    const arrivals = [phone.socket, laptop].map((s) => nextEvent(s, "team:membership-changed"));
    const joined = await send(mover.socket, "team:join", { teamId: a.id });
    expect(joined).toMatchObject({ ok: true, result: { fromTeamId: null, person: { id: mover.id, teamId: a.id } } });
    for (const m of await Promise.all(arrivals)) {
      expect(m).toMatchObject({ room: rooms.teams(event.id), seq: before.seq + 1, data: { person: { teamId: a.id } } });
    }

    const moved = [phone.socket, laptop].map((s) => nextEvent(s, "team:membership-changed"));
    await send(mover.socket, "team:join", { teamId: b.id });
    for (const m of await Promise.all(moved)) {
      expect(m).toMatchObject({ seq: before.seq + 2, data: { fromTeamId: a.id, person: { teamId: b.id } } });
    }
    const after = await snapshot(phone.socket);
    expect(after.seq).toBe(before.seq + 2);
    expect(after.people.find((p) => p.id === mover.id)?.teamId).toBe(b.id);

    // Tapping the team you're in changes nothing and broadcasts nothing.
    const again = await send(mover.socket, "team:join", { teamId: b.id });
    expect(again.ok).toBe(true);
    expect((await snapshot(phone.socket)).seq).toBe(after.seq);
  });

  it("refuses another event's team as not found", async () => {
    const other = await createTestEvent(t.server.db, organiser.accountId, "Our Street");
    const theirs = await t.server.db.transact((tx) =>
      insertTeam(tx, { eventId: other.id, name: "Theirs", briefId: null, capacity: null, now: Date.now() }),
    );
    const me = await participant("Curious");
    expect(await send(me.socket, "team:join", { teamId: theirs.id })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });
});

describe("running teams", () => {
  it("only staff may create, update and split teams", async () => {
    const target = await team("Healthwatch");
    const p = await participant("Resident");
    for (const [name, payload] of [
      ["team:create", { name: "Mine" }],
      ["team:update", { teamId: target.id, capacity: 2 }],
      ["team:split", { teamId: target.id }],
    ] as const) {
      expect(await send(p.socket, name, payload)).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    const details = await send(p.socket, "participants:details", {});
    expect(details).toMatchObject({ ok: false, error: { code: "forbidden" } });
  });

  it("splits a team into two on the same brief, both visible to every screen", async () => {
    const briefId = `brief-${commandId()}`;
    await t.server.db.transact((tx) =>
      tx.insert(briefs).values({ id: briefId, eventId: event.id, title: "Healthwatch", status: "published" }),
    );
    await t.server.db.transact((tx) => ensureTeamsForBriefs(tx, event.id));
    const phone = await participant("Phone");
    const [original] = (await snapshot(phone.socket)).teams;
    if (!original) throw new Error("no team for the brief");
    const laptop = await staff();
    const created = nextEvent(phone.socket, "team:created");
    const split = await send(laptop, "team:split", { teamId: original.id });
    expect(split).toMatchObject({
      ok: true,
      result: {
        teams: [
          { name: "Healthwatch A", briefId },
          { name: "Healthwatch B", briefId, briefTitle: "Healthwatch" },
        ],
      },
    });
    expect((await created).data.team.name).toBe("Healthwatch B");
    expect((await snapshot(phone.socket)).teams.map((x) => x.name)).toEqual(["Healthwatch A", "Healthwatch B"]);
  });

  it("ensureTeamsForBriefs makes one team per published brief, once", async () => {
    await t.server.db.transact((tx) =>
      tx.insert(briefs).values([
        { id: `b1-${event.id}`, eventId: event.id, title: "Our Street", status: "published", position: 0 },
        { id: `b2-${event.id}`, eventId: event.id, title: "Draft one", status: "draft", position: 1 },
        { id: `b3-${event.id}`, eventId: event.id, title: "Connectors", status: "published", position: 2 },
      ]),
    );
    const first = await t.server.db.transact((tx) => ensureTeamsForBriefs(tx, event.id));
    expect(first.created.map((x) => [x.name, x.briefTitle])).toEqual([
      ["Our Street", "Our Street"],
      ["Connectors", "Connectors"],
    ]);
    // Each new team is news in the teams room and in the presentations room (which lists teams).
    expect(first.broadcasts.map((b) => b.event)).toEqual([
      "team:created",
      "presentation:team-changed",
      "team:created",
      "presentation:team-changed",
    ]);
    const second = await t.server.db.transact((tx) => ensureTeamsForBriefs(tx, event.id));
    expect(second.created).toEqual([]);
  });
});

describe("a team's name", () => {
  const names = async () => (await snapshot(await staff())).teams.map((x) => x.name);

  it("is refused when another team of the event already reads the same, and nothing changes", async () => {
    await team("Lambeth Website");
    const healthwatch = await team("Healthwatch");
    const parks = await team("Love Your Space (parks)");
    const laptop = await staff();
    const message = "There is already a team called Healthwatch. Choose another name.";
    for (const typed of ["Healthwatch", "  healthwatch ", "Health Watch"]) {
      const added = await send(laptop, "team:create", { name: typed });
      expect(added, typed).toMatchObject({
        ok: false,
        error: { code: "conflict", message, issues: [{ path: "name", message }] },
      });
    }
    const renamed = await send(laptop, "team:update", { teamId: parks.id, name: "HEALTHWATCH" });
    expect(renamed).toMatchObject({ ok: false, error: { code: "conflict", message } });
    expect(await names()).toEqual(["Lambeth Website", "Healthwatch", "Love Your Space (parks)"]);
    // Another event may have its own Healthwatch; a team may recase its own name.
    const other = await createTestEvent(t.server.db, organiser.accountId, "Made in Stockwell");
    const elsewhere = await clients.connect({ eventId: other.id, cookie: staffCookie(organiser.sessionToken) });
    await ok(elsewhere, "team:create", { name: "Healthwatch" });
    await ok(laptop, "team:update", { teamId: healthwatch.id, name: "HealthWatch" });
    await ok(laptop, "team:update", { teamId: parks.id, name: "Pocket Parks" });
    expect(await names()).toEqual(["Lambeth Website", "HealthWatch", "Pocket Parks"]);
  });

  it("is refused in the organiser's language", async () => {
    await team("Healthwatch");
    const french = await clients.connect({ eventId: event.id, cookie: `${staffCookie(organiser.sessionToken)}; mi_lang=fr` });
    const added = await send(french, "team:create", { name: "healthwatch" });
    expect(added).toMatchObject({
      ok: false,
      error: { message: "Il y a déjà une équipe qui s’appelle Healthwatch. Choisissez un autre nom." },
    });
  });

  it("made by the product itself never repeats another: a brief's team beside a hand-made one, a split beside a look-alike", async () => {
    await team("Healthwatch");
    await t.server.db.transact((tx) =>
      tx.insert(briefs).values({ id: `brief-${commandId()}`, eventId: event.id, title: "Healthwatch", status: "published" }),
    );
    const made = await t.server.db.transact((tx) => ensureTeamsForBriefs(tx, event.id));
    expect(made.created.map((x) => x.name)).toEqual(["Healthwatch (2)"]);
    const parks = await team("Parks");
    await team("parks b");
    const split = await send(await staff(), "team:split", { teamId: parks.id });
    expect(split).toMatchObject({ ok: true, result: { teams: [{ name: "Parks A" }, { name: "Parks C" }] } });
  });
});

describe("profile and leaving", () => {
  it("shares skills and kind with the room, keeps access needs and contact for staff, and hides under-18s' names", async () => {
    const me = await participant("Jay Okafor");
    const phone = await participant("Other phone");
    await snapshot(phone.socket);
    const heard = nextEvent(phone.socket, "participant:profile-updated");
    const ack = await send(me.socket, "profile:update", {
      skills: ["drawing", "Drawing", "filming, local history"],
      kind: "young_person",
      ageBand: "16_17",
      accessNeeds: "Step-free access please",
      contactConsent: true,
      contact: "carer@example.test",
    });
    expect(ack).toMatchObject({ ok: true, result: { person: { id: me.id, name: "J. O." } } });
    // The result is what the command log keeps for a retry: nothing private in it.
    expect(JSON.stringify(ack)).not.toContain("Step-free");
    expect(JSON.stringify(ack)).not.toContain("carer@example.test");
    const message = await heard;
    expect(message.data.person).toEqual({
      id: me.id,
      name: "J. O.",
      kind: "young_person",
      skills: ["drawing", "filming", "local history"],
      teamId: null,
      // Their place in the order people joined, which numbers two people shown by one name alike on every screen.
      joinNumber: expect.any(Number),
    });
    expect(JSON.stringify(message)).not.toMatch(/Step-free|carer@|Okafor/);

    const details = await send(await staff(), "participants:details", {});
    if (!details.ok) throw new Error(details.error.message);
    expect(details.result.people.find((p) => p.participantId === me.id)).toEqual({
      participantId: me.id,
      displayName: "Jay Okafor",
      ageBand: "16_17",
      accessNeeds: "Step-free access please",
      contactConsent: true,
      contact: "carer@example.test",
      notes: 0,
    });
  });

  it("an address no longer given takes its record of emails with it, unless someone else in the event still gives it", async () => {
    const emailed = (recipient: string) => emailedRow(event.id, recipient);
    const recipients = async () =>
      (await t.server.db.read.select().from(sentEmails).where(eq(sentEmails.eventId, event.id))).map((r) => r.recipient).sort();
    const sam = await participant("Sam");
    const sibling = await participant("Sam's sister");
    await ok(sam.socket, "profile:update", { contactConsent: true, contact: "Parent@Example.test" });
    await ok(sibling.socket, "profile:update", { contactConsent: true, contact: "parent@example.test" });
    const kim = await participant("Kim");
    await ok(kim.socket, "profile:update", { contactConsent: true, contact: "kim.old@example.test" });
    await t.server.db.transact((tx) =>
      tx
        .insert(sentEmails)
        .values([emailed("parent@example.test"), emailed("KIM.OLD@example.test"), emailed("staff@council.example")]),
    );

    // Kim gives a new address: the old one's record goes. Sam withdraws, but the sister still gives the same one.
    await ok(kim.socket, "profile:update", { contactConsent: true, contact: "kim.new@example.test" });
    await ok(sam.socket, "profile:update", { contactConsent: false, contact: "" });
    expect(await recipients()).toEqual(["parent@example.test", "staff@council.example"]);
    // Once nobody gives it, it goes.
    await ok(sibling.socket, "profile:update", { contactConsent: false, contact: "" });
    expect(await recipients()).toEqual(["staff@council.example"]);
  });

  it("a name the room can no longer see is not kept in stored broadcasts: a rename, or an age corrected to under 18", async () => {
    const me = await participant("Juniper Agecorrect");
    await ok(me.socket, "profile:update", { ageBand: "18_plus" });
    await ok(me.socket, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: "A bench" });
    const logged = async () => JSON.stringify(await t.server.db.read.select().from(commandLog));
    expect(await logged()).toContain("Juniper Agecorrect");
    // She was 15 after all: the room sees her initials, and so does every stored copy.
    await ok(me.socket, "profile:update", { ageBand: "under_16" });
    await runCommandLogScrubs(t.server.db);
    expect(await logged()).not.toContain("Juniper Agecorrect");

    const kai = await participant("Kai Oldname");
    await ok(kai.socket, "profile:update", { ageBand: "18_plus" });
    await ok(kai.socket, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: "Shade" });
    // Someone with the board open sees Kai's note re-signed at once.
    const reader = await participant("Reader");
    await ok(reader.socket, "board:open", { boardId: event.welcomeBoardId });
    const resigned = nextEvent(reader.socket, "note:changed");
    await ok(kai.socket, "profile:update", { displayName: "Kai Newname", ageBand: "18_plus" });
    await runCommandLogScrubs(t.server.db);
    expect(await logged()).not.toContain("Kai Oldname");
    expect((await resigned).data.notes.map((n) => [n.text, n.authorName])).toEqual([["Shade", "Kai Newname"]]);
  });

  it("a rename is told to the person's other devices only, without the name; a change that keeps the name tells nobody", async () => {
    const kai = await participant("Kai Firstname");
    await ok(kai.socket, "profile:update", { ageBand: "18_plus" });
    const otherDevice = await clients.connect({ eventId: event.id, cookie: kai.cookie });
    const neighbour = await participant("Neighbour");
    const toOther = collect(otherDevice, "profile:renamed");
    const toNeighbour = collect(neighbour.socket, "profile:renamed");

    // New skills, same name: nothing to draw again.
    await ok(kai.socket, "profile:update", { skills: ["cooking"], ageBand: "18_plus" });
    const told = nextEvent(otherDevice, "profile:renamed");
    await ok(kai.socket, "profile:update", { displayName: "Kai Secondname", ageBand: "18_plus" });
    expect(await told).toEqual({});
    // An age corrected to under 16 changes the name shown (initials): told too.
    const again = nextEvent(otherDevice, "profile:renamed");
    await ok(kai.socket, "profile:update", { ageBand: "under_16" });
    await again;
    // Never to anyone else (a round trip after the last rename, so anything sent would be here).
    await snapshot(neighbour.socket);
    expect(toOther).toHaveLength(2);
    expect(toNeighbour).toEqual([]);
  });

  it("a save changes only the answers it sends: a form open on another device does not put back what was changed since", async () => {
    const zoe = await participant("Zoe Quinn");
    await ok(zoe.socket, "profile:update", {
      skills: ["cooking"],
      ageBand: "18_plus",
      accessNeeds: "Step-free access",
      contactConsent: true,
      contact: "zoe@example.test",
    });
    const tablet = await clients.connect({ eventId: event.id, cookie: zoe.cookie });
    // An answer saved on the phone: the tablet, its form drawn before, is told to draw the stored answers again.
    const told = nextEvent(tablet, "profile:changed");
    await ok(zoe.socket, "profile:update", { accessNeeds: "Step-free access, a quiet room" });
    expect(await told).toEqual({});
    // A parent corrects the age band there too: the room now sees initials (told as a rename).
    await ok(zoe.socket, "profile:update", { ageBand: "under_16" });
    // A skill ticked there sends the skills alone.
    const saved = await ok(tablet, "profile:update", { skills: ["cooking", "drawing"] });
    expect(saved.person).toMatchObject({ skills: ["cooking", "drawing"], name: "Z. Q." });
    const [row] = await t.server.db.read.select().from(participants).where(eq(participants.id, zoe.id));
    expect(row).toMatchObject({
      ageBand: "under_16",
      accessNeeds: "Step-free access, a quiet room",
      contactConsent: true,
      contact: "zoe@example.test",
    });
    // Consent withdrawn takes the contact with it; given again without a contact, it is refused at the field.
    await ok(tablet, "profile:update", { contactConsent: false });
    const refused = await send(tablet, "profile:update", { contactConsent: true });
    expect(refused.error?.issues).toEqual([
      { path: "contact", message: "Add an email address or phone number, or untick the box" },
    ]);
  });

  it("refuses consent without a contact at the field", async () => {
    const me = await participant("Amara");
    const ack = await send(me.socket, "profile:update", { contactConsent: true, contact: " " });
    expect(ack).toMatchObject({
      ok: false,
      error: {
        code: "invalid",
        issues: [{ path: "contact", message: "Add an email address or phone number, or untick the box" }],
      },
    });
  });

  it("leaving takes you out of your team, scrubs your details, and refuses your cookie afterwards", async () => {
    const target = await team("Healthwatch");
    const me = await participant("Leaver");
    await send(me.socket, "profile:update", {
      skills: ["writing"],
      accessNeeds: "Hearing loop",
      contactConsent: true,
      contact: "07700 900123",
    });
    await send(me.socket, "team:join", { teamId: target.id });
    const phone = await participant("Phone");
    await snapshot(phone.socket);
    const heard = nextEvent(phone.socket, "participant:left");

    expect(await send(me.socket, "event:leave", { deleteNotes: false })).toMatchObject({ ok: true, result: { notesDeleted: 0 } });
    expect((await heard).data).toEqual({ participantId: me.id, fromTeamId: target.id });
    expect(await membersOf(target.id)).toEqual([]);
    const [row] = await t.server.db.read
      .select()
      .from(participants)
      .where(and(eq(participants.id, me.id)));
    expect(row).toMatchObject({
      displayName: "Someone who left",
      skills: [],
      accessNeeds: "",
      contact: "",
      contactConsent: false,
    });
    expect(row?.leftAt).not.toBeNull();
    expect((await snapshot(phone.socket)).people.map((p) => p.id)).not.toContain(me.id);

    // The tab still open is told, and a new connection with the old cookie is refused.
    expect(await send(me.socket, "team:join", { teamId: target.id })).toMatchObject({
      ok: false,
      error: { code: "unauthenticated" },
    });
    const again = clients.socket({ eventId: event.id, cookie: me.cookie });
    await expect(
      new Promise((resolve, reject) => {
        again.on("connect", () => reject(new Error("accepted")));
        again.on("connect_error", (e) => resolve(e.message));
      }),
    ).resolves.toBe("unauthenticated");
  });

  it("a leaver's notes stay, by someone who left, unless they ask for them to be deleted (boards hear at once)", async () => {
    const keeper = await participant("Keeper");
    const deleter = await participant("Deleter");
    const reader = await participant("Reader");
    const note = (text: string) => ({ boardId: event.welcomeBoardId, column: event.welcomeColumn, text });
    const kept = await send(keeper.socket, "note:create", note("Stays after I go"));
    const gone = await send(deleter.socket, "note:create", note("Take this with me"));
    if (!kept.ok || !gone.ok) throw new Error("notes not created");
    const opened = await send(reader.socket, "board:open", { boardId: event.welcomeBoardId });
    if (!opened.ok) throw new Error("board not opened");

    expect(await send(keeper.socket, "event:leave", {})).toMatchObject({ ok: true, result: { notesDeleted: 0 } });
    const removed = nextEvent(reader.socket, "note:deleted");
    expect(await send(deleter.socket, "event:leave", { deleteNotes: true })).toMatchObject({
      ok: true,
      result: { notesDeleted: 1 },
    });
    expect((await removed).data).toEqual({ noteId: gone.result.note.id });

    const after = await send(reader.socket, "board:open", { boardId: event.welcomeBoardId });
    if (!after.ok) throw new Error("board not opened");
    expect(after.result.notes.map((n) => [n.text, n.authorName])).toEqual([["Stays after I go", "Someone who left"]]);
  });
});

it("logged no failures", () => {
  expect(t.logs).toEqual([]);
});
