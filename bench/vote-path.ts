/**
 * The server's database work for votes at a paced rate, without sockets: for A/B comparisons of
 * the vote path (bench/README.md, findings 26–27), where the full benchmark's sockets and load
 * generator drown a change of 10 % in their own noise.
 *
 *   npm run bench:vote-path -- [--r 1000] [--votes 15000] [--phones 1000]
 *
 * What runs, as in lib/realtime/socket-server.ts: vote:cast through executeCommand on a migrated
 * libSQL file, checking the phone's access inside the vote's transaction (the per-command check); the
 * round's tally is read every 40 ms while dots come in; every 400 ms all phones' access is swept.
 * Votes are sent open-loop on a schedule (vote k at k/R s) and latency counts from that time.
 * Prints one JSON line: CPU % of a core, CPU µs per vote, latency p50/p99 in ms.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { migrateDatabase, openDatabase } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { revokedAmong } from "@/lib/auth/revalidate";
import { executeCommand } from "@/lib/realtime/execute-command";
import { handlers } from "@/lib/realtime/handlers";
import { tallyNow } from "@/lib/voting/round-store";
import { seed } from "./lib/seed";
import { ascending, percentile, round1 } from "./lib/stats";

const argv = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const rate = option("--r", 1000);
const phones = option("--phones", 1000);
// 20 dots a phone: more votes than that would be refused.
const total = Math.min(option("--votes", 15000), phones * 20);

const dir = mkdtempSync(join(tmpdir(), "madein-vote-path-"));
const url = `file:${join(dir, "vote-path.db")}`;
await migrateDatabase(url);
const db = await openDatabase(url);
const seeded = await seed(db, phones, 12);
const opened = await executeCommand({ db, handlers }, seeded.staff, "vote:open", {
  id: `open-${randomUUID()}`,
  payload: { boardId: seeded.boardId, dotsPerPerson: 20, maxPerTarget: 20, targets: "notes", talliesLive: true },
});
if (!opened.ack.ok) throw new Error(opened.ack.error.message);
const roundId = opened.ack.result.round.id;
const held = seeded.participantIds.map((participantId) => ({
  actor: { kind: "participant", eventId: seeded.eventId, participantId, name: "Phone", role: "participant" } as Actor,
  sessionHash: null,
  deviceId: null,
}));

let tallyDue = false;
let failures = 0;
const latencies: number[] = [];
const sweep = setInterval(() => void revokedAmong(db.read, held), 400);
const tally = setInterval(() => {
  if (!tallyDue) return;
  tallyDue = false;
  void tallyNow(db.read, roundId);
}, 40);

const cpu = process.cpuUsage();
const started = performance.now();
const votes: Promise<void>[] = [];
let sent = 0;
async function vote(k: number) {
  const phone = held[k % phones]!;
  const targetId = seeded.targets[(k + Math.floor(k / phones)) % seeded.targets.length]!;
  const scheduled = started + (k / rate) * 1000;
  const run = await executeCommand({ db, handlers, held: phone }, phone.actor, "vote:cast", {
    id: `cast-${randomUUID()}`,
    payload: { roundId, targetId },
  });
  if (run.accessEnded) throw new Error("access taken away");
  if (!run.ack.ok) failures++;
  tallyDue = true;
  latencies.push(performance.now() - scheduled);
}
await new Promise<void>((done) => {
  const pace = setInterval(() => {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
    while (sent < due) votes.push(vote(sent++));
    if (sent >= total) {
      clearInterval(pace);
      done();
    }
  }, 5);
});
await Promise.all(votes);
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
clearInterval(sweep);
clearInterval(tally);
const cpuMs = (used.user + used.system) / 1000;
const sorted = ascending(latencies);
console.log(
  JSON.stringify({
    rate,
    phones,
    votes: total,
    failures,
    seconds: round1(seconds),
    cpuPercent: round1((cpuMs / 1000 / seconds) * 100),
    cpuMicrosPerVote: Math.round((cpuMs * 1000) / total),
    p50Ms: round1(percentile(sorted, 50)),
    p99Ms: round1(percentile(sorted, 99)),
  }),
);
db.close();
rmSync(dir, { recursive: true, force: true });
