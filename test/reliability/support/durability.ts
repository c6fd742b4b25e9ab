/**
 * One durability trial: a real server in a child process on a file database, `clients` phones
 * adding notes and dot-voting, the server stopped by `signal` at a random moment (after a random
 * number of acknowledgements), restarted on the same file and port, and every phone retrying
 * what it has no ack for, with the same command ids. Then the database is checked against the
 * acks, and every phone's board (board:open) and dots (vote:state) against the database.
 */

import { randomInt } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { io } from "socket.io-client";
import type { Database } from "@/db/client";
import { commandLog, notes, votes } from "@/db/schema";
import { contractVersion } from "@/lib/realtime/constants";
import type { WireNote } from "@/lib/realtime/contract";
import { connected, participantCookie, sendRaw, staffCookie, type TestSocket } from "../../integration/support/clients";
import { addBoard, commandId } from "../../integration/support/fixtures";
import { type Child, startChild, stopChild } from "./child";

export type AckLike = {
  ok: boolean;
  result?: unknown;
  duplicate?: boolean;
  error?: { code: string; message: string };
};
const retryable = new Set(["internal", "rate_limited"]);

export function phoneSocket(url: string, eventId: string, cookie: string): TestSocket {
  return io(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: true,
    reconnectionDelay: 100,
    reconnectionDelayMax: 500,
    randomizationFactor: 0.5,
    auth: { eventId, contractVersion },
    extraHeaders: { cookie, origin: url },
  }) as TestSocket;
}

/** Resolves at the socket's next `connect` (now, if it is connected). */
const whenConnected = (socket: TestSocket) =>
  socket.connected ? Promise.resolve() : new Promise<void>((resolve) => socket.once("connect", () => resolve()));

/** The ack, or a rejection as soon as the connection drops (its ack can then never come). */
function withDisconnect<T>(socket: TestSocket, pending: Promise<T>): Promise<T> {
  let onDisconnect!: () => void;
  const dropped = new Promise<never>((_, reject) => {
    onDisconnect = () => reject(new Error("disconnected"));
    socket.once("disconnect", onDisconnect);
  });
  return Promise.race([pending, dropped]).finally(() => socket.off("disconnect", onDisconnect));
}

/**
 * Sends one command until it has a final answer, as a phone's outbox does: after a timeout, a
 * dropped connection or a retryable refusal it sends the same envelope again once reconnected.
 */
export async function sendUntilFinal(
  socket: TestSocket,
  name: string,
  envelope: { id: string; payload: unknown },
  deadline: number,
) {
  let attempts = 0;
  for (;;) {
    if (Date.now() > deadline) throw new Error(`${name} ${envelope.id}: no final answer before the deadline`);
    await whenConnected(socket);
    attempts++;
    try {
      const ack = await withDisconnect(socket, sendRaw(socket, name, envelope.payload, envelope.id, 10_000));
      if (ack.ok || !retryable.has(ack.error?.code ?? "")) return { ack, attempts };
      // Refused as retryable (the server is draining, or we are too fast): pace the retry.
      await new Promise((r) => setTimeout(r, 100 + randomInt(200)));
    } catch {
      // Timed out or disconnected: the loop waits for the reconnection, then sends it again.
    }
  }
}

export type Population = { db: Database; eventId: string; staffToken: string; participantIds: string[] };

export type TrialResult = {
  acked: number;
  lost: number;
  duplicates: number;
  diverged: number;
  refused: number;
  retries: number;
  stopAfterAcks: number;
  /** SIGTERM only: from the signal to the process's exit. */
  drainMs: number;
  exitCode: number | null;
  problems: string[];
};

const noteKey = (n: { id: string; text: string; column: string; version: number }) =>
  `${n.id}|${n.column}|${n.version}|${n.text}`;

