import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { briefs, votes } from "@/db/schema";
import { createBrief } from "@/lib/briefs/create-brief";
import { parseEventExport } from "@/lib/exports/export-schema";
import { importEvent } from "@/lib/exports/import-event";
import { loadEventExport } from "@/lib/exports/load-event-export";
import { followSuccessLines } from "@/lib/presentations/judging";
import { loadResults } from "@/lib/presentations/results";
import { presentingTeamIdsOf } from "@/lib/presentations/store";
import { sequenceBroadcasts } from "@/lib/realtime/sequence";
import { insertTeam } from "@/lib/teams/create-team";
import { clientsFor, collect, nextEvent, ok, participantCookie, send, staffCookie } from "./support/clients";
import { addParticipant, createAccount, createTestEvent } from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/server";

// The results are read by a server page; here they are read straight from the database.
vi.mock("server-only", () => ({}));

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

const staff = () => clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
async function phone(name: string) {
  const id = await addParticipant(t.server.db, event.id, name);
  return { id, socket: await clients.connect({ eventId: event.id, cookie: participantCookie(event.id, id) }) };
}

async function twoTeams() {
  const f = await staff();
  const a = (await ok(f, "team:create", { name: "Parks" })).team.id;
  const b = (await ok(f, "team:create", { name: "Website" })).team.id;
  const alice = await phone("Alice");
  const bob = await phone("Bob");
  const carol = await phone("Carol");
  await ok(alice.socket, "team:join", { teamId: a });
  await ok(bob.socket, "team:join", { teamId: b });
  return { f, a, b, alice, bob, carol };
}

