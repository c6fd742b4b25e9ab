/**
 * One abusive phone in its own process (as it would be on its own device). For each "go" on
 * stdin it connects like any participant and sends RATE note:create commands a second for
 * SECONDS (or until the server cuts it off), then prints
 * `FLOOD sent=… ok=… limited=… other=… disconnected=0|1 seconds=…`.
 * Env: URL, EVENT_ID, COOKIE, BOARD_ID, RATE, SECONDS.
 */

import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline";
import { io } from "socket.io-client";
import { contractVersion } from "@/lib/realtime/constants";

const { URL: url = "", EVENT_ID: eventId, COOKIE: cookie = "", BOARD_ID: boardId } = process.env;
const rate = Number(process.env.RATE ?? 1000);
const seconds = Number(process.env.SECONDS ?? 8);

/** One connection's flood: `rate` commands a second for `seconds`, until done or cut off. */
async function flood() {
  const socket = io(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    auth: { eventId, contractVersion },
    extraHeaders: { cookie, origin: url },
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", () => resolve());
    socket.once("connect_error", reject);
  });
  const counts = { sent: 0, answered: 0, ok: 0, limited: 0, other: 0 };
  let waiting = 0;
  let disconnected = false;
  let allAnswered: (() => void) | null = null;
  socket.on("disconnect", () => {
    disconnected = true;
    allAnswered?.();
  });
  const start = performance.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      const due = Math.min(rate * seconds, Math.floor(((performance.now() - start) / 1000) * rate));
      while (counts.sent < due && !disconnected) {
        counts.sent++;
        waiting++;
        // A plain ack callback: no timer per message, so this process stays light.
        socket.emit(
          "note:create",
          { id: `cmd-${randomUUID()}`, payload: { boardId, column: "ideas", text: `flood ${counts.sent}` } },
          (ack: { ok: boolean; error?: { code: string } }) => {
            counts.answered++;
            if (ack.ok) counts.ok++;
            else if (ack.error?.code === "rate_limited") counts.limited++;
            else counts.other++;
            waiting--;
            if (waiting === 0) allAnswered?.();
          },
        );
      }
      if (counts.sent >= rate * seconds || disconnected) {
        clearInterval(timer);
        resolve();
      }
    }, 10);
  });
  if (waiting > 0 && !disconnected) await new Promise<void>((r) => (allAnswered = r));
  const elapsed = (performance.now() - start) / 1000;
  socket.disconnect();
  return `FLOOD sent=${counts.sent} ok=${counts.ok} limited=${counts.limited} other=${counts.other} disconnected=${disconnected ? 1 : 0} seconds=${elapsed.toFixed(1)}`;
}

// Each "go" line on stdin: a new connection floods once, then reports.
process.stdout.write("READY\n");
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() === "go") process.stdout.write(`${await flood()}\n`);
  if (line.trim() === "exit") break;
}
process.exit(0);
