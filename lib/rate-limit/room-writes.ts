import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { CommandName } from "@/lib/realtime/contract";
import { takePoints } from "./limiter";
import { servedBytes } from "./read-budget";

/**
 * What the participants of one event may make the room do together. Identities are free (the join
 * code is on the projector), so a limit per person is multiplied by however many a script makes:
 * 200 of them, each within its own pace, flipping teams made 314 writes a second, every one told to
 * every phone, and the event's pages took seconds to answer. So all of an event's participants'
 * writes share budgets too (staff's never count):
 * - `writes`: paid in what each write cost the room: one for the write, plus one for every screen
 *   each of its broadcasts reached, per KiB it carried (`fanoutCost`). A note on a team's board
 *   reaches its few viewers; a team joined, a name changed or a cheer reaches every phone in the
 *   event; a long showcase text reaches them many times over.
 * - `votes`: dots, one each. Their tally goes out batched (lib/realtime/fanout-policy.ts), so a
 *   room voting at once costs the database, not the fan-out; they have their own, larger
 *   allowance, so a crowd flipping teams never holds back a vote.
 * Past a budget a write waits for the window to turn, once, then is refused as busy; the phone's
 * outbox keeps it and sends it again.
 */
export type RoomWriteBudget = "writes" | "votes";

/**
 * Defaults per event, per 2 s window. `writes`: 30,000, i.e. 15,000 screens told a second, about a
 * third of a core at the 20 µs a message costs here (bench/README.md: 25 tallies a second to 1,000
 * sockets took half a core): fifteen teams joined a second in a room of 1,000 phones, seventy-five
 * in a room of 200. `votes`: 3,000, 1,500 dots a second, three times what the benchmark's room of
 * 1,000 phones votes at (500 a second) and more than this machine commits.
 */
export const roomWriteDefaults = { writes: 30_000, votes: 3_000, seconds: 2 } as const;

/** A broadcast's size unit: a small message (a note, a person, a team's cheers) is one. */
const bytesPerMessage = 1024;

/** Which of the event's budgets pays for a participant's write; null: never held back. */
export function roomBudgetOf(name: CommandName): RoomWriteBudget | null {
  // Leaving, and taking one's notes along, must go through however busy the room is.
  if (name === "event:leave") return null;
  return name === "vote:cast" || name === "vote:retract" ? "votes" : "writes";
}

/** What a write cost the room: itself, plus every screen each broadcast reached (`listeners`), per KiB it carried. */
export function fanoutCost(broadcasts: readonly { room: string; data: unknown }[], listeners: (room: string) => number): number {
  let cost = 1;
  for (const b of broadcasts) {
    const screens = listeners(b.room);
    if (screens > 0) cost += screens * (1 + Math.floor(servedBytes(b.data) / bytesPerMessage));
  }
  return cost;
}

/** How a write was let through: at once, after waiting for the window to turn, or not at all. */
export type WriteAdmission = "now" | "waited" | "refused";

export type RoomWrite = {
  admitted: WriteAdmission;
  /** Once it has run: charges what it turned out to cost (`fanoutCost`) against what it reserved. */
  settle(cost: number): Promise<void>;
};

export type RoomWrites = {
  /** Reserves this write's likely cost from the event's budget, waiting for one window if it is spent. */
  admit(budget: RoomWriteBudget, eventId: string, command: string): Promise<RoomWrite>;
};

/** Commands remembered per process for their last cost; past it the memory starts again. */
const rememberedCosts = 10_000;

/**
 * The event's budgets, counted in Redis when the processes share one. A write reserves what the
 * costliest recent one of its kind in its event cost (decaying, so one big write is forgotten in
 * a few), atomically, so a crowd arriving together cannot all slip through on the last of it; the
 * difference is settled once it has run. When the budget cannot hold the reservation, the write
 * waits for the window to turn, once; if it still cannot, it is refused, never run. A store that
 * does not answer lets the write through: a slow room is better than one that refuses everyone.
 */
export function createRoomWrites(options: {
  writes: RateLimiterAbstract;
  votes: RateLimiterAbstract;
  sleep?: (ms: number) => Promise<void>;
}): RoomWrites {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const limiterOf = (budget: RoomWriteBudget) => (budget === "votes" ? options.votes : options.writes);
  const lastCost = new Map<string, number>();
  return {
    async admit(budget, eventId, command) {
      const limiter = limiterOf(budget);
      const kind = `${eventId} ${command}`;
      // Never more than the whole budget, or a write costlier than it could never start.
      const reserved = Math.min(lastCost.get(kind) ?? 1, limiter.points);
      const settle = async (cost: number) => {
        if (lastCost.size > rememberedCosts) lastCost.clear();
        lastCost.set(kind, Math.max(cost, Math.floor((lastCost.get(kind) ?? 0) * 0.75)));
        const owed = cost - reserved;
        await (owed >= 0 ? limiter.penalty(eventId, owed) : limiter.reward(eventId, -owed)).catch(() => {});
      };
      const refused = { admitted: "refused" as const, settle: async () => {} };
      const wait = await takePoints(limiter, eventId, reserved);
      if (wait === null) return { admitted: "now", settle };
      await sleep(wait);
      return (await takePoints(limiter, eventId, reserved)) === null ? { admitted: "waited", settle } : refused;
    },
  };
}