describe("presentations", () => {
  it("a showcase saved on one phone reaches the team-mate and the screen; others may not edit it", async () => {
    const { f, a, alice, bob } = await twoTeams();
    await ok(f, "presentation:state", {});
    const seen = nextEvent(f, "showcase:changed", (m) => m.data.changes.title === "Greener parks");
    const saved = await ok(alice.socket, "showcase:save", {
      teamId: a,
      fields: { title: "Greener parks", links: [{ title: "Site", url: "https://parks.example" }] },
    });
    expect(saved.teamId).toBe(a);
    expect((await seen).data).toMatchObject({
      teamId: a,
      changes: { links: [{ title: "Site", url: "https://parks.example" }] },
      updatedBy: "Alice",
    });
    expect((await ok(f, "presentation:state", {})).showcases[a]).toMatchObject({
      title: "Greener parks",
      links: [{ title: "Site", url: "https://parks.example" }],
    });
    const refused = await send(bob.socket, "showcase:save", { teamId: a, fields: { title: "Hijacked" } });
    expect(refused.error?.code).toBe("forbidden");
    const badLink = await send(alice.socket, "showcase:save", {
      teamId: a,
      fields: { links: [{ title: "x", url: "javascript:alert(1)" }] },
    });
    expect(badLink.error?.code).toBe("invalid");
    // Saved as typed: a blank row just added, and a trailing space mid-word, are kept.
    await ok(alice.socket, "showcase:save", { teamId: a, fields: { title: "Greener ", links: [{ title: "", url: "" }] } });
    expect((await ok(f, "presentation:state", {})).showcases[a]).toMatchObject({
      title: "Greener ",
      links: [{ title: "", url: "" }],
    });
  });

  it("a letter typed in a long showcase sends every screen that letter's field, not the whole showcase", async () => {
    const { f, a, alice, carol } = await twoTeams();
    await ok(carol.socket, "presentation:state", {});
    // As long as a team may make it: four long texts and eight long links, in a script of three bytes a letter.
    const long = (n: number) => "中".repeat(n);
    const links = Array.from({ length: 8 }, () => ({ title: long(80), url: `https://x.example/${long(470)}` }));
    for (const field of ["made", "learned", "nextSteps", "needs"] as const) {
      await ok(alice.socket, "showcase:save", { teamId: a, fields: { [field]: long(4000) } });
    }
    await ok(alice.socket, "showcase:save", { teamId: a, fields: { links, summary: long(200) } });
    const whole = JSON.stringify((await ok(f, "presentation:state", {})).showcases[a]).length;
    expect(whole).toBeGreaterThan(20_000);

    const heard = nextEvent(carol.socket, "showcase:changed", (m) => m.data.changes.title === "T");
    const ack = await send(alice.socket, "showcase:save", { teamId: a, fields: { title: "T" } });
    const told = await heard;
    expect(Object.keys(told.data.changes)).toEqual(["title"]);
    // Both about the size of the save itself, whatever the showcase holds.
    expect(JSON.stringify(told).length).toBeLessThan(300);
    expect(JSON.stringify(ack).length).toBeLessThan(150);
    // Every field stays as saved, for a screen that opens now.
    expect((await ok(carol.socket, "presentation:state", {})).showcases[a]).toMatchObject({
      title: "T",
      made: long(4000),
      links,
      updatedBy: "Alice",
    });
  });

  it("the facilitator orders and steps through teams; every screen follows", async () => {
    const { f, a, b, carol } = await twoTeams();
    await ok(carol.socket, "presentation:state", {});
    await ok(f, "presentation:order", { order: [b, a], presentSeconds: 120, questionsSeconds: 0 });
    const started = nextEvent(carol.socket, "presentation:run-changed", (m) => m.data.run.stage === "presenting");
    await ok(f, "presentation:step", { step: "start" });
    expect((await started).data.run.currentTeamId).toBe(b);
    // A double press from the same view moves on once.
    const [one, two] = await Promise.all([
      ok(f, "presentation:step", { step: "next", from: b }),
      ok(f, "presentation:step", { step: "next", from: b }),
    ]);
    expect([one.run.currentTeamId, two.run.currentTeamId]).toEqual([a, a]);
    const refused = await send(carol.socket, "presentation:step", { step: "next" });
    expect(refused.error?.code).toBe("forbidden");
  });

  it("the clock pauses for every screen and resumes with the time it had left", async () => {
    const { f, a, b, carol } = await twoTeams();
    await ok(carol.socket, "presentation:state", {});
    await ok(f, "presentation:order", { order: [a, b], presentSeconds: 120, questionsSeconds: 0 });
    await ok(f, "presentation:step", { step: "start" });
    const pausedSeen = nextEvent(carol.socket, "presentation:run-changed", (m) => m.data.run.pausedAt !== null);
    const paused = (await ok(f, "presentation:step", { step: "pause", from: a })).run;
    expect(paused.pausedAt).not.toBeNull();
    expect((await pausedSeen).data.run.pausedAt).toBe(paused.pausedAt);
    // A second console pressing pause at the same moment changes nothing.
    expect((await ok(f, "presentation:step", { step: "pause", from: a })).run).toEqual(paused);
    const refused = await send(carol.socket, "presentation:step", { step: "resume", from: a });
    expect(refused.error?.code).toBe("forbidden");

    const resumed = (await ok(f, "presentation:step", { step: "resume", from: a })).run;
    expect(resumed.pausedAt).toBeNull();
    // The start moved on by exactly the time the clock stood still, so the time left is unchanged.
    const stoodStill = (resumed.stageStartedAt ?? 0) - (paused.stageStartedAt ?? 0);
    expect(stoodStill).toBeGreaterThanOrEqual(0);
    // (The server's clock is this machine's: it stood still no longer than since the pause.)
    expect(stoodStill).toBeLessThanOrEqual(Date.now() - (paused.pausedAt as number));
    const resumedSeen = nextEvent(carol.socket, "presentation:run-changed", (m) => m.data.run.currentTeamId === b);
    await ok(f, "presentation:step", { step: "pause", from: a });
    await ok(f, "presentation:step", { step: "next", from: a });
    // Moving on starts the next team's clock running.
    expect((await resumedSeen).data.run).toMatchObject({ currentTeamId: b, pausedAt: null });
  });

  it("reactions are counted and broadcast; people's choice refuses a vote for your own team", async () => {
    const { f, a, b, alice, carol } = await twoTeams();
    await ok(f, "presentation:state", {});
    const reacted = nextEvent(f, "presentation:reacted", (m) => m.counts.clap === 2);
    await ok(carol.socket, "presentation:react", { teamId: a, kind: "clap" });
    await ok(alice.socket, "presentation:react", { teamId: a, kind: "clap" });
    expect((await reacted).teamId).toBe(a);
    // A phone's taps folded into one command each count, up to a person's 30 cheers for the team.
    const folded = nextEvent(f, "presentation:reacted", (m) => m.counts.love === 29);
    expect((await ok(carol.socket, "presentation:react", { teamId: a, kind: "love", times: 12 })).counts).toEqual({
      clap: 2,
      love: 12,
    });
    expect((await ok(carol.socket, "presentation:react", { teamId: a, kind: "love", times: 25 })).counts.love).toBe(29);
    expect((await folded).counts).toEqual({ clap: 2, love: 29 });
    const thanked = await send(carol.socket, "presentation:react", { teamId: a, kind: "wow" });
    expect(thanked.error).toEqual({ code: "conflict", message: "That's 30 cheers from you for this team: thank you!" });

    const { roundId } = await ok(f, "peoples-choice:open", { dotsPerPerson: 1, excludeOwnTeam: true });
    const own = await send(alice.socket, "vote:cast", { roundId, targetId: a });
    expect(own.error?.message).toMatch(/own team/);
    // The database refuses it too, whatever the application does.
    await expect(
      t.server.db.transact((tx) =>
        tx.insert(votes).values({ id: randomUUID(), roundId, voterKey: `p:${alice.id}`, targetId: a, slot: 0, placeOnTarget: 0 }),
      ),
    ).rejects.toThrow();
    await ok(alice.socket, "vote:cast", { roundId, targetId: b });
    await ok(carol.socket, "vote:cast", { roundId, targetId: b });
    const second = await send(carol.socket, "vote:cast", { roundId, targetId: a });
    expect(second.ok).toBe(false);
    await ok(f, "vote:close", { roundId });
    await ok(f, "vote:reveal", { roundId });
  });

  it("vote, then join that team: the dot is taken back and the person told, and the event still exports and imports", async () => {
    const { f, a, b, carol } = await twoTeams();
    const { roundId } = await ok(f, "peoples-choice:open", { dotsPerPerson: 1, excludeOwnTeam: true });
    await ok(carol.socket, "vote:cast", { roundId, targetId: a });
    const joined = await ok(carol.socket, "team:join", { teamId: a });
    expect(joined.votesWithdrawn).toBe(1);
    const left = await t.server.db.read
      .select()
      .from(votes)
      .where(eq(votes.voterKey, `p:${carol.id}`));
    expect(left).toEqual([]);
    // The dot is free again, for another team; still never for their own.
    expect((await send(carol.socket, "vote:cast", { roundId, targetId: a })).ok).toBe(false);
    await ok(carol.socket, "vote:cast", { roundId, targetId: b });
    // Moving to a team they did not vote for takes nothing back.
    const moved = await ok(carol.socket, "team:join", { teamId: a });
    expect(moved.votesWithdrawn ?? 0).toBe(0);
    await ok(f, "vote:close", { roundId });
    // The event that lived through it exports and imports.
    const exported = await loadEventExport(t.server.db.read, event.id);
    const parsed = parseEventExport(JSON.parse(JSON.stringify(exported)));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) await importEvent(t.server.db, parsed.data, organiser.accountId);
  });

  it("only judges score, against the team's criteria", async () => {
    const { f, a, carol } = await twoTeams();
    const notYet = await send(carol.socket, "judge:score", { teamId: a, criterion: "Works", score: 4 });
    expect(notYet.error?.code).toBe("forbidden");
    await ok(f, "judge:assign", { personKey: `p:${carol.id}`, judge: true });
    await ok(f, "criteria:set", { teamId: a, criteria: ["Works", "Clear"] });
    await ok(f, "presentation:state", {});
    // The results page hears that something was scored, never the score or who gave it.
    const heard = nextEvent(f, "presentation:scored", (m) => m.data.teamId === a);
    const scored = await ok(carol.socket, "judge:score", {
      teamId: a,
      criterion: "Works",
      score: 4,
    });
    expect(scored.scores).toEqual({ Works: 4 });
    expect((await heard).data).toEqual({ teamId: a });
    const unknown = await send(carol.socket, "judge:score", { teamId: a, criterion: "Gone", score: 4 });
    expect(unknown.error?.code).toBe("conflict");
    const outOfRange = await send(carol.socket, "judge:score", { teamId: a, criterion: "Works", score: 9 });
    expect(outOfRange.error?.code).toBe("invalid");
    const undone = await ok(carol.socket, "judge:score", {
      teamId: a,
      criterion: "Works",
      score: null,
    });
    expect(undone.scores).toEqual({});
    const state = await ok(carol.socket, "presentation:state", {});
    expect(state.me.judge).toBe(true);
  });

  it("a judge's other screen follows the scores they give on their phone; the phone has them in its answers", async () => {
    const { f, a, carol } = await twoTeams();
    await ok(f, "judge:assign", { personKey: `p:${carol.id}`, judge: true });
    await ok(f, "criteria:set", { teamId: a, criteria: ["Works", "Clear"] });
    const tablet = await clients.connect({ eventId: event.id, cookie: participantCookie(event.id, carol.id) });
    await ok(tablet, "presentation:state", {});
    const toPhone = collect(carol.socket, "judge:yours");
    // Nobody else hears a judge's scores: not the facilitator, not another phone.
    const toStaff = collect(f, "judge:yours");
    const scored = nextEvent(tablet, "judge:yours");
    await ok(carol.socket, "judge:score", { teamId: a, criterion: "Works", score: 4 });
    expect(await scored).toEqual({ teamId: a, scores: { Works: 4 } });
    const takenBack = nextEvent(tablet, "judge:yours", (m) => !("Works" in m.scores));
    await ok(carol.socket, "judge:score", { teamId: a, criterion: "Works", score: null });
    expect((await takenBack).scores).toEqual({});
    // A round trip after the last: anything sent to the phone itself would be here.
    await ok(carol.socket, "event:time", {});
    expect(toPhone).toEqual([]);
    expect(toStaff).toEqual([]);
  });

  it("a criterion's wording fixed after judging keeps the scores given for it; a removed one stops counting", async () => {
    const { f, a, carol } = await twoTeams();
    await ok(f, "judge:assign", { personKey: `p:${carol.id}`, judge: true });
    await ok(f, "criteria:set", { teamId: a, criteria: ["Wroks", "Clear"] });
    await ok(carol.socket, "presentation:state", {});
    await ok(carol.socket, "judge:score", { teamId: a, criterion: "Wroks", score: 4 });
    await ok(carol.socket, "judge:score", { teamId: a, criterion: "Clear", score: 2 });

    const seen = nextEvent(carol.socket, "presentation:criteria-changed", (m) => m.data.teamId === a);
    await ok(f, "criteria:set", { teamId: a, criteria: ["Works", "Clear"] });
    expect((await seen).data.renamed).toEqual([["Wroks", "Works"]]);
    expect((await ok(carol.socket, "presentation:state", {})).me.scores[a]).toEqual({ Works: 4, Clear: 2 });
    const results = await loadResults(t.server.db.read, event.id);
    expect(results.rows.find((r) => r.teamId === a)?.judging).toMatchObject({ averages: { Works: 4, Clear: 2 }, total: 6 });

    // Removing a criterion is not a rename: its score no longer counts towards the total.
    await ok(f, "criteria:set", { teamId: a, criteria: ["Works"] });
    expect((await loadResults(t.server.db.read, event.id)).rows.find((r) => r.teamId === a)?.judging).toMatchObject({
      total: 4,
      max: 5,
    });
  });

  it("a judge taken off the panel stops counting, on the results and the big screen; put back, they count again", async () => {
    const { f, a, b, alice, carol } = await twoTeams();
    await ok(f, "criteria:set", { teamId: a, criteria: ["Works"] });
    await ok(f, "criteria:set", { teamId: b, criteria: ["Works"] });
    await ok(f, "judge:assign", { personKey: `p:${carol.id}`, judge: true });
    await ok(f, "judge:assign", { personKey: `p:${alice.id}`, judge: true });
    for (const who of [carol.socket, alice.socket]) await ok(who, "presentation:state", {});
    // Carol favours a; Alice favours b more strongly, so with her b leads.
    await ok(carol.socket, "judge:score", { teamId: a, criterion: "Works", score: 4 });
    await ok(carol.socket, "judge:score", { teamId: b, criterion: "Works", score: 3 });
    await ok(alice.socket, "judge:score", { teamId: a, criterion: "Works", score: 1 });
    await ok(alice.socket, "judge:score", { teamId: b, criterion: "Works", score: 5 });
    const leader = async () => (await loadResults(t.server.db.read, event.id)).rows.find((r) => r.rank === 1)?.teamId;
    expect(await leader()).toBe(b);
    expect((await loadResults(t.server.db.read, event.id)).judges).toBe(2);
    await ok(f, "presentation:project", { view: "results" });

    const shownWithoutAlice = nextEvent(carol.socket, "presentation:results-shown", (m) => m.data.results?.[0]?.teamId === a);
    await ok(f, "judge:assign", { personKey: `p:${alice.id}`, judge: false });
    await shownWithoutAlice;
    const results = await loadResults(t.server.db.read, event.id);
    expect(results.judges).toBe(1);
    expect(results.rows.find((r) => r.teamId === b)?.judging).toMatchObject({ averages: { Works: 3 } });
    const removed = await send(alice.socket, "judge:score", { teamId: b, criterion: "Works", score: 5 });
    expect(removed.error?.code).toBe("forbidden");

    // Taken off by mistake: put back, her scores count again without her scoring again.
    const shownWithAlice = nextEvent(carol.socket, "presentation:results-shown", (m) => m.data.results?.[0]?.teamId === b);
    await ok(f, "judge:assign", { personKey: `p:${alice.id}`, judge: true });
    await shownWithAlice;
    expect((await loadResults(t.server.db.read, event.id)).judges).toBe(2);
  });

  it("a brief's success lines fixed by an organiser reach judges' phones as the team's criteria, scores moving with the wording", async () => {
    const f = await staff();
    const briefId = await t.server.db.transact(async (tx) => {
      const { id } = await createBrief(tx, { eventId: event.id, title: "Greener parks" });
      await tx.update(briefs).set({ successLooksLike: "- More trees\n- Benches peopel use" }).where(eq(briefs.id, id));
      return id;
    });
    const team = await t.server.db.transact((tx) =>
      insertTeam(tx, { eventId: event.id, name: "Parks", briefId, capacity: null, now: Date.now() }),
    );
    const judge = await phone("Judith");
    await ok(judge.socket, "team:join", { teamId: team.id });
    await ok(f, "judge:assign", { personKey: `p:${judge.id}`, judge: true });
    expect((await ok(judge.socket, "presentation:state", {})).criteria[team.id]).toEqual(["More trees", "Benches peopel use"]);
    await ok(judge.socket, "judge:score", { teamId: team.id, criterion: "Benches peopel use", score: 4 });

    const told = nextEvent(judge.socket, "presentation:criteria-changed", (m) => m.data.teamId === team.id);
    const judging = await t.server.db.transact(async (tx) =>
      sequenceBroadcasts(
        tx,
        await followSuccessLines(
          tx,
          event.id,
          briefId,
          { before: "- More trees\n- Benches peopel use", after: "- More trees\n- Benches people use" },
          Date.now(),
        ),
      ),
    );
    t.server.realtime.emitBroadcasts(judging);
    expect((await told).data).toEqual({
      teamId: team.id,
      criteria: ["More trees", "Benches people use"],
      renamed: [["Benches peopel use", "Benches people use"]],
    });
    const state = await ok(judge.socket, "presentation:state", {});
    expect(state.me.scores[team.id]).toEqual({ "Benches people use": 4 });
    // Judged on criteria of its own, a team does not follow its brief's lines.
    await ok(f, "criteria:set", { teamId: team.id, criteria: ["Our own"] });
    const untouched = await t.server.db.transact((tx) =>
      followSuccessLines(tx, event.id, briefId, { before: "- More trees", after: "- Fewer cars" }, Date.now()),
    );
    expect(untouched).toEqual([]);
  });

  it("two near-simultaneous 'next' presses from the same stage move on one stage, and back goes back a stage", async () => {
    const { f, a, b, carol } = await twoTeams();
    await ok(carol.socket, "presentation:state", {});
    await ok(f, "presentation:order", { order: [a, b], presentSeconds: 120, questionsSeconds: 60 });
    await ok(f, "presentation:step", { step: "start", from: null, fromStage: "waiting" });
    // Two consoles (or a double press) both pressed while team a was presenting.
    const [one, two] = await Promise.all([
      ok(f, "presentation:step", { step: "next", from: a, fromStage: "presenting" }),
      ok(f, "presentation:step", { step: "next", from: a, fromStage: "presenting" }),
    ]);
    // Applied once: a's questions, not b's presentation (which skipping them would give).
    expect([one.run, two.run].map((r) => `${r.currentTeamId}:${r.stage}`)).toEqual([`${a}:questions`, `${a}:questions`]);
    const state = await ok(carol.socket, "presentation:state", {});
    expect([state.run.currentTeamId, state.run.stage]).toEqual([a, "questions"]);
    // A second start from "not started" after the first went through changes nothing either.
    expect((await ok(f, "presentation:step", { step: "start", from: null, fromStage: "waiting" })).run.stage).toBe("questions");

    // Back from the first team's questions goes to its presentation, then to "not started".
    const back = await ok(f, "presentation:step", { step: "previous", from: a, fromStage: "questions" });
    expect([back.run.currentTeamId, back.run.stage]).toEqual([a, "presenting"]);
    const seenWaiting = nextEvent(carol.socket, "presentation:run-changed", (m) => m.data.run.stage === "waiting");
    await ok(f, "presentation:step", { step: "previous", from: a, fromStage: "presenting" });
    expect((await seenWaiting).data.run.currentTeamId).toBeNull();
  });

  it("reset returns every screen to not started and keeps the showcases", async () => {
    const { f, a, b, alice, carol } = await twoTeams();
    await ok(alice.socket, "showcase:save", { teamId: a, fields: { title: "Pocket parks" } });
    await ok(carol.socket, "presentation:state", {});
    await ok(f, "presentation:order", { order: [a, b], presentSeconds: 120, questionsSeconds: 0 });
    await ok(f, "presentation:step", { step: "start" });
    await ok(f, "presentation:step", { step: "next", from: a, fromStage: "presenting" });
    await ok(f, "presentation:step", { step: "pause", from: b, fromStage: "presenting" });
    await ok(f, "presentation:project", { view: "results" });
    const refused = await send(carol.socket, "presentation:step", { step: "reset" });
    expect(refused.error?.code).toBe("forbidden");
    const heardReset = nextEvent(carol.socket, "presentation:run-changed", (m) => m.data.run.stage === "waiting");
    const heardResultsDown = nextEvent(carol.socket, "presentation:results-shown", (m) => m.data.results === null);
    const reset = await ok(f, "presentation:step", { step: "reset" });
    expect(reset.run).toMatchObject({
      stage: "waiting",
      currentTeamId: null,
      stageStartedAt: null,
      pausedAt: null,
      projecting: "presenter",
    });
    expect((await heardReset).data.run.order).toEqual([a, b]);
    await heardResultsDown;
    const state = await ok(carol.socket, "presentation:state", {});
    expect(state.showcases[a]?.title).toBe("Pocket parks");
    expect(state.results).toBeNull();
  });

  it("projected results reach every screen, named by showcase titles, and come down again", async () => {
    const { f, a, b, alice, carol } = await twoTeams();
    await ok(alice.socket, "showcase:save", { teamId: a, fields: { title: "Pocket parks" } });
    const { roundId } = await ok(f, "peoples-choice:open", { dotsPerPerson: 1, excludeOwnTeam: true });
    await ok(carol.socket, "vote:cast", { roundId, targetId: a });
    await ok(carol.socket, "presentation:state", {});
    // Not while people can still vote: rankings on the big screen would sway them.
    const early = await send(f, "presentation:project", { view: "results" });
    expect([early.error?.code, early.error?.message]).toEqual([
      "conflict",
      "The people's choice is still open. Close it first, then show the results.",
    ]);
    expect((await ok(carol.socket, "presentation:state", {})).run.projecting).toBe("presenter");
    await ok(f, "vote:close", { roundId });
    const shown = nextEvent(carol.socket, "presentation:results-shown", (m) => m.data.results !== null);
    // The big screen is on the join panel: showing the results puts the presentations there too.
    const screenSwitched = nextEvent(carol.socket, "room:changed", (m) => m.data.room.wall.kind === "presentations");
    const projected = await ok(f, "presentation:project", { view: "results" });
    expect(projected.run.projecting).toBe("results");
    await screenSwitched;
    const rows = (await shown).data.results ?? [];
    // A team with a showcase title is shown by it; one without falls back to its name.
    expect(rows.map((r) => [r.rank, r.title, r.teamName])).toEqual([
      [1, "Pocket parks", "Parks"],
      [2, "Website", "Website"],
    ]);
    expect(rows.map((r) => r.teamId)).toEqual([a, b]);
    // A phone opening now reads the same.
    expect((await ok(carol.socket, "presentation:state", {})).results?.[0]?.title).toBe("Pocket parks");
    // While they are up, they follow the room: a new showcase title reaches every screen showing them.
    const retitled = nextEvent(carol.socket, "presentation:results-shown", (m) =>
      (m.data.results ?? []).some((r) => r.title === "Our website"),
    );
    await ok(f, "showcase:save", { teamId: b, fields: { title: "Our website" } });
    expect((await retitled).data.results?.map((r) => r.title)).toEqual(["Pocket parks", "Our website"]);
    // The rest of a showcase is not in them: a team typing its summary does not send every screen the results again.
    const resent = collect(carol.socket, "presentation:results-shown");
    const typed = nextEvent(carol.socket, "showcase:changed", (m) => m.data.changes.summary === "Made with the council");
    await ok(f, "showcase:save", { teamId: b, fields: { summary: "Made with the council" } });
    await typed;
    // Broadcasts go out in order, before this answer on the same socket: anything sent after the change has come.
    await ok(carol.socket, "event:time", {});
    expect(resent).toEqual([]);
    // So does a team renamed from the console.
    const renamed = nextEvent(carol.socket, "presentation:results-shown", (m) =>
      (m.data.results ?? []).some((r) => r.teamName === "Pocket parks team"),
    );
    await ok(f, "team:update", { teamId: a, name: "Pocket parks team" });
    expect((await renamed).data.results?.map((r) => r.teamName)).toEqual(["Pocket parks team", "Website"]);
    const refused = await send(carol.socket, "presentation:project", { view: "presenter" });
    expect(refused.error?.code).toBe("forbidden");
    const down = nextEvent(carol.socket, "presentation:results-shown", (m) => m.data.results === null);
    await ok(f, "presentation:project", { view: "presenter" });
    await down;
  });

  it("every presentations screen follows who presents as people join, move and leave", async () => {
    const { f, a, b, alice, bob, carol } = await twoTeams();
    // Bob watches (a screen does not hear its own command's broadcast: its answer carries it).
    const empty = (await ok(f, "team:create", { name: "Late starters" })).team.id;
    await ok(bob.socket, "presentation:state", {});
    // The first person in: the team gets its slot on every screen.
    const gained = nextEvent(bob.socket, "presentation:run-changed", (m) => m.data.run.order.includes(empty));
    await ok(carol.socket, "team:join", { teamId: empty });
    expect((await gained).data.run.order).toEqual([a, b, empty]);
    // Alice moves across: Parks is left empty and loses its slot.
    const lost = nextEvent(bob.socket, "presentation:run-changed", (m) => !m.data.run.order.includes(a));
    await ok(alice.socket, "team:join", { teamId: empty });
    expect((await lost).data.run).toMatchObject({ order: [b, empty], leftOutTeamIds: [a] });
    // Leaving a team, and leaving the event, count the same way.
    const back = nextEvent(bob.socket, "presentation:run-changed", (m) => m.data.run.order.includes(a));
    await ok(alice.socket, "team:join", { teamId: a });
    await back;
    const left = nextEvent(bob.socket, "presentation:run-changed", (m) => !m.data.run.order.includes(a));
    await ok(alice.socket, "event:leave", { deleteNotes: false });
    await left;
    const gone = nextEvent(bob.socket, "presentation:run-changed", (m) => !m.data.run.order.includes(empty));
    await ok(carol.socket, "team:leave", {});
    expect((await gone).data.run.order).toEqual([b]);
  });

  it("a team nobody joined gets no slot, rank or votes until staff add it", async () => {
    const { f, a, b, carol } = await twoTeams();
    const empty = (await ok(f, "team:create", { name: "Nobody" })).team.id;
    const state = await ok(carol.socket, "presentation:state", {});
    expect(state.run.order).toEqual([a, b]);
    expect(state.run.leftOutTeamIds).toEqual([empty]);
    const { roundId } = await ok(f, "peoples-choice:open", { dotsPerPerson: 2, excludeOwnTeam: false });
    const vote = await send(carol.socket, "vote:cast", { roundId, targetId: empty });
    expect(vote.error?.message).toMatch(/isn't presenting/);
    expect((await loadResults(t.server.db.read, event.id)).rows.map((r) => r.teamId).sort()).toEqual([a, b].sort());
    // Naming it in the order does not give it a slot either.
    expect((await ok(f, "presentation:order", { order: [empty, a, b] })).run.order).toEqual([a, b]);
    expect((await send(carol.socket, "presentation:include", { teamId: empty, include: true })).error?.code).toBe("forbidden");

    const heard = nextEvent(carol.socket, "presentation:run-changed", (m) => m.data.run.order.includes(empty));
    const added = await ok(f, "presentation:include", { teamId: empty, include: true });
    expect(added.run).toMatchObject({ order: [a, b, empty], includedTeamIds: [empty], leftOutTeamIds: [] });
    await heard;
    await ok(carol.socket, "vote:cast", { roundId, targetId: empty });
    expect((await loadResults(t.server.db.read, event.id)).rows.find((r) => r.teamId === empty)?.votes).toBe(1);
    const missing = await send(f, "presentation:include", { teamId: "no-such-team", include: true });
    expect(missing.error?.code).toBe("not_found");
    // An export carries who staff added, and the imported event presents them too.
    const parsed = parseEventExport(JSON.parse(JSON.stringify(await loadEventExport(t.server.db.read, event.id))));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.data.presentations.run?.includedTeamIds).toEqual([empty]);
    const copy = await importEvent(t.server.db, parsed.data, organiser.accountId);
    const copied = await presentingTeamIdsOf(t.server.db.read, copy.eventId);
    expect(copied).toHaveLength(3);
  });
});
