import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { lingerAfterEarlyAnswer } from "./linger";

const mb = 1024 * 1024;
let server: Server | undefined;

/** A server that refuses every body at its first megabyte, as the action gate does. */
async function refusingServer(lingerMs: number) {
  server = createServer((req, res) => {
    let size = 0;
    let answered = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (answered || size <= mb) return;
      answered = true;
      res.statusCode = 413;
      res.end("too big");
      lingerAfterEarlyAnswer(req, res, lingerMs);
    });
  });
  // Only the lingering may cut a sender off here, not an idle keep-alive.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

/** Sends chunks until answered (or until cut off, with `ignoreAnswer`); resolves with what came back. */
function send(port: number, ignoreAnswer = false) {
  return new Promise<{ status?: number; body?: string; error?: string; cutOff?: true }>((resolve) => {
    let answered = false;
    const req = request({ port, host: "127.0.0.1", method: "POST", headers: { "transfer-encoding": "chunked" } }, (res) => {
      answered = !ignoreAnswer;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c) => {
        body += c;
      });
      res.on("end", () => {
        if (ignoreAnswer) return;
        resolve({ status: res.statusCode, body });
        req.destroy();
      });
    });
    req.on("error", (e) => resolve({ error: (e as NodeJS.ErrnoException).code }));
    // Once an answer has come, Node reports the server's closing as the request's close only.
    req.on("close", () => resolve({ cutOff: true }));
    const chunk = Buffer.alloc(256 * 1024, 0x61);
    const next = () => {
      while (!answered) if (!req.write(chunk)) return void req.once("drain", next);
    };
    next();
  });
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe("lingerAfterEarlyAnswer", () => {
  it("lets a sender that is still sending read the early answer, every time", async () => {
    const port = await refusingServer(5_000);
    for (let i = 0; i < 25; i++) expect(await send(port)).toEqual({ status: 413, body: "too big" });
  });

  it("cuts off a sender that never stops, once the time is up", async () => {
    const port = await refusingServer(200);
    expect(await send(port, true)).toEqual({ cutOff: true });
  });
});
