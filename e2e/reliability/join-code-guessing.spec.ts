/**
 * Guessing join codes is slowed per address, counting only codes that match nothing: a venue of
 * 300 people behind one router typing the right code is never slowed, a script trying codes is
 * stopped with a clear message. This test speaks from its own loopback address (127.0.0.x), so
 * the address it gets stopped does not stop the rest of the suite.
 */
import { request } from "node:http";
import { expect, test } from "@playwright/test";
import { generateJoinCode } from "@/lib/events/join-code";
import { e2eBaseUrl, e2ePort } from "../support/config";
import { createEventFixture } from "../support/fixtures";
import { report } from "./support/world";

/** A GET from `localAddress`, as a phone on another network would send it. */
function getFrom(localAddress: string, path: string): Promise<{ status: number; body: string }> {
  const url = new URL(path, e2eBaseUrl);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, localAddress }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const stopped = "Too many codes that didn&#x27;t match were tried from this network";

test("300 right codes from one address are never slowed; 100 wrong ones stop that address with a message", async () => {
  test.setTimeout(300_000);
  // An address of this run's own (E2E_PORT keeps parallel runs apart).
  const venue = `127.0.${Math.floor(e2ePort / 250) % 250}.${(e2ePort % 250) + 2}`;
  const event = await createEventFixture();

  let admitted = 0;
  for (let i = 0; i < 300; i++) {
    const page = await getFrom(venue, `/j/${event.joinCode}`);
    if (page.status === 200 && page.body.includes("What should people call you?")) admitted++;
  }
  expect(admitted).toBe(300);

  let misses = 0;
  for (; misses < 100; misses++) {
    let code = generateJoinCode();
    while (code === event.joinCode) code = generateJoinCode();
    // Every other guess through the code's privacy notice: the same misses, the same block.
    if (misses % 2 === 1) {
      expect((await getFrom(venue, `/j/${code}/privacy`)).status, `miss ${misses + 1} (privacy notice)`).toBe(404);
      continue;
    }
    const page = await getFrom(venue, `/j/${code}`);
    expect(page.body, `miss ${misses + 1}`).toContain("That code didn&#x27;t match an event");
  }
  const guess = await getFrom(venue, `/j/${generateJoinCode()}`);
  // While it waits, even the right code can't be confirmed from there: that is what stops guessing.
  const right = await getFrom(venue, `/j/${event.joinCode}`);
  const rightNotice = await getFrom(venue, `/j/${event.joinCode}/privacy`);
  // Everyone else carries on.
  const elsewhere = await getFrom("127.0.0.1", `/j/${event.joinCode}`);

  const pass =
    guess.body.includes(stopped) && right.body.includes(stopped) && elsewhere.body.includes("What should people call you?");
  const line = report("join-code-guessing", { admitted, misses, stopped: guess.body.includes(stopped) ? 1 : 0 }, pass);
  expect(guess.status, line).toBeLessThan(500);
  expect(guess.body, line).toContain(stopped);
  expect(right.body, line).toContain(stopped);
  expect(rightNotice.status, line).toBe(404);
  expect(elsewhere.body, line).toContain("What should people call you?");
});
