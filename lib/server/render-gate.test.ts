import { type ClientRequest, createServer, type IncomingMessage, request, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { readRefusal } from "@/lib/forms/refusal";
import { clientIpHeader } from "@/lib/rate-limit/form-limit";
import { createRenderGate, type RenderGate, type RenderOutcome, rendersPage } from "./render-gate";

let server: Server | undefined;
let gate: RenderGate | undefined;
afterEach(async () => {
  gate?.stop();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

/** A server whose renders last until the test ends them; the client's address is a header here. */
async function serve() {
  const outcomes: RenderOutcome[] = [];
  const rendering: { path: string; req: IncomingMessage; res: ServerResponse }[] = [];
  gate = createRenderGate({
    limits: { perAddress: 2, inFlight: 4, addressLine: 3 },
    files: new Set(["/icon-192.png"]),
    onOutcome: (outcome) => outcomes.push(outcome),
  });
  const admitted = gate;
  server = createServer((req, res) => {
    req.headers[clientIpHeader] = String(req.headers["x-test-address"]);
    admitted.admit(req, res, () => rendering.push({ path: req.url ?? "", req, res }));
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;

  type Answer = { status: number; body: string; headers: IncomingMessage["headers"] };
  const get = (path: string, address: string, headers: Record<string, string> = {}, method = "GET") => {
    let sent: ClientRequest | undefined;
    const answer = new Promise<Answer>((resolve, reject) => {
      sent = request({ port, path, method, agent: false, headers: { "x-test-address": address, ...headers } }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => {
          body += chunk;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      });
      sent.on("error", reject);
      sent.end();
    });
    answer.catch(() => undefined);
    return { answer, abort: () => sent?.destroy() };
  };
  const renderedPaths = () => rendering.map((r) => r.path);
  const until = async (check: () => boolean) => {
    while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  /** Ends the render of this path. */
  const finish = (path: string) => {
    const at = rendering.findIndex((r) => r.path === path && !r.res.writableEnded);
    rendering[at]?.res.end(`page ${path}`);
  };
  return { get, rendering, renderedPaths, until, finish, outcomes, gate: admitted };
}

describe("turns at rendering pages, over HTTP", () => {
  it("refuses a flooder's requests past its line at once, in the reader's language, and renders another address's page meanwhile", async () => {
    const { get, renderedPaths, until, finish, outcomes, gate } = await serve();
    const flood: ReturnType<typeof get>[] = [];
    for (let i = 0; i < 8; i++) {
      flood.push(get(`/e/flood?${i}`, "203.0.113.1", { "accept-language": "fr" }));
      // One at a time, so that the line is filled in this order.
      await until(() => gate.inFlight() + gate.waiting() + outcomes.filter((o) => o === "line").length === i + 1);
    }
    const refused = await Promise.all(flood.slice(5).map((f) => f.answer));
    for (const answer of refused) {
      expect(answer.status).toBe(503);
      expect(answer.headers["retry-after"]).toBe("5");
      expect(answer.headers["content-language"]).toBe("fr");
      expect(answer.body).toBe("Beaucoup de pages sont ouvertes en même temps. Réessayez dans quelques secondes.");
    }
    await until(() => gate.waiting() === 3);
    expect(renderedPaths()).toEqual(["/e/flood?0", "/e/flood?1"]);

    // The flooder's line is full; someone else's join page renders at once.
    const visitor = get("/j/7N9MFF", "198.51.100.9");
    await until(() => renderedPaths().includes("/j/7N9MFF"));
    finish("/j/7N9MFF");
    expect((await visitor.answer).status).toBe(200);

    // The flooder's waiting requests are answered in turn, none of them refused.
    for (let i = 0; i < 5; i++) {
      await until(() => renderedPaths().includes(`/e/flood?${i}`));
      finish(`/e/flood?${i}`);
    }
    expect((await Promise.all(flood.slice(0, 5).map((f) => f.answer))).map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(outcomes.filter((o) => o === "line")).toHaveLength(3);
    expect(outcomes.filter((o) => o === "waited")).toHaveLength(3);
  });

  it("drops a waiting request from the line when its client goes away: it is never rendered", async () => {
    const { get, renderedPaths, until, finish, outcomes, gate } = await serve();
    const first = [get("/a", "203.0.113.1"), get("/b", "203.0.113.1")];
    await until(() => renderedPaths().length === 2);
    const leaving = get("/left", "203.0.113.1");
    const staying = get("/stays", "203.0.113.1");
    await until(() => gate.waiting() === 2);
    leaving.abort();
    await until(() => gate.waiting() === 1);
    finish("/a");
    finish("/b");
    await until(() => renderedPaths().includes("/stays"));
    finish("/stays");
    expect((await staying.answer).status).toBe(200);
    await Promise.all(first.map((f) => f.answer));
    expect(renderedPaths()).not.toContain("/left");
    expect(outcomes).toContain("gone");
    expect(gate.inFlight()).toBe(0);
  });

  it("never holds back files, Next's chunks or route handlers, even from an address whose line is full", async () => {
    const { get, renderedPaths, until, gate } = await serve();
    for (let i = 0; i < 5; i++) get(`/e/flood?${i}`, "203.0.113.1");
    await until(() => gate.waiting() === 3);
    for (const path of ["/icon-192.png", "/_next/static/chunks/app.js", "/photos/abc", "/api/kept"]) {
      get(path, "203.0.113.1");
      await until(() => renderedPaths().includes(path));
    }
  });

  it("tells a form's script why its post was refused a turn, in words it can show; a form without script gets the sentence", async () => {
    const { get, renderedPaths, until, gate } = await serve();
    for (let i = 0; i < 5; i++) get(`/e/flood?${i}`, "203.0.113.1");
    await until(() => gate.waiting() === 3 && renderedPaths().length === 2);
    const headers = { "accept-language": "fr", "content-type": "text/plain;charset=UTF-8" };
    const scripted = await get("/e/flood/notes", "203.0.113.1", { ...headers, "next-action": "7f00aa" }, "POST").answer;
    expect(scripted.status).toBe(503);
    expect(scripted.headers["content-type"]).toBe("text/plain");
    expect(scripted.body).toBe(
      "Made In refused 503: Beaucoup de pages sont ouvertes en même temps. Réessayez dans quelques secondes.",
    );
    expect(readRefusal(new Error(scripted.body))).toEqual({
      status: 503,
      message: "Beaucoup de pages sont ouvertes en même temps. Réessayez dans quelques secondes.",
    });
    const plain = await get("/e/flood/notes", "203.0.113.1", headers, "POST").answer;
    expect(plain.status).toBe(503);
    expect(plain.body).toBe("Beaucoup de pages sont ouvertes en même temps. Réessayez dans quelques secondes.");
  });

  it("lets Next's own request from inside a render use that render's turn, and nobody else", async () => {
    const { get, rendering, renderedPaths, until, gate } = await serve();
    for (let i = 0; i < 5; i++) get(`/action?${i}`, "127.0.0.1");
    await until(() => gate.waiting() === 3);
    const turn = String(rendering[0]?.req.headers["x-madein-render-turn"]);
    get("/redirected", "127.0.0.1", { "x-madein-render-turn": turn });
    await until(() => renderedPaths().includes("/redirected"));
    const madeUp = await get("/guessed", "127.0.0.1", { "x-madein-render-turn": "guess" }).answer;
    expect(madeUp.status).toBe(503);
  });
});

describe("which requests render a page", () => {
  const files = new Set(["/icon-192.png"]);
  it("counts pages, navigations and forms; not files, chunks, route handlers or other methods", () => {
    expect(rendersPage("GET", "/j/7N9MFF", files)).toBe(true);
    expect(rendersPage("HEAD", "/e/made-in-lambeth", files)).toBe(true);
    expect(rendersPage("POST", "/o/new", files)).toBe(true);
    expect(rendersPage("GET", "/no-such-page", files)).toBe(true);
    expect(rendersPage("GET", "/icon-192.png", files)).toBe(false);
    expect(rendersPage("GET", "/_next/static/chunks/main.js", files)).toBe(false);
    expect(rendersPage("GET", "/photos/abc", files)).toBe(false);
    expect(rendersPage("GET", "/e/made-in-lambeth/calendar.ics", files)).toBe(false);
    expect(rendersPage("OPTIONS", "/j/7N9MFF", files)).toBe(false);
  });
});
