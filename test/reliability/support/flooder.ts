/**
 * One abusive phone in its own process (as it would be on its own device): connects like any
 * participant and sends RATE note:create commands a second for SECONDS, then prints
 * `FLOOD sent=… ok=… limited=… other=…` and exits. Env: URL, EVENT_ID, COOKIE, BOARD_ID.
 */
import { randomUUID } from "node:crypto";
import { io } from "socket.io-client";

const { URL: url = "", EVENT_ID: eventId, COOKIE: cookie = "", BOARD_ID: boardId } = process.env;
const rate = Number(process.env.RATE ?? 1000);
const seconds = Number(process.env.SECONDS ?? 8);
const socket = io(url, {
  transports: ["websocket"],
  forceNew: true,
  reconnection: false,
  auth: { eventId },
  extraHeaders: { cookie, origin: url },
});
await new Promise<void>((resolve, reject) => {
  socket.once("connect", () => resolve());
  socket.once("connect_error", reject);
});
process.stdout.write("CONNECTED\n");
await new Promise<void>((r) => process.stdin.once("data", () => r())); // wait for the go

const counts = { sent: 0, ok: 0, limited: 0, other: 0 };
const pending: Promise<void>[] = [];
const start = performance.now();
await new Promise<void>((resolve) => {
  const timer = setInterval(() => {
    const due = Math.min(rate * seconds, Math.floor(((performance.now() - start) / 1000) * rate));
    while (counts.sent < due) {
      counts.sent++;
      pending.push(
        socket
          .timeout(30_000)
          .emitWithAck("note:create", {
            id: `cmd-${randomUUID()}`,
            payload: { boardId, column: "ideas", text: `flood ${counts.sent}` },
          })
          .then((ack: { ok: boolean; error?: { code: string } }) => {
            if (ack.ok) counts.ok++;
            else if (ack.error?.code === "rate_limited") counts.limited++;
            else counts.other++;
          })
          .catch(() => {
            counts.other++;
          }),
      );
    }
    if (counts.sent >= rate * seconds) {
      clearInterval(timer);
      resolve();
    }
  }, 10);
});
await Promise.all(pending);
const elapsed = (performance.now() - start) / 1000;
process.stdout.write(
  `FLOOD sent=${counts.sent} ok=${counts.ok} limited=${counts.limited} other=${counts.other} seconds=${elapsed.toFixed(1)}\n`,
);
socket.disconnect();
process.exit(0);