export async function runTrial(
  pop: Population,
  options: { signal: "SIGKILL" | "SIGTERM"; port: number; clients: number; notesEach: number; dotsEach: number },
): Promise<TrialResult & { port: number }> {
  const { db, eventId } = pop;
  const problems: string[] = [];
  const t0 = performance.now();
  const mark = (what: string) => {
    if (process.env.RELIABILITY_DEBUG) process.stderr.write(`[trial] ${what} at ${Math.round(performance.now() - t0)} ms\n`);
  };
  const boardId = await addBoard(db, eventId, `Trial ${Date.now()}`);
  let child: Child | null = await startChild(db.url, options.port);
  const port = child.port;
  const url = child.url;
  const sockets: TestSocket[] = [];
  try {
    // The facilitator seeds the notes to vote on and opens a round.
    const staff = phoneSocket(url, eventId, staffCookie(pop.staffToken));
    sockets.push(staff);
    await connected(staff, 10_000);
    const deadline = Date.now() + 120_000;
    const targets: string[] = [];
    for (let i = 0; i < 6; i++) {
      const { ack } = await sendUntilFinal(
        staff,
        "note:create",
        { id: commandId(), payload: { boardId, column: "ideas", text: `Seed ${i}` } },
        deadline,
      );
      targets.push((ack.result as { note: WireNote }).note.id);
    }
    const opened = await sendUntilFinal(
      staff,
      "vote:open",
      { id: commandId(), payload: { boardId, dotsPerPerson: options.dotsEach, maxPerTarget: 2 } },
      deadline,
    );
    if (!opened.ack.ok) throw new Error(`vote:open: ${opened.ack.error?.message}`);
    const roundId = (opened.ack.result as { round: { id: string } }).round.id;

    const phones = pop.participantIds.slice(0, options.clients).map((pid) => {
      const socket = phoneSocket(url, eventId, participantCookie(eventId, pid));
      sockets.push(socket);
      return { pid, socket };
    });
    await Promise.all(phones.map((p) => connected(p.socket, 20_000)));
    mark("connected");

    // Each phone's script: notes and dots interleaved, at most 2 dots per note, within its budget.
    type Step = { name: string; envelope: { id: string; payload: Record<string, unknown> } };
    const scripts = phones.map((_phone, i) => {
      const steps: Step[] = [];
      for (let n = 0; n < Math.max(options.notesEach, options.dotsEach); n++) {
        if (n < options.notesEach) {
          steps.push({
            name: "note:create",
            envelope: { id: commandId(), payload: { boardId, column: "ideas", text: `Phone ${i} note ${n}` } },
          });
        }
        if (n < options.dotsEach) {
          const targetId = targets[(i + Math.floor(n / 2)) % targets.length] as string;
          steps.push({ name: "vote:cast", envelope: { id: commandId(), payload: { roundId, targetId } } });
        }
      }
      return steps;
    });
    const total = scripts.reduce((s, steps) => s + steps.length, 0);
    const stopAfterAcks = 1 + randomInt(Math.floor(total * 0.9));

    // Acks seen, in order; the ones before the stop are checked against the stopped file.
    const acks: { pid: string; step: Step; ack: AckLike }[] = [];
    let stopped!: () => void;
    const stopNow = new Promise<void>((resolve) => {
      stopped = resolve;
    });
    let retries = 0;
    let refused = 0;
    const work = Promise.all(
      phones.map(async (p, i) => {
        for (const step of scripts[i] as Step[]) {
          const { ack, attempts } = await sendUntilFinal(p.socket, step.name, step.envelope, deadline);
          retries += attempts - 1;
          if (!ack.ok) {
            refused++;
            problems.push(`${step.name} refused: ${ack.error?.code} ${ack.error?.message}`);
            continue;
          }
          acks.push({ pid: p.pid, step, ack });
          if (acks.length === stopAfterAcks) stopped();
        }
      }),
    );

    await Promise.race([stopNow, work]);
    const ackedBeforeStop = acks.slice();
    mark("stopping");
    const stopAt = Date.now();
    mark(`signal at ${stopAt}`);
    child.process.kill(options.signal);
    const exit = await child.exited;
    const drainMs = (child.exitingAt() ?? Date.now()) - stopAt;
    child = null;
    mark("stopped");

    // Everything acknowledged before the stop is in the file the dead process left.
    let lost = 0;
    for (const a of ackedBeforeStop) {
      if (a.step.name === "note:create") {
        const id = (a.ack.result as { note: WireNote }).note.id;
        const [row] = await db.read.select({ id: notes.id }).from(notes).where(eq(notes.id, id));
        if (!row) lost++;
      }
      const [logged] = await db.read
        .select({ id: commandLog.commandId })
        .from(commandLog)
        .where(and(eq(commandLog.actorKey, `p:${a.pid}`), eq(commandLog.commandId, a.step.envelope.id)));
      if (!logged) lost++;
    }
    const dotsBefore = new Map<string, number>();
    for (const a of ackedBeforeStop) if (a.step.name === "vote:cast") dotsBefore.set(a.pid, (dotsBefore.get(a.pid) ?? 0) + 1);
    for (const [pid, n] of dotsBefore) {
      const rows = await db.read
        .select({ id: votes.id })
        .from(votes)
        .where(and(eq(votes.roundId, roundId), eq(votes.voterKey, `p:${pid}`)));
      if (rows.length < n) lost += n - rows.length;
    }

    // Restart on the same file and port; the phones reconnect and retry on their own.
    child = await startChild(db.url, port);
    mark("restarted");
    await work;
    mark("work done");

    // Final: the database against every ack, then every phone's view against the database.
    const boardNotes = await db.read.select().from(notes).where(eq(notes.boardId, boardId));
    const byText = new Map<string, number>();
    for (const n of boardNotes) byText.set(n.text, (byText.get(n.text) ?? 0) + 1);
    let duplicates = 0;
    for (const count of byText.values()) if (count > 1) duplicates += count - 1;
    const ids = new Set(boardNotes.map((n) => n.id));
    const dotsAcked = new Map<string, number>();
    for (const a of acks) {
      if (a.step.name === "note:create" && !ids.has((a.ack.result as { note: WireNote }).note.id)) lost++;
      if (a.step.name === "vote:cast") dotsAcked.set(a.pid, (dotsAcked.get(a.pid) ?? 0) + 1);
    }
    const roundVotes = await db.read.select().from(votes).where(eq(votes.roundId, roundId));
    const dotsInDb = new Map<string, Map<string, number>>();
    for (const v of roundVotes) {
      const mine = dotsInDb.get(v.voterKey) ?? new Map<string, number>();
      mine.set(v.targetId, (mine.get(v.targetId) ?? 0) + 1);
      dotsInDb.set(v.voterKey, mine);
    }
    for (const p of phones) {
      const inDb = [...(dotsInDb.get(`p:${p.pid}`)?.values() ?? [])].reduce((s, n) => s + n, 0);
      const acked = dotsAcked.get(p.pid) ?? 0;
      if (inDb > acked) duplicates += inDb - acked;
      if (inDb < acked) lost += acked - inDb;
    }

    mark("checked db");
    const expected = boardNotes.map(noteKey).sort().join("\n");
    let diverged = 0;
    await Promise.all(
      phones.map(async (p) => {
        const board = await sendUntilFinal(p.socket, "board:open", { id: commandId(), payload: { boardId } }, deadline);
        const state = await sendUntilFinal(p.socket, "vote:state", { id: commandId(), payload: { boardId } }, deadline);
        const seen = ((board.ack.result as { notes: WireNote[] } | undefined)?.notes ?? []).map(noteKey).sort().join("\n");
        const mine = (state.ack.result as { mine: Record<string, number> } | undefined)?.mine ?? {};
        const db = Object.fromEntries(dotsInDb.get(`p:${p.pid}`) ?? []);
        const sameDots = JSON.stringify(Object.entries(mine).sort()) === JSON.stringify(Object.entries(db).sort());
        if (seen !== expected || !sameDots) diverged++;
      }),
    );
    mark("compared views");
    return {
      acked: acks.length,
      lost,
      duplicates,
      diverged,
      refused,
      retries,
      stopAfterAcks,
      drainMs,
      exitCode: exit.code,
      problems,
      port,
    };
  } finally {
    for (const s of sockets) s.disconnect();
    await stopChild(child, "SIGTERM");
  }
}

/** A migrated temp file with an event, its organiser and `count` participants. */
export async function createPopulation(count: number) {
  const { openTempDatabase, createAccount, createTestEvent, addParticipant } = await import("../../integration/support/fixtures");
  const temp = await openTempDatabase();
  const organiser = await createAccount(temp.db, "Organiser");
  const event = await createTestEvent(temp.db, organiser.accountId);
  const participantIds: string[] = [];
  for (let i = 0; i < count; i++) participantIds.push(await addParticipant(temp.db, event.id, `Phone ${i}`));
  const pop: Population = { db: temp.db, eventId: event.id, staffToken: organiser.sessionToken, participantIds };
  return { pop, cleanup: temp.cleanup };
}
