/**
 * No answer carries what a stranger sent back in its headers at any length. A redirect's
 * `Location` is a response header: echoing a 20 KB argument there made a response no HTTP client
 * would read (Node's fetch: "fetch failed", found by the long HTTP fuzzing) and one that nginx
 * answers with a 502 ("upstream sent too big header", its buffer is 4–8 KB). Every server action
 * of the build is called with long arguments, and every staff page is asked for with a long
 * address, by a stranger and by an organiser.
 */
import { request } from "node:http";
import { expect, test } from "@playwright/test";
import { e2eBaseUrl } from "../support/config";
import { serverActions } from "./support/server-actions";
import { createWorld, report, sessionCookie } from "./support/world";

/** Far below what proxies hold (nginx's default buffer is 4 KB on most platforms). */
const headerBudget = 4_096;

/** Status and header bytes of one answer, read with no header limit (Node's own fetch stops at 16 KB). */
function ask(method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; headerBytes: number; location: string }>((resolve, reject) => {
    const url = new URL(path, e2eBaseUrl);
    const req = request(url, { method, headers, maxHeaderSize: 1 << 22 }, (res) => {
      const headerBytes = res.rawHeaders.reduce((sum, h) => sum + Buffer.byteLength(h) + 2, 0);
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headerBytes, location: String(res.headers.location ?? "") }));
    });
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error("no answer in 30 s")));
    req.end(body);
  });
}

test("no server action or page echoes a long argument or address into its answer's headers", async () => {
  test.setTimeout(240_000);
  const w = await createWorld();
  const long = "a".repeat(20_000);
  // Fresh each time: a signOut called with long arguments may have ended the last session.
  const cookies = { anonymous: async () => "", organiserA: () => sessionCookie(w.a.organiser.id) };
  const problems: string[] = [];
  let asked = 0;
  const check = (what: string, answer: { status: number; headerBytes: number; location: string }) => {
    asked++;
    if (answer.status >= 500 || answer.headerBytes > headerBudget) {
      problems.push(`${what}: ${answer.status}, ${answer.headerBytes} header bytes, location ${answer.location.slice(0, 60)}`);
    }
  };

  for (const action of serverActions(w)) {
    const path = action.paths[0] as string;
    for (const [role, cookieOf] of Object.entries(cookies)) {
      const cookie = await cookieOf();
      const headers: Record<string, string> = {
        origin: e2eBaseUrl,
        "next-action": action.id,
        "content-type": "text/plain;charset=UTF-8",
      };
      if (cookie) headers.cookie = cookie;
      // A slug, an id, a token and a form's place, each 20 KB long.
      check(`${action.name} as ${role}`, await ask("POST", path, headers, JSON.stringify([long, long, long, long])));
    }
  }
  // Staff pages send a stranger to sign in and back: never back to an address this long.
  const pages = ["/o/", "/f/", "/s/", `/o/${w.a.slug}/briefs/`, `/f/${w.a.slug}/b/`, `/s/${w.a.slug}/b/`];
  for (const page of pages) {
    for (const [role, cookieOf] of Object.entries(cookies)) {
      const cookie = await cookieOf();
      check(`GET ${page}… as ${role}`, await ask("GET", `${page}${"b".repeat(6_000)}`, cookie ? { cookie } : {}));
    }
  }

  const line = report("header-echo", { asked, problems: problems.length }, problems.length === 0);
  expect(problems, line).toEqual([]);
});
