import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { Ack, CommandName } from "@/lib/realtime/contract";
import { takePoints } from "./limiter";

/**
 * What a read costs beyond its one command: a snapshot of a 500-note board, or of a 1,000-person
 * event's people, takes the server about as long as a hundred votes (bench/reads.ts), yet the
 * command limit counts it once, so a few free identities reading in a loop could keep a whole
 * room waiting. Weighted reads are paid for in rows served, from budgets of their own per
 * person, so reading never spends a phone's allowance for votes and notes:
 * - boards (`board:open`), in notes, from one budget;
 * - the event's other snapshots (its board list, its people, presentations, a board's voting),
 *   from another, so that a phone reconnecting in a big event never pays for its people list
 *   with the wait for its board, nor the reverse.
 */
export type WeightedRead = "board" | "snapshot";

const weighted: Partial<Record<CommandName, WeightedRead>> = {
  "board:open": "board",
  "event:snapshot": "snapshot",
  "teams:snapshot": "snapshot",
  "presentation:state": "snapshot",
  "vote:state": "snapshot",
};

/** Which budget pays for this read; null: not weighted (the command limit alone counts it). */
export const weightedRead = (name: CommandName): WeightedRead | null => weighted[name] ?? null;

/** What every weighted read costs whatever it returns (the lookup, the reply), in rows. */
export const readOverhead = 25;

/**
 * How many bytes of answer count as one row: about what a note of a board serves (350 bytes of
 * JSON; a person of the people list, 180). An answer of few rows and long texts (twenty teams'
 * showcases, each four long texts and eight links: over a megabyte) costs what its bytes cost to
 * write out and carry over the venue's Wi-Fi, not the handful of lists it holds.
 */
export const bytesPerRow = 400;

/** Short strings are counted by length (a name, an id); longer ones by their UTF-8 bytes, as sent. */
const shortString = 64;

/** Digits of a count or a time, without making a string of it; a fraction as a long number. */
function numberLength(n: number): number {
  if (!Number.isInteger(n)) return 18;
  let digits = n < 0 ? 2 : 1;
  for (let rest = Math.abs(n); rest >= 10 && digits < 18; rest /= 10) digits++;
  return digits;
}

/**
 * About how many bytes of JSON `value` is, without writing it: the answer is written once, by
 * socket.io, and a second JSON.stringify of a megabyte on the read path would cost the server as
 * much as the write. One walk of what the handler built adds a few per cent to the read (under a
 * millisecond for a 1,000-person list or a megabyte of showcases, against 4 ms to write it out).
 */
export function servedBytes(value: unknown): number {
  if (typeof value === "string") return 2 + (value.length < shortString ? value.length : Buffer.byteLength(value));
  if (typeof value === "number") return numberLength(value);
  if (typeof value !== "object" || value === null) return 5;
  let bytes = 2;
  if (Array.isArray(value)) {
    for (const item of value) bytes += 1 + servedBytes(item);
    return bytes;
  }
  const record = value as Record<string, unknown>;
  for (const key in record) bytes += 4 + key.length + servedBytes(record[key]);
  return bytes;
}

/**
 * The cost of a read once answered: its overhead plus the greater of the rows it served (the items
 * of every list in its answer: a board's notes and groups, an event's people and teams, its boards,
 * agenda and announcements…) and its size in rows of `bytesPerRow`. Rows are what a database read
 * costs (15–25 µs each, bench/reads.ts); size is what long texts and records keyed by team or note
 * cost (showcases, criteria, reactions, a tally), which no list counts. So anything added to a
 * snapshot is paid for from the day it exists. 0: not weighted.
 */
export function readCost(name: CommandName, ack: Ack<unknown>): number {
  if (!weightedRead(name)) return 0;
  if (!ack.ok || typeof ack.result !== "object" || ack.result === null) return readOverhead;
  let rows = 0;
  for (const value of Object.values(ack.result)) if (Array.isArray(value)) rows += value.length;
  return readOverhead + Math.max(rows, Math.floor(servedBytes(ack.result) / bytesPerRow));
}

/**
 * The snapshot budgets' defaults, in rows per 5 s (the window short enough that a slowed phone
 * waits less than its ack timeout). Per person 3,000: a phone reconnecting in a 1,000-person event
 * reads one of each snapshot, about 1,100 rows (its people list is 1,000 of them), so two such
 * reconnects, and a third begun, run at once. Per event 100,000: identities are free, so this is
 * what bounds any number of them; at about 16 µs a row (bench/reads.ts) that is some 1.6 s of
 * server time in 5 s, a third of the process: ninety phones reconnecting together in a
 * 1,000-person event, and votes and notes keep the rest.
 */
export const snapshotBudgetDefaults = { rows: 3000, roomRows: 100_000, seconds: 5 } as const;

/**
 * Per event, the boards' own: 100,000 notes of board snapshots per 5 s, some 2.3 s of server time
 * at about 23 µs a note, two hundred opens of a 500-note board. Kept apart from the snapshots', so
 * a storm of people lists never holds a phone's board back, nor the reverse.
 */
