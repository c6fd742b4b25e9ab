/**
 * One address keeps far more page requests in flight than its line holds, while other addresses
 * open the join page and the event's page. Outcomes, not timings: the other addresses are
 * answered while the flooder's line is still full (before most of the flooder's waiting requests),
 * the flooder's excess is refused with 503 and Retry-After, nobody else is refused, and the
 * server still answers. Its own server (TRUST_PROXY_HOPS=1, so X-Forwarded-For stands in for
 * addresses), so the flood slows no other test. The join page's latency under a flood is
 * bench/page-flood.ts, reported there.
 */
import { connect, type Socket } from "node:net";
import { expect, test } from "@playwright/test";
import { renderLimits } from "@/lib/server/render-turns";
import { e2eDatabaseUrl } from "../support/config";
import { createEventFixture } from "../support/fixtures";
import { ownServer } from "../support/own-server";
import { report } from "./support/world";

// A short line per address (PAGE_LINE_PER_ADDRESS, as an operator may set it): what is tested is
// the same with any length, and a short one is filled by fewer requests.
const addressLine = 24;
const server = ownServer(95, e2eDatabaseUrl, { TRUST_PROXY_HOPS: "1", PAGE_LINE_PER_ADDRESS: String(addressLine) });
const flooder = "203.0.113.77";
/** Past what the flooder may have rendering and waiting: these must be refused. */
const flood = renderLimits.perAddress + addressLine + 60;

type Answer = { who: string; status: number; retryAfter?: string; body: string };

/**
 * A connection opened ahead of its request. The flood's requests are written on connections
 * already open, all in one go, so they reach the server together however busy this test's own
 * process is: opened one by one as they were sent (each a connection of its own), they came in
 * slower than the server served them on a busy machine, and the flooder's line never filled.
 */
function opened(): Promise<Socket> {
  const { port, hostname } = new URL(server.base);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.once("error", reject);
  });
}

/** The body of an answer read whole off a closed connection, its chunks joined if it came in chunks. */
function bodyOf(head: string, rest: string) {
  if (!/^transfer-encoding:\s*chunked/im.test(head)) return rest;
  let body = "";
  for (let at = 0; ; ) {
    const lineEnd = rest.indexOf("\r\n", at);
    const size = Number.parseInt(rest.slice(at, lineEnd), 16);
    if (!size) return body;
    body += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    at = lineEnd + 2 + size + 2;
  }
}

/** Writes a GET on an open connection; its answer is pushed on `answered` as it comes. */
function ask(socket: Socket, path: string, address: string, answered: Answer[], who: string) {
  return new Promise<Answer>((resolve) => {
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      const raw = Buffer.concat(chunks).toString("utf8");
      const split = raw.indexOf("\r\n\r\n");
      const head = split < 0 ? raw : raw.slice(0, split);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
      const retryAfter = /^retry-after:\s*(\S+)/im.exec(head)?.[1];
      const body = status ? bodyOf(head, split < 0 ? "" : raw.slice(split + 4)).slice(0, 500) : String(error ?? "no answer");
      const answer = { who, status, retryAfter, body };
      answered.push(answer);
      resolve(answer);
    };
    socket.once("error", finish);
    socket.once("close", () => finish());
    const { host } = new URL(server.base);
    socket.write(`GET ${path} HTTP/1.1\r\nHost: ${host}\r\nX-Forwarded-For: ${address}\r\nConnection: close\r\n\r\n`);
  });
}

async function get(path: string, address: string, answered: Answer[], who: string) {
  return ask(await opened(), path, address, answered, who);
}

test.afterAll(() => server.kill());

