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
 *   reaches its few viewers; a team joined or a name changed reaches every phone in the event; a
 *   long showcase text reaches them many times over. Each person may spend only a share of it
 *   (`personShareOfWrites`): one person re-sending a 17 KiB showcase save in a room of 300 (5,400
 *   a save) would otherwise spend it all, and hold back everyone's notes and team joins.
 * - `votes`: dots, one each. Their tally goes out batched (lib/realtime/fanout-policy.ts), so a
 *   room voting at once costs the database, not the fan-out; they have their own, larger
 *   allowance, so a crowd flipping teams never holds back a vote.
 * - `cheers`: taps of applause, one per command (a phone folds its taps into one command at a
 *   time). Their counts go out batched per team, as tallies do, and they have their own allowance:
 *   told one by one, 300 phones applauding cost 301 each and spent `writes` in a second.
 * Past a budget a write waits for the window to turn, once, then is refused as busy; the phone's
 * outbox keeps it and sends it again (a cheer it lets go: the applause has moved on).
 */
export type RoomWriteBudget = "writes" | "votes" | "cheers";

/**
 * Defaults per event, per 2 s window. `writes`: 30,000, i.e. 15,000 screens told a second, about a
 * third of a core at the 20 µs a message costs here (bench/README.md: 25 tallies a second to 1,000
 * sockets took half a core): fifteen teams joined a second in a room of 1,000 phones, seventy-five
 * in a room of 200. `votes`: 3,000, 1,500 dots a second, three times what the benchmark's room of
 * 1,000 phones votes at (500 a second) and more than this machine commits. `cheers`: 2,000, a
 * command a second from each of 1,000 applauding phones (each folds its taps: constants.ts,
 * reactionLimits), each a commit as a dot is.
 */
export const roomWriteDefaults = { writes: 30_000, votes: 3_000, cheers: 2_000, seconds: 2 } as const;

/**
 * What one person may spend of the event's `writes` per window: a tenth, 3,000 by default, three
 * team joins in a room of 1,000. However fast one person (or one script) writes, nine tenths stay
 * for everyone else (a single write costlier than the share still goes, one a window).
 */
export const personShareOfWrites = 0.1;

/** A broadcast's size unit: a small message (a note, a person, a team's cheers) is one. */
const bytesPerMessage = 1024;

/** Which of the event's budgets pays for a participant's write; null: never held back. */
export function roomBudgetOf(name: CommandName): RoomWriteBudget | null {
  // Leaving, and taking one's notes along, must go through however busy the room is.
  if (name === "event:leave") return null;
  if (name === "vote:cast" || name === "vote:retract") return "votes";
  return name === "presentation:react" ? "cheers" : "writes";
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
  /** Refused: whose allowance was spent, the person's own share or the whole event's. */
  spent?: "person" | "event";
  /** Once it has run: charges what it turned out to cost (`fanoutCost`) against what it reserved. */
  settle(cost: number): Promise<void>;
};

export type RoomWrites = {
  /**
   * Reserves this write's likely cost from the event's budget (and, for `writes`, from `person`'s
   * share of it), waiting for one window if either is spent.
   */
  admit(budget: RoomWriteBudget, eventId: string, command: string, person: string): Promise<RoomWrite>;
};

/** Charges `key` what it owes beyond what it reserved, or gives back what it reserved and did not spend. */
const pay = (limiter: RateLimiterAbstract, key: string, owed: number) =>
  (owed >= 0 ? limiter.penalty(key, owed) : limiter.reward(key, -owed)).catch(() => {});

/** How near a window's end a refused reservation is left counted rather than given back. */
const givingBackMarginMs = 100;

/** Commands remembered per process for their last cost; past it the memory starts again. */
const rememberedCosts = 10_000;

/**
 * The event's budgets, counted in Redis when the processes share one. A write reserves what the
 * costliest recent one of its kind in its event cost, atomically, so a crowd arriving together
 * cannot all slip through on the last of it; the difference is settled once it has run. That cost
 * is forgotten by halves, each window that passes (and a quarter at each settle): a write refused
 * never settles, and without time a kind once costly would reserve that much, and be refused,
 * for as long as the room stayed busy. When the budget cannot hold the reservation, the write
 * waits for the window to turn, once; if it still cannot, it is refused, never run. A store that
 * does not answer lets the write through: a slow room is better than one that refuses everyone.
 */
export function createRoomWrites(options: {
  writes: RateLimiterAbstract;
  votes: RateLimiterAbstract;
  cheers: RateLimiterAbstract;
  /** Each person's share of `writes`, keyed by person. */
  share: RateLimiterAbstract;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}): RoomWrites {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const now = options.now ?? Date.now;
  const limiters = { writes: options.writes, votes: options.votes, cheers: options.cheers };
  const lastCost = new Map<string, { cost: number; at: number }>();
  /** What a kind's costliest recent write cost, halved for every window since. */
  const recalled = (kind: string, windowMs: number) => {
    const last = lastCost.get(kind);
    return last ? Math.max(1, Math.floor(last.cost * 0.5 ** ((now() - last.at) / windowMs))) : 1;
  };
  return {
    async admit(budget, eventId, command, person) {
      const limiter = limiters[budget];
      // Dots are bounded by each person's dots, cheers by each phone's pace: only writes are shared out.
      const share = budget === "writes" ? options.share : null;
      const kind = `${eventId} ${command}`;
      const windowMs = limiter.duration * 1000;
      // Never more than the whole budget (or share), or a write costlier than it could never start.
      const reserved = Math.min(recalled(kind, windowMs), limiter.points, share?.points ?? limiter.points);
      const settle = async (cost: number) => {
        if (lastCost.size > rememberedCosts) lastCost.clear();
        lastCost.set(kind, { cost: Math.max(cost, Math.floor(recalled(kind, windowMs) * 0.75)), at: now() });
        await Promise.all([pay(limiter, eventId, cost - reserved), share ? pay(share, person, cost - reserved) : null]);
      };
      /**
       * Null when both the person's share and the event's budget held it; otherwise how long until a
       * window turns. A refused reservation is given back (the store counts it even as it refuses),
       * so a costly write turned away does not spend what a small one could still have had; but not
       * in a window's last moment, when it could land in the next one as credit.
       */
      const take = async (): Promise<{ wait: number; spent: "person" | "event" } | null> => {
        const personal = share ? await takePoints(share, person, reserved) : null;
        if (share && personal !== null) {
          if (personal > givingBackMarginMs) await pay(share, person, -reserved);
          return { wait: personal, spent: "person" };
        }
        const room = await takePoints(limiter, eventId, reserved);
        if (room === null) return null;
        if (room > givingBackMarginMs) await pay(limiter, eventId, -reserved);
        // What the person's share held for it is theirs again: one person's, never a crowd's credit.
        if (share) await pay(share, person, -reserved);
        return { wait: room, spent: "event" };
      };
      const first = await take();
      if (first === null) return { admitted: "now", settle };
      await sleep(first.wait);
      const second = await take();
      return second === null
        ? { admitted: "waited", settle }
        : { admitted: "refused", spent: second.spent, settle: async () => {} };
    },
  };
}
