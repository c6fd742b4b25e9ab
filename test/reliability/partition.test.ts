/**
 * 30% of the phones are cut off (their connection dropped and kept down) for 5 s and 30 s
 * (and 150 s with RELIABILITY_LONG=1, past socket.io's 2-minute recovery window, so they come
 * back through a full snapshot) while the others keep voting and adding notes. Every phone
 * keeps its board as the app does: RoomSync over `board:open`, applying sequenced broadcasts,
 * resyncing on reconnect; and its tallies from `vote:tallied` and `vote:state`. After the cut
 * ends and writing stops, every phone's board and tallies must hash to the database's within
 * 60 s (a bound on the wait; the time taken is reported as convergedMs): `diverged=0`.
 */
import { createHash, randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { notes, votes } from "@/db/schema";
import { applyBoardEvent, type BoardEvent, type BoardState, fromSnapshot } from "@/lib/boards/board-state";
import { RoomSync } from "@/lib/realtime/client/room-sync";
import { rooms } from "@/lib/realtime/constants";
import type { BoardSnapshot, WireNote } from "@/lib/realtime/contract-boards";
import type { VotingState } from "@/lib/realtime/contract-voting";
import { participantCookie, staffCookie, type TestSocket } from "../integration/support/clients";
import { addBoard, commandId } from "../integration/support/fixtures";
import { type Child, startChild, stopChild } from "./support/child";
import { createPopulation, type Population, phoneSocket, sendUntilFinal } from "./support/durability";
import { long, report } from "./support/report";

const phones = 40;
const cutShare = 0.3;
const cutsSeconds = long ? [5, 30, 150] : [5, 30];
// How long to wait for every phone to agree: a bound on the wait, not a performance figure
// (convergedMs is reported). On a quiet machine it takes well under a second.
const convergeMs = 60_000;
const boardEvents = ["note:created", "note:changed", "note:deleted", "group:changed", "group:removed", "board:changed"];

let pop: Population;
let cleanup: () => void;
beforeAll(async () => {
  ({ pop, cleanup } = await createPopulation(phones));
}, 120_000);
afterAll(() => cleanup?.());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const hashOf = (
  boardNotes: Pick<WireNote, "id" | "version" | "column" | "text" | "groupId">[],
  tallies: Record<string, number>,
) =>
  createHash("sha256")
    .update(
      JSON.stringify([
        boardNotes.map((n) => `${n.id}|${n.version}|${n.column}|${n.groupId ?? ""}|${n.text}`).sort(),
        Object.entries(tallies)
          .filter(([, n]) => n > 0)
          .sort(),
      ]),
    )
    .digest("hex");

/** A phone as the app keeps it: a board through RoomSync, the newest tallies from broadcasts and vote:state. */
function phone(url: string, boardId: string, roundId: string, cookie: string, deadline: () => number) {
  const socket: TestSocket = phoneSocket(url, pop.eventId, cookie);
  const room = rooms.board(boardId);
  let tallies: Record<string, number> = {};
  // As the app keeps tallies (lib/voting/voting-state.ts): the newest version wins, whatever order they arrive in.
  let tallyVersion = -1;
  const takeTally = (t: { roundId: string; version: number; tallies: Record<string, number> | null }) => {
    if (t.roundId !== roundId || !t.tallies || t.version < tallyVersion) return;
    tallyVersion = t.version;
    tallies = t.tallies;
  };
  const query = async <T>(name: string, payload: unknown) => {
    const { ack } = await sendUntilFinal(socket, name, { id: commandId(), payload }, deadline());
    if (!ack.ok) throw new Error(`${name}: ${ack.error?.message}`);
    return ack.result as T;
  };
  const sync = new RoomSync<BoardState, BoardEvent | null>({
    load: async () => {
      const snap = await query<BoardSnapshot>("board:open", { boardId });
      const state = await query<VotingState>("vote:state", { boardId });
      if (state.tally) takeTally(state.tally);
      return { seq: snap.seq, state: fromSnapshot(snap) };
    },
    apply: (s, e) => (e ? applyBoardEvent(s, e) : s),
    onChange: () => undefined,
  });
  for (const name of boardEvents) {
    socket.on(
      name as never,
      ((m: { room: string; seq: number; data: unknown }) => {
        if (m.room === room) sync.receive(m.seq, { name, data: m.data } as BoardEvent);
      }) as never,
    );
  }
  socket.on("vote:tallied", (t) => {
    if (t.room === rooms.votes(boardId)) takeTally(t);
  });
  // Every (re)connection reloads the board, as the app's connection does.
  socket.on("connect", () => void sync.resync());
  return {
    socket,
    hash: () => (sync.current ? hashOf(Object.values(sync.current.notes), tallies) : "none"),
    cut() {
      socket.io.reconnection(false);
      socket.io.engine?.close();
    },
    restore() {
      socket.io.reconnection(true);
      socket.connect();
    },
    query,
  };
}

it(`converges after ${cutsSeconds.join(" s and ")} s cuts of ${cutShare * 100}% of ${phones} phones`, {
  timeout: 600_000,
}, async () => {
  let child: Child | null = await startChild(pop.db.url, 0, 1_000_000);
  const all: ReturnType<typeof phone>[] = [];
  const results: { cut: number; diverged: number; convergedMs: number; writes: number }[] = [];
  try {
    for (const seconds of cutsSeconds) {
      const boardId = await addBoard(pop.db, pop.eventId, `Partition ${seconds}s`);
      const deadline = () => Date.now() + 60_000 + seconds * 1000;
      const staff = phone(child.url, boardId, "", staffCookie(pop.staffToken), deadline);
      all.push(staff);
      const seedNotes: string[] = [];
      for (let i = 0; i < 6; i++) {
        seedNotes.push(
          (await staff.query<{ note: WireNote }>("note:create", { boardId, column: "ideas", text: `Seed ${i}` })).note.id,
        );
      }
      const { round } = await staff.query<{ round: { id: string } }>("vote:open", {
        boardId,
        dotsPerPerson: 5,
        maxPerTarget: 5,
        talliesLive: true,
      });
      const group = pop.participantIds.map((pid) =>
        phone(child!.url, boardId, round.id, participantCookie(pop.eventId, pid), deadline),
      );
      all.push(...group);
      // Loaded once connected (the connect handler resyncs).
      await Promise.all(
        group.map((p) => (p.socket.connected ? null : new Promise((r) => p.socket.once("connect", () => r(null))))),
      );

      const cutOff = new Set(group.slice(0, Math.round(phones * cutShare)));
      let writing = true;
      let writes = 0;
      const work = group.map(async (p, i) => {
        const mine: string[] = [];
        for (let n = 0; writing; n++) {
          if (cutOff.has(p) && !p.socket.connected) {
            await sleep(200);
            continue;
          }
          try {
            if (n % 3 === 0) await p.query("note:create", { boardId, column: "ideas", text: `Phone ${i} note ${n}` });
            else if (mine.length < 5) {
              const target = seedNotes[randomInt(seedNotes.length)] as string;
              await p.query("vote:cast", { roundId: round.id, targetId: target });
              mine.push(target);
            } else await p.query("vote:retract", { roundId: round.id, targetId: mine.shift() as string });
            writes++;
          } catch {
            // Refused by the rules (a full budget): the next step tries something else.
          }
          await sleep(300 + randomInt(400));
        }
      });

      await sleep(2_000);
      for (const p of cutOff) p.cut();
      await sleep(seconds * 1000);
      for (const p of cutOff) p.restore();
      await sleep(3_000); // the others keep going as the cut-off phones come back
      writing = false;
      await Promise.all(work);

      // The truth, then how long until every phone agrees with it.
      const dbNotes = await pop.db.read.select().from(notes).where(eq(notes.boardId, boardId));
      const dbVotes = await pop.db.read.select().from(votes).where(eq(votes.roundId, round.id));
      const tally: Record<string, number> = {};
      for (const v of dbVotes) tally[v.targetId] = (tally[v.targetId] ?? 0) + 1;
      const truth = hashOf(dbNotes, tally);
      const start = Date.now();
      let diverged = group.filter((p) => p.hash() !== truth).length;
      while (diverged > 0 && Date.now() - start < convergeMs) {
        await sleep(100);
        diverged = group.filter((p) => p.hash() !== truth).length;
      }
      results.push({ cut: seconds, diverged, convergedMs: Date.now() - start, writes });
      for (const p of [staff, ...group]) p.socket.disconnect();
    }
  } finally {
    for (const p of all) p.socket.disconnect();
    await stopChild(child, "SIGTERM");
    child = null;
  }
  const diverged = results.reduce((s, r) => s + r.diverged, 0);
  const line = report(
    "partition",
    {
      phones,
      cutOff: Math.round(phones * cutShare),
      cuts: cutsSeconds.map((s) => `${s}s`).join(","),
      writes: results.map((r) => r.writes).join(","),
      convergedMs: results.map((r) => r.convergedMs).join(","),
      diverged,
    },
    diverged === 0,
  );
  expect(line).toMatch(/PASS$/);
});
