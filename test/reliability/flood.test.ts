/**
 * One phone sends 1,000 commands a second (in its own process, as it would be on its own
 * device) while 20 others add notes at a normal pace. The flooder is held to its rate limit,
 * and the others' p99 acknowledgement time rises by less than 20% (plus 1 ms of timer
 * resolution) against the quiet periods before and after. 300 joins a minute from one address
 * (a venue behind one router) are e2e/reliability/flood-joins.spec.ts: joining is a page.
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
const seconds = long ? 30 : 8;
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

it("limits a flooding phone without slowing the others", { timeout: 180_000 }, async () => {
  const child = await startChild(pop.db.url, 0, ratePoints);
  const sockets: TestSocket[] = [];
  try {
    const boardId = await addBoard(pop.db, pop.eventId, "Flood wall");
    for (const pid of pop.participantIds.slice(0, phones))
      sockets.push(phoneSocket(child.url, pop.eventId, participantCookie(pop.eventId, pid)));
    await Promise.all(sockets.map((s) => connected(s, 20_000)));

    // Normal phones: a note every 2 s each, jittered, within their own limit.
    let phase = "before" as "before" | "flood" | "after" | "done";
    const latencies = { before: [] as number[], flood: [] as number[], after: [] as number[] };
    let refused = 0;
    const normal = sockets.map(async (s, i) => {
      await new Promise((r) => setTimeout(r, (i * 2000) / phones));
      while (phase !== "done") {
        const at = phase as Exclude<typeof phase, "done">;
        const t0 = performance.now();
        const ack = await s.timeout(30_000).emitWithAck("note:create", {
          id: commandId(),
          payload: { boardId, column: "ideas", text: `Phone ${i}` },
        });
        if (!ack.ok) refused++;
        else latencies[at].push(performance.now() - t0);
        await new Promise((r) => setTimeout(r, 2000));
      }
    });

    const flooder = spawn(
      process.execPath,
      ["--import", "tsx", fileURLToPath(new URL("./support/flooder.ts", import.meta.url))],
      {
        env: {
          ...process.env,
          URL: child.url,
          EVENT_ID: pop.eventId,
          COOKIE: participantCookie(pop.eventId, pop.participantIds[phones] as string),
          BOARD_ID: boardId,
          RATE: "1000",
          SECONDS: String(seconds),
        },
        stdio: ["pipe", "pipe", "inherit"],
      },
    );
    let out = "";
    flooder.stdout.on("data", (d) => {
      out += String(d);
    });
    const exited = new Promise<void>((r) => flooder.once("exit", () => r()));
    while (!out.includes("CONNECTED")) await new Promise((r) => setTimeout(r, 50));

    await new Promise((r) => setTimeout(r, seconds * 1000));
    phase = "flood";
    flooder.stdin.write("go\n");
    await exited;
    phase = "after";
    await new Promise((r) => setTimeout(r, seconds * 1000));
    phase = "done";
    await Promise.all(normal);

    const m = /FLOOD sent=(\d+) ok=(\d+) limited=(\d+) other=(\d+) seconds=([\d.]+)/.exec(out);
    expect(m, out).toBeTruthy();
    const [sent, ok, limited, other, floodSeconds] = (m as RegExpExecArray).slice(1).map(Number) as number[];
    const quiet = p99([...latencies.before, ...latencies.after]);
    const busy = p99(latencies.flood);
    const rise = quiet > 0 ? (busy - quiet) / quiet : 0;
    // Within its limit: at most the points of each 10 s window it touched.
    const allowed = ratePoints * Math.ceil((floodSeconds as number) / 10 + 1);
    const held = (ok as number) <= allowed && (limited as number) > 0;
    const pass = held && busy <= quiet * 1.2 + 1 && refused === 0 && other === 0;
    const line = report(
      "flood",
      {
        sent: sent as number,
        floodOk: ok as number,
        floodLimited: limited as number,
        floodOther: other as number,
        othersAcks: latencies.before.length + latencies.flood.length + latencies.after.length,
        othersRefused: refused,
        p99QuietMs: quiet.toFixed(1),
        p99FloodMs: busy.toFixed(1),
        p99Rise: `${(rise * 100).toFixed(0)}%`,
      },
      pass,
    );
    expect(line).toMatch(/PASS$/);
  } finally {
    for (const s of sockets) s.disconnect();
    await stopChild(child, "SIGTERM");
  }
});
