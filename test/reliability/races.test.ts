/**
 * Races on the real server: the same vote id sent 10× at once on one socket and across two,
 * more dots than the budget and than a note may take, and many phones for a team's last places.
 * A violation is any difference between the database and what the rules allow and the acks say.
 */
import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { teamMembers, votes } from "@/db/schema";
import {
  clientsFor,
  ok,
  participantCookie,
  send,
  staffCookie,
  type TestAck,
  type TestSocket,
} from "../integration/support/clients";
import { addParticipant, commandId, createAccount, createTestEvent } from "../integration/support/fixtures";
import { startTestServer, type TestServer } from "../integration/support/server";
import { long, report } from "./support/report";

const targetAttempts = long ? 100_000 : 10_000;
const dots = 3;
const maxPerTarget = 2;

let t: TestServer;
let clients: ReturnType<typeof clientsFor>;
beforeAll(async () => {
  // The per-connection rate limit is tested elsewhere; here it would only slow the races down.
  t = await startTestServer({ rateLimit: { points: 1_000_000, seconds: 1 } });
  clients = clientsFor(t.url);
});
afterAll(async () => {
  clients?.closeAll();
  await t?.dispose();
});

it(`holds every limit under concurrent attempts (${targetAttempts})`, { timeout: long ? 1_800_000 : 240_000 }, async () => {
  const organiser = await createAccount(t.server.db, "Organiser");
  const event = await createTestEvent(t.server.db, organiser.accountId);
  const staff = await clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
  const boardId = event.welcomeBoardId;
  const targets: string[] = [];
  for (let i = 0; i < 3; i++) {
    const r = await ok(staff, "note:create", {
      boardId,
      column: event.welcomeColumn,
      text: `Target ${i}`,
    });
    targets.push(r.note.id);
  }
  // Each phone has two sockets, as two tabs would.
  const phones = await Promise.all(
    Array.from({ length: 18 }, async (_, i) => {
      const pid = await addParticipant(t.server.db, event.id, `Phone ${i}`);
      const cookie = participantCookie(event.id, pid);
      const [a, b] = await Promise.all([
        clients.connect({ eventId: event.id, cookie }),
        clients.connect({ eventId: event.id, cookie }),
      ]);
      return { pid, a: a as TestSocket, b: b as TestSocket };
    }),
  );

  let attempts = 0;
  let violations = 0;
  const details: string[] = [];
  const violation = (what: string) => {
    violations++;
    if (details.length < 10) details.push(what);
  };
  let roundId: string | null = null;
  let reps = 0;
  const counts = { sameIdOneSocket: 0, sameIdTwoSockets: 0, overBudget: 0, lastTeamPlace: 0 };

  while (attempts < targetAttempts) {
    reps++;
    if (roundId) await ok(staff, "vote:close", { roundId });
    roundId = (await ok(staff, "vote:open", { boardId, dotsPerPerson: dots, maxPerTarget })).round.id;
    const round = roundId;
    const team = (await ok(staff, "team:create", { name: `Team ${reps}`, capacity: 2 })).team.id;

    // Expected dots per phone, by scenario.
    const expected = new Map<string, { dots: number; okAcks: number; acks: TestAck<unknown>[] }>();
    await Promise.all([
      ...phones.map(async (p, i) => {
        const kind = i % 3;
        let acks: TestAck<unknown>[];
        let want: number;
        if (kind === 0 || kind === 1) {
          // The same command id, 10 times at once: one dot, ten ok acks (nine of them duplicates).
          const id = commandId();
          const targetId = targets[randomInt(targets.length)] as string;
          acks = await Promise.all(
            Array.from({ length: 10 }, (_, k) =>
              send(kind === 0 || k % 2 === 0 ? p.a : p.b, "vote:cast", { roundId: round, targetId }, id),
            ),
          );
          want = 1;
          if (kind === 0) counts.sameIdOneSocket += 10;
          else counts.sameIdTwoSockets += 10;
          if (acks.filter((a) => a.ok && !a.duplicate).length !== 1 || acks.some((a) => !a.ok)) {
            violation(`same id: ${JSON.stringify(acks.map((a) => (a.ok ? (a.duplicate ? "dup" : "ok") : a.error?.code)))}`);
          }
        } else {
          // 8 different dots at once across two sockets: at most `dots`, at most 2 on a note.
          const picks = Array.from({ length: 8 }, () => targets[randomInt(targets.length)] as string);
          acks = await Promise.all(
            picks.map((targetId, k) => send(k % 2 ? p.a : p.b, "vote:cast", { roundId: round, targetId })),
          );
          const room = targets.reduce((s, target) => s + Math.min(maxPerTarget, picks.filter((x) => x === target).length), 0);
          want = Math.min(dots, room);
          counts.overBudget += 8;
          if (acks.some((a) => !a.ok && a.error?.code !== "conflict")) violation(`over budget: unexpected refusal`);
        }
        attempts += acks.length;
        expected.set(`p:${p.pid}`, { dots: want, okAcks: acks.filter((a) => a.ok && !a.duplicate).length, acks });
      }),
      (async () => {
        // Ten phones at once for a team with two places.
        const joiners = phones.slice(0, 10);
        const acks = await Promise.all(joiners.map((p, k) => send(k % 2 ? p.a : p.b, "team:join", { teamId: team })));
        attempts += acks.length;
        counts.lastTeamPlace += acks.length;
        const members = await t.server.db.read.select().from(teamMembers).where(eq(teamMembers.teamId, team));
        const joined = acks.filter((a) => a.ok).length;
        if (members.length !== 2 || joined !== 2) violation(`team: ${members.length} members, ${joined} ok acks`);
        if (acks.some((a) => !a.ok && a.error?.code !== "conflict")) violation("team: unexpected refusal");
      })(),
    ]);

    const rows = await t.server.db.read.select().from(votes).where(eq(votes.roundId, round));
    for (const [voter, want] of expected) {
      const mine = rows.filter((r) => r.voterKey === voter);
      const perTarget = new Map<string, number>();
      for (const r of mine) perTarget.set(r.targetId, (perTarget.get(r.targetId) ?? 0) + 1);
      if (mine.length !== want.dots) violation(`${voter}: ${mine.length} dots in the database, expected ${want.dots}`);
      if (mine.length !== want.okAcks) violation(`${voter}: ${mine.length} dots, ${want.okAcks} ok acks`);
      if ([...perTarget.values()].some((n) => n > maxPerTarget)) violation(`${voter}: more than ${maxPerTarget} on one note`);
    }
  }

  const line = report("races", { attempts, reps, ...counts, violations }, violations === 0);
  expect(details).toEqual([]);
  expect(line).toMatch(/PASS$/);
});