export const roomBoardNotes = 100_000;

export type ReadAdmission = { kind: "now" } | { kind: "wait"; ms: number };

/**
 * Whether a person's next weighted read runs now or after the window turns. Never a refusal: a
 * phone reopening its board after a reconnect is slowed at worst (what refuses a flood is the
 * queue's length, see createReadBudget). A read admitted with budget left runs in full, so one
 * board bigger than the whole budget still opens, once per window.
 */
export function admitRead(spent: number, budget: number, msBeforeNext: number): ReadAdmission {
  return spent < budget ? { kind: "now" } : { kind: "wait", ms: Math.max(0, msBeforeNext) };
}

/** How a read was let through: at once, or after waiting for a window to turn. */
export type Admitted = "now" | "waited";

/**
 * A read not run: `line`, its person already had a full line of reads waiting (a script's
 * burst); `room`, the whole event's budget was still spent after waiting one window.
 */
export type Refused = "line" | "room";

export type ReadOutcome<T> = { value: T; admitted: Admitted } | { refused: Refused };

export type ReadBudget = {
  /**
   * Runs `read` for this person when their budget (and their event's, when it has one) allows,
   * then charges what it cost. One at a time per person, with `maxWaiting` more in line.
   */
  run<T>(
    key: string,
    read: () => Promise<T>,
    costOf: (value: T) => number,
    room?: { key: string; read: string },
  ): Promise<ReadOutcome<T>>;
};

/**
 * A per-person line for weighted reads, paid after each read from `limiter` (whose points are the
 * budget in rows per window, counted in Redis when shared). One at a time, because a read is
 * charged once answered: concurrent reads would all start on the same unspent budget. The line
 * is this process's (sockets are sticky); the budget is everyone's.
 *
 * `room`, when given, is a budget shared by everyone in an event (its points: rows per window
 * for the whole event). Identities are free (a join code is on the projector), so a budget per
 * person alone is multiplied by however many a stranger makes; the room's bounds what all of
 * them together cost. Each read reserves what the last one of its kind cost before it runs
 * (atomically, so people starting at once cannot all take the same last rows), and the
 * difference is settled after. When it is spent, a read waits for its window to turn, once; if
 * it is spent again by then, the read is refused (`room`), never run.
 */
export function createReadBudget(options: {
  limiter: RateLimiterAbstract;
  maxWaiting: number;
  room?: RateLimiterAbstract;
  sleep?: (ms: number) => Promise<void>;
}): ReadBudget {
  const { limiter, maxWaiting, room } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const lines = new Map<string, { tail: Promise<unknown>; queued: number }>();
  /** What each kind of read last cost, per room: the next one reserves as much. */
  const lastCost = new Map<string, number>();

  /** Reserves `points` of the room's budget; the wait before the window turns if it is spent. */
  const reserve = async (roomKey: string, points: number): Promise<number | null> =>
    !room || points <= 0 ? null : takePoints(room, roomKey, points);

  return {
    async run(key, read, costOf, inRoom) {
      const roomKey = room ? inRoom?.key : undefined;
      const estimateKey = `${inRoom?.key} ${inRoom?.read}`;
      const line = lines.get(key) ?? { tail: Promise.resolve(), queued: 0 };
      if (line.queued > maxWaiting) return { refused: "line" };
      line.queued++;
      lines.set(key, line);
      const turn = line.tail.then(async (): Promise<ReadOutcome<Awaited<ReturnType<typeof read>>>> => {
        let admitted: Admitted = "now";
        // If the store is unreachable, the read runs: refusing everyone would be worse than a slow room.
        const state = await limiter.get(key).catch(() => null);
        const admission = admitRead(state?.consumedPoints ?? 0, limiter.points, state?.msBeforeNext ?? 0);
        if (admission.kind === "wait") {
          admitted = "waited";
          await sleep(admission.ms);
        }
        // Before any has been answered, its overhead: a room of phones connecting at once to a quiet
        // event (a server just started) is not held back by a guess. Never more than the whole
        // budget, or a read bigger than it could never start.
        const reserved = roomKey && room ? Math.min(lastCost.get(estimateKey) ?? readOverhead, room.points) : 0;
        if (roomKey) {
          const wait = await reserve(roomKey, reserved);
          if (wait !== null) {
            admitted = "waited";
            await sleep(wait);
            if ((await reserve(roomKey, reserved)) !== null) return { refused: "room" };
          }
        }
        const value = await read();
        const cost = costOf(value);
        await limiter.penalty(key, cost).catch(() => {});
        if (roomKey && room) {
          lastCost.set(estimateKey, cost);
          const owed = cost - reserved;
          await (owed >= 0 ? room.penalty(roomKey, owed) : room.reward(roomKey, -owed)).catch(() => {});
        }
        return { value, admitted };
      });
      line.tail = turn.catch(() => {});
      try {
        return await turn;
      } finally {
        line.queued--;
        if (line.queued === 0) lines.delete(key);
      }
    },
  };
}