test("one address flooding pages gets its excess refused, and everyone else's pages are answered meanwhile", async () => {
  test.setTimeout(300_000);
  const event = await createEventFixture();
  await server.start();
  const answered: Answer[] = [];
  // Each page rendered once before the flood, as a running server has.
  for (const path of [`/e/${event.slug}`, `/j/${event.joinCode}`])
    expect((await get(path, "192.0.2.5", [], "warm")).status).toBe(200);

  // The flooder sends more than its line holds, all at once on connections opened beforehand,
  // and again if the server kept up (its line not full, nothing refused).
  let refusedOnce: () => void = () => {};
  const firstRefusal = new Promise<void>((resolve) => {
    refusedOnce = resolve;
  });
  let full = false;
  void firstRefusal.then(() => {
    full = true;
  });
  const floodAnswers: Promise<Answer>[] = [];
  for (let round = 0; !full && round < 5; round++) {
    const connections = await Promise.all(Array.from({ length: flood }, opened));
    const burst = connections.map((socket) => ask(socket, `/e/${event.slug}`, flooder, answered, "flooder"));
    for (const answer of burst) void answer.then((a) => a.status === 503 && refusedOnce());
    floodAnswers.push(...burst);
    await Promise.race([firstRefusal, Promise.all(burst)]);
  }
  const statuses = answered.reduce<Record<string, number>>((counts, a) => {
    counts[a.status] = (counts[a.status] ?? 0) + 1;
    return counts;
  }, {});
  expect(full, `the flooder's line never filled: ${floodAnswers.length} sent, answered ${JSON.stringify(statuses)}`).toBe(true);
  // Its line known to fill, the flooder sends once more and the others come the same moment,
  // right behind that burst on connections opened with it: the flooder's line is full when they
  // arrive, however long this busy process took to see the first refusal.
  const [visitorConnection, otherA, otherB, otherC] = await Promise.all([opened(), opened(), opened(), opened()]);
  const lastConnections = await Promise.all(Array.from({ length: flood }, opened));
  // Counted from here: what the flooder was served before says nothing about the visitor's turn.
  const sentAt = answered.length;
  floodAnswers.push(...lastConnections.map((socket) => ask(socket, `/e/${event.slug}`, flooder, answered, "flooder")));
  const visitor = ask(visitorConnection, `/j/${event.joinCode}`, "198.51.100.77", answered, "visitor");
  const others = [
    ask(otherA, `/j/${event.joinCode}`, "198.51.100.78", answered, "other"),
    ask(otherB, `/e/${event.slug}`, "198.51.100.79", answered, "other"),
    ask(otherC, `/j/${event.joinCode}`, "2001:db8:77::1", answered, "other"),
  ];
  const visitorAnswer = await visitor;
  const servedBeforeVisitor = answered
    .slice(sentAt, answered.indexOf(visitorAnswer))
    .filter((a) => a.who === "flooder" && a.status === 200).length;
  const [floodDone, othersDone] = await Promise.all([Promise.all(floodAnswers), Promise.all(others)]);

  const served = floodDone.filter((a) => a.status === 200).length;
  const servedAfterSending = answered.slice(sentAt).filter((a) => a.who === "flooder" && a.status === 200).length;
  const refused = floodDone.filter((a) => a.status === 503);
  const unexpected = floodDone.filter((a) => a.status !== 200 && a.status !== 503);
  const othersRefused = [visitorAnswer, ...othersDone].filter((a) => a.status !== 200);
  const healthy = (await fetch(`${server.base}/healthz`)).ok;
  // Answered while the flooder's line was still full: before most of the flooder's requests that
  // were waiting when the visitor came (one line served first come, first served puts it after all).
  const answeredInTime = servedBeforeVisitor < servedAfterSending / 2;
  const line = report(
    "render-flood",
    {
      flood: floodAnswers.length,
      served,
      refused: refused.length,
      unexpected: unexpected.length,
      servedBeforeVisitor,
      servedAfterSending,
      othersRefused: othersRefused.length,
    },
    answeredInTime && refused.length > 0 && unexpected.length === 0 && othersRefused.length === 0 && healthy,
  );
  expect(othersRefused, line).toEqual([]);
  expect(unexpected, line).toEqual([]);
  expect(refused.length, line).toBeGreaterThan(0);
  for (const answer of refused) {
    expect(answer.retryAfter).toBe("5");
    expect(answer.body).toBe("Lots of pages are being opened at once. Try again in a few seconds.");
  }
  expect(servedBeforeVisitor, line).toBeLessThan(servedAfterSending / 2);
  expect(line).toMatch(/PASS$/);
});
