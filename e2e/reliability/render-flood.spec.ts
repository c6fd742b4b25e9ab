/**
 * One address keeps far more page requests in flight than its line holds, while other addresses
 * open the join page and the event's page. Outcomes, not timings: the other addresses are
 * answered while the flooder's line is still full (before most of the flooder's waiting requests),
 * the flooder's excess is refused with 503 and Retry-After, nobody else is refused, and the
 * server still answers. Its own server (TRUST_PROXY_HOPS=1, so X-Forwarded-For stands in for
 * addresses), so the flood slows no other test. The join page's latency under a flood is
 * bench/page-flood.ts, reported there.
 */
import { request } from "node:http";
import { expect, test } from "@playwright/test";
import { renderLimits } from "@/lib/server/render-turns";
import { e2eDatabaseUrl } from "../support/config";
import { createEventFixture } from "../support/fixtures";
import { ownServer } from "../support/own-server";
import { report } from "./support/world";

// A short line per address (PAGE_LINE_PER_ADDRESS, as an operator may set it): the default's 400
// waiting requests are more than a busy machine's test client opens before the first are served, so
// the flooder's line never filled there. What is tested is the same with any length.
const addressLine = 24;
const server = ownServer(95, e2eDatabaseUrl, { TRUST_PROXY_HOPS: "1", PAGE_LINE_PER_ADDRESS: String(addressLine) });
const flooder = "203.0.113.77";
/** Past what the flooder may have rendering and waiting: these must be refused. */
const flood = renderLimits.perAddress + addressLine + 60;

type Answer = { who: string; status: number; retryAfter?: string; body: string };

function get(path: string, address: string, answered: Answer[], who: string) {
  const { port, hostname } = new URL(server.base);
  return new Promise<Answer>((resolve) => {
    const req = request({ host: hostname, port, path, agent: false, headers: { "x-forwarded-for": address } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        if (body.length < 500) body += chunk;
      });
      res.on("end", () => {
        const answer = { who, status: res.statusCode ?? 0, retryAfter: res.headers["retry-after"], body };
        answered.push(answer);
        resolve(answer);
      });
    });
    req.on("error", (error) => {
      const answer = { who, status: 0, body: String(error) };
      answered.push(answer);
      resolve(answer);
    });
    req.end();
  });
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

  // The flooder sends more than its line holds, and keeps sending until its first refusal (its line
  // full): on a busy machine its first pages are served while the rest are still arriving.
  let refusedOnce: () => void = () => {};
  const firstRefusal = new Promise<void>((resolve) => {
    refusedOnce = resolve;
  });
  const floodAnswers: Promise<Answer>[] = [];
  const send = () => {
    const answer = get(`/e/${event.slug}`, flooder, answered, "flooder");
    void answer.then((a) => a.status === 503 && refusedOnce());
    floodAnswers.push(answer);
    return answer;
  };
  let full = false;
  void firstRefusal.then(() => {
    full = true;
  });
  for (let batch = Array.from({ length: flood }, send); !full && floodAnswers.length < 10 * flood; ) {
    // Sent faster than served: wait for the refusal, or for this batch's first answer (the server
    // keeping up), then send more.
    await Promise.race([firstRefusal, batch[0]]);
    if (!full) batch = Array.from({ length: addressLine }, send);
  }
  const statuses = answered.reduce<Record<string, number>>((counts, a) => {
    counts[a.status] = (counts[a.status] ?? 0) + 1;
    return counts;
  }, {});
  expect(full, `the flooder's line never filled: ${floodAnswers.length} sent, answered ${JSON.stringify(statuses)}`).toBe(true);
  // Counted from here: under load the flooder's first pages are served while its requests are
  // still arriving, before its line is full, and those say nothing about the visitor's turn.
  const sentAt = answered.length;
  const visitor = get(`/j/${event.joinCode}`, "198.51.100.77", answered, "visitor");
  const others = [
    get(`/j/${event.joinCode}`, "198.51.100.78", answered, "other"),
    get(`/e/${event.slug}`, "198.51.100.79", answered, "other"),
    get(`/j/${event.joinCode}`, "2001:db8:77::1", answered, "other"),
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
