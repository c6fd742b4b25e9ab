/**
 * A worker thread of simulated phones: real socket.io clients (websocket transport, forceNew),
 * connecting on a ramp, voting open-loop on a schedule the orchestrator fixed in advance, and
 * recording when each tally arrives. Every time is absolute (timeOrigin + now()), so the
 * orchestrator can compare times across threads.
 */

import { parentPort } from "node:worker_threads";
import { io, type Socket } from "socket.io-client";
import { contractVersion } from "../lib/realtime/constants";
import type { JoinRecord, Phone, VoteRecord, WorkerReply, WorkerRequest } from "./lib/protocol";
import { clock } from "./lib/stats";

type Ack = { ok: boolean; result?: { mine?: Record<string, number> }; error?: { code: string } };
type Tally = { roundId: string; dotsUsed: number };

const port = parentPort!;
const reply = (message: WorkerReply) => port.postMessage(message);
const sockets = new Map<number, { socket: Socket; tag: string }>();
/** The round of each event in this step: phone i votes and listens in rounds[i mod E]. */
let rounds: string[] = [];
/** Per phone: [t, dotsUsed, t, dotsUsed, …], only when dotsUsed grows. */
let tallies = new Map<number, number[]>();
let voteRecords: VoteRecord[] = [];
let commandSeq = 0;
const commandId = () => `b${process.pid}-${Math.random().toString(36).slice(2, 8)}-${++commandSeq}`;

function open(
  url: string,
  events: { eventId: string; boardId: string }[],
  phone: Phone,
  tag: string,
  scheduled: number,
): Promise<JoinRecord> {
  const { eventId, boardId } = events[phone.index % events.length]!;
  return new Promise((resolve) => {
    const socket = io(url, {
      transports: ["websocket"],
      forceNew: true,
      reconnection: false,
      auth: { eventId, phone: phone.index, contractVersion },
      // The sticky proxy of `--nodes 2` hashes this to pick a process.
      query: { clientId: String(phone.index) },
      extraHeaders: { cookie: phone.cookie, origin: url },
    });
    sockets.set(phone.index, { socket, tag });
    let done = false;
    const finish = (ok: boolean, error: string | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve({ phone: phone.index, ms: clock() - scheduled, ok, error });
    };
    const timer = setTimeout(() => finish(false, "timeout"), 20_000);
    socket.on("vote:tallied", (t: Tally) => {
      if (t.roundId !== rounds[phone.index % rounds.length]) return;
      let seen = tallies.get(phone.index);
      if (!seen) {
        seen = [];
        tallies.set(phone.index, seen);
      }
      const last = seen.length > 0 ? seen[seen.length - 1]! : -1;
      if (t.dotsUsed > last) seen.push(clock(), t.dotsUsed);
    });
    socket.on("connect_error", (e) => finish(false, `connect_error: ${e.message}`));
    socket.on("connect", () => {
      // Subscribing to the board is part of joining: a phone sees tallies only after this ack.
      socket.emit("vote:state", { id: commandId(), payload: { boardId } }, (ack: Ack) =>
        finish(ack.ok, ack.ok ? null : (ack.error?.code ?? "refused")),
      );
    });
  });
}

async function connect(request: Extract<WorkerRequest, { type: "connect" }>) {
  const joins = await Promise.all(
    request.phones.map(
      (phone, i) =>
        new Promise<JoinRecord>((resolve) => {
          const scheduled = request.t0 + i * request.spacingMs;
          setTimeout(
            () => open(request.url, request.events, phone, request.tag, scheduled).then(resolve),
            Math.max(0, scheduled - clock()),
          );
        }),
    ),
  );
  reply({ type: "connected", joins });
}

function step(request: Extract<WorkerRequest, { type: "step" }>) {
  rounds = request.rounds;
  tallies = new Map();
  voteRecords = [];
  const mine = new Set(request.mine);
  const due: number[] = [];
  for (let j = 0; j < request.total; j++) if (mine.has(j % request.phones)) due.push(j);
  const at = (j: number) => request.t0 + j * request.intervalMs;
  let next = 0;
  const tick = () => {
    const now = clock();
    while (next < due.length && at(due[next]!) <= now) {
      const j = due[next++]!;
      const phone = j % request.phones;
      const record: VoteRecord = {
        j,
        phone,
        scheduled: at(j),
        sent: clock(),
        acked: Number.NaN,
        ok: false,
        slot: -1,
        code: "no-ack",
      };
      voteRecords.push(record);
      const entry = sockets.get(phone);
      if (!entry?.socket.connected) {
        record.code = "disconnected";
        continue;
      }
      const event = phone % request.rounds.length;
      const targets = request.targets[event]!;
      const targetId = targets[(phone + Math.floor(j / request.phones)) % targets.length]!;
      const roundId = request.rounds[event]!;
      entry.socket.emit("vote:cast", { id: commandId(), payload: { roundId, targetId } }, (ack: Ack) => {
        record.acked = clock();
        record.ok = ack.ok;
        record.code = ack.ok ? null : (ack.error?.code ?? "refused");
        if (ack.ok) record.slot = Object.values(ack.result?.mine ?? {}).reduce((a, b) => a + b, 0) - 1;
      });
    }
    if (next < due.length) setTimeout(tick, Math.max(0, at(due[next]!) - clock()));
  };
  setTimeout(tick, Math.max(0, request.t0 - clock()));
  reply({ type: "stepped" });
}

port.on("message", (request: WorkerRequest) => {
  switch (request.type) {
    case "connect":
      void connect(request);
      break;
    case "step":
      step(request);
      break;
    case "collect":
      reply({ type: "collected", votes: voteRecords, tallies: [...tallies] });
      break;
    case "disconnect":
      for (const [index, { socket, tag }] of sockets) {
        if (request.tag !== null && tag !== request.tag) continue;
        socket.disconnect();
        sockets.delete(index);
      }
      reply({ type: "disconnected" });
      break;
  }
});
