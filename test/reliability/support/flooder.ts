/**
 * One abusive phone in its own process (as it would be on its own device). For each "go" on
 * stdin it connects like any participant and sends RATE note:create commands a second for
 * SECONDS (or until the server cuts it off), then prints
 * `FLOOD sent=… ok=… limited=… other=… disconnected=0|1 refusedConnect=0|1 seconds=…`.
 * For each "reconnect" it does the same, but reconnects as fast as it can every time it is cut
 * off or refused, for SECONDS in all, then prints
 * `RECONNECT sent=… ok=… limited=… other=… connections=… refusedConnects=… seconds=…`.
 * Env: URL, EVENT_ID, COOKIE, BOARD_ID, RATE, SECONDS.
 */

import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import { io } from "socket.io-client";
import { contractVersion } from "@/lib/realtime/constants";

const { URL: url = "", EVENT_ID: eventId, COOKIE: cookie = "", BOARD_ID: boardId } = process.env;
const rate = Number(process.env.RATE ?? 1000);
const seconds = Number(process.env.SECONDS ?? 8);

type Counts = { sent: number; ok: number; limited: number; other: number };

/** One connection's flood: `rate` commands a second until `deadline`, done or cut off. */
async function floodOnce(counts: Counts, deadline: number): Promise<"cut" | "refused" | "done"> {
  const socket = io(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    auth: { eventId, contractVersion },
    extraHeaders: { cookie, origin: url },
  });
  const connected = await new Promise<boolean>((resolve) => {
    socket.once("connect", () => resolve(true));
    socket.once("connect_error", () => resolve(false));
  });
  if (!connected) {
    socket.close();
    return "refused";
  }
  let waiting = 0;
  let disconnected = false;
  let allAnswered: (() => void) | null = null;
  socket.on("disconnect", () => {
    disconnected = true;
    allAnswered?.();
  });
  const start = performance.now();
  let sentHere = 0;
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.floor(((performance.now() - start) / 1000) * rate);
      while (sentHere < due && !disconnected && performance.now() < deadline) {
        sentHere++;
        counts.sent++;
        waiting++;
        // A plain ack callback: no timer per message, so this process stays light.
        socket.emit(
          "note:create",
          { id: `cmd-${randomUUID()}`, payload: { boardId, column: "ideas", text: `flood ${counts.sent}` } },
          (ack: { ok: boolean; error?: { code: string } }) => {
            if (ack.ok) counts.ok++;
            else if (ack.error?.code === "rate_limited") counts.limited++;
            else counts.other++;
            waiting--;
            if (waiting === 0) allAnswered?.();
          },
        );
      }
      if (performance.now() >= deadline || disconnected) {
        clearInterval(timer);
        resolve();
      }
    }, 10);
  });
  if (waiting > 0 && !disconnected) await new Promise<void>((r) => (allAnswered = r));
  socket.disconnect();
  return disconnected ? "cut" : "done";
}

async function flood() {
  const counts: Counts = { sent: 0, ok: 0, limited: 0, other: 0 };
  const start = performance.now();
  const outcome = await floodOnce(counts, start + seconds * 1000);
  const elapsed = (performance.now() - start) / 1000;
  return `FLOOD sent=${counts.sent} ok=${counts.ok} limited=${counts.limited} other=${counts.other} disconnected=${outcome === "done" ? 0 : 1} refusedConnect=${outcome === "refused" ? 1 : 0} seconds=${elapsed.toFixed(1)}`;
}

async function reconnecting() {
  const counts: Counts = { sent: 0, ok: 0, limited: 0, other: 0 };
  const start = performance.now();
  const deadline = start + seconds * 1000;
  let connections = 0;
  let refusedConnects = 0;
  while (performance.now() < deadline) {
    const outcome = await floodOnce(counts, deadline);
    if (outcome === "refused") refusedConnects++;
    else connections++;
  }
  const elapsed = (performance.now() - start) / 1000;
  return `RECONNECT sent=${counts.sent} ok=${counts.ok} limited=${counts.limited} other=${counts.other} connections=${connections} refusedConnects=${refusedConnects} seconds=${elapsed.toFixed(1)}`;
}

// Each "go" line on stdin: a new connection floods once, then reports.
process.stdout.write("READY\n");
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === "go") process.stdout.write(`${await flood()}\n`);
  if (line.trim() === "reconnect") process.stdout.write(`${await reconnecting()}\n`);
  if (line.trim() === "exit") break;
}
process.exit(0);
