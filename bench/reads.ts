/**
 * What each read a participant may send costs the server on a big event (1,000 people, 20 teams,
 * a plenary board and 20 team boards of 500 notes each): the handler's run plus the JSON of its
 * ack (what socket.io writes), per call, on one process and a temp libSQL file. The read budgets
 * (lib/rate-limit/read-budget.ts) are sized from these figures. Prints a table; timings only,
 * nothing asserted. Run `npx tsx bench/reads.ts [--people N] [--repeats N]`.
 */
import type { Actor } from "@/lib/auth/actor";
import type { CommandName } from "@/lib/realtime/contract";
import { executeCommand } from "@/lib/realtime/execute-command";
import { handlers } from "@/lib/realtime/handlers";
import { seedBigEvent } from "@/test/integration/support/big-event";
import { addParticipant, commandId, openTempDatabase } from "@/test/integration/support/fixtures";
import { ascending, percentile } from "./lib/stats";

const opt = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const people = opt("people", 1000);
const repeats = opt("repeats", 40);

const temp = await openTempDatabase();
const db = temp.db;
const big = await seedBigEvent(db, { people, teams: 20, notes: 500 });
const member: Actor = { kind: "participant", eventId: big.eventId, participantId: big.participantIds[0]!, role: "participant" };
// Someone who has just joined with the code: no profile, no team.
const newcomer: Actor = {
  kind: "participant",
  eventId: big.eventId,
  participantId: await addParticipant(db, big.eventId, "Newcomer", null),
  role: "participant",
};

const reads: [CommandName, Record<string, unknown>][] = [
  ["event:time", {}],
  ["event:snapshot", {}],
  ["teams:snapshot", {}],
  ["presentation:state", {}],
  ["vote:state", { boardId: big.plenaryBoardId }],
  ["board:open", { boardId: big.plenaryBoardId }],
];

const rows: Record<string, unknown>[] = [];
for (const [actorName, actor] of [
  ["member", member],
  ["newcomer", newcomer],
] as const) {
  for (const [name, payload] of reads) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < repeats + 5; i++) {
      const t0 = performance.now();
      const run = await executeCommand({ db, handlers, join: () => {} }, actor, name, { id: commandId(), payload });
      bytes = JSON.stringify(run.ack).length;
      if (!run.ack.ok) throw new Error(`${name}: ${run.ack.error.message}`);
      // The first few warm the statement cache and the JIT.
      if (i >= 5) times.push((performance.now() - t0) * 1000);
    }
    const sorted = ascending(times);
    rows.push({
      actor: actorName,
      read: name,
      "p50 µs": Math.round(percentile(sorted, 50)),
      "p95 µs": Math.round(percentile(sorted, 95)),
      "ack kB": Math.round(bytes / 100) / 10,
    });
  }
}
console.table(rows);
console.log(`${people} people, 20 teams, 21 boards × 500 notes; ${repeats} calls each after 5 warm-ups`);
temp.cleanup();
