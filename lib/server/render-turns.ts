/**
 * Turns at rendering a page. Every page is rendered per request, and a render is CPU work on the
 * one thread that also answers every phone's socket: measured on two cores (the demo event's public
 * page), one render in flight gives about 26 pages a second, four about 39, fifty about 43. More in
 * flight only makes each take longer, so one address asking over and over made everybody's pages
 * take seconds. Here each address gets a few renders at once and waits in its own line for more,
 * lines take turns, and what is past a line's end is refused (the caller answers 503).
 *
 * Pure: no timers, no HTTP; the caller says when a render ends or its asker goes away, and calls
 * `expire` now and then.
 */

export type RenderLimits = {
  /** Renders in flight per address. */
  perAddress: number;
  /** Renders in flight in the process, all addresses together. */
  inFlight: number;
  /** Waiting per address, for requests from nobody we know. */
  addressLine: number;
  /** Waiting per person (a signed cookie of ours), inside their address's turns. */
  personLine: number;
  /** How many may be waiting ahead of a prefetch in its line before it is refused. */
  prefetchLine: number;
  /** Waiting in the process, all lines together. */
  waiting: number;
  /** How long a request may wait for its turn; a turn counts as in flight for half of it at most. */
  maxWaitMs: number;
};

/**
 * - 4 per address: with four in flight one address already has about nine tenths of what the
 *   process can render, so a venue alone is not slowed, and a flooder holds 4 of the 16.
 * - 16 in the process: renders only take turns on the CPU, so sixteen at once keep it busy (with
 *   room for a render waiting on the disk) while a newcomer's render is not spread over hundreds.
 * - 400 waiting per address: a venue of 300 phones behind one router, all opening the join page
 *   the moment the facilitator says so, each asking once for the page and a few times for the
 *   links it prefetches (prefetches wait only behind a short line, below). At about 40 renders a
 *   second the last of them is answered within about ten seconds.
 * - 16 per person: one phone's page, its prefetches and a few tabs.
 * - 2,000 waiting in the process: a few venues' worth. Each holds a connection, not a body (the
 *   body is read in its turn); past it the longest line is cut first.
 * - 30 s of waiting: past that, a person is better told to try again than left looking at a blank
 *   page until their proxy or browser gives up.
 * - A turn counts for 15 s at most, half the wait: a page's turn lasts until its last byte is
 *   sent, so a reader slow enough (no buffering proxy in front) holds it. Held longer than the
 *   wait, every place taken by slow readers would have everyone behind them refused as late;
 *   held half of it, the first in line gets a place with half its wait to spare. A render still
 *   running then only costs the CPU one render more than the limit, for a while.
 */
export const renderLimits: RenderLimits = {
  perAddress: 4,
  inFlight: 16,
  addressLine: 400,
  personLine: 16,
  prefetchLine: 8,
  waiting: 2_000,
  maxWaitMs: 30_000,
};

/** Why a request gets no turn: its line is full, every line is, cut from the longest line, or waited too long. */
export type Refusal = "line" | "full" | "shed" | "late";

export type Asker = {
  address: string;
  /** A person we signed a cookie for: their own line inside the address's turns. */
  person?: string | null;
  /** A link the browser fetches in case it is followed: nobody waits for it. */
  prefetch?: boolean;
};

export type Waiter = {
  /** Its turn has come: render now. */
  start(): void;
  /** Refused after it was put in line (cut from the longest line, or waited too long). */
  refuse(why: Refusal): void;
};

export type Turn = {
  /** "now": render at once; "waiting": `start` is called at its turn; otherwise refused, and why. */
  outcome: "now" | "waiting" | Refusal;
  /** The render has ended, or its asker went away while waiting: frees its place. Any number of times. */
  leave(): void;
};

type Entry = {
  address: string;
  lane: string;
  since: number;
  prefetch: boolean;
  state: "waiting" | "running" | "done";
  waiter?: Waiter;
};

type AddressState = {
  running: number;
  waiting: number;
  /** Lines with someone waiting, in the order they take turns. */
  lanes: Map<string, Entry[]>;
};

const anonymousLane = "";

export function createRenderTurns(limits: RenderLimits = renderLimits, now: () => number = Date.now) {
  const addresses = new Map<string, AddressState>();
  /** Addresses with someone waiting, in the order they take turns. */
  const ready = new Set<string>();
  const running = new Set<Entry>();
  let waitingTotal = 0;

  const stateOf = (address: string) => {
    let state = addresses.get(address);
    if (!state) {
      state = { running: 0, waiting: 0, lanes: new Map() };
      addresses.set(address, state);
    }
    return state;
  };
  const forgetIfIdle = (address: string, state: AddressState) => {
    if (state.running === 0 && state.waiting === 0) addresses.delete(address);
  };

  /** Takes a waiting entry out of its line (not started). */
  function unqueue(entry: Entry) {
    const state = addresses.get(entry.address);
    const lane = state?.lanes.get(entry.lane);
    if (!state || !lane) return;
    const at = lane.indexOf(entry);
    if (at < 0) return;
    lane.splice(at, 1);
    if (lane.length === 0) state.lanes.delete(entry.lane);
    state.waiting--;
    waitingTotal--;
    if (state.waiting === 0) ready.delete(entry.address);
    entry.state = "done";
    forgetIfIdle(entry.address, state);
  }

  function finish(entry: Entry) {
    if (entry.state === "waiting") return unqueue(entry);
    if (entry.state !== "running") return;
    entry.state = "done";
    running.delete(entry);
    const state = addresses.get(entry.address);
    if (state) {
      state.running--;
      forgetIfIdle(entry.address, state);
    }
    startWaiting();
  }

  /** Fills free places: addresses in turn, and inside an address its lines in turn. */
  function startWaiting() {
    while (running.size < limits.inFlight) {
      let picked: string | undefined;
      // Skipped here are only addresses at their own limit: at most inFlight / perAddress of them.
      for (const address of ready) {
        if ((addresses.get(address)?.running ?? limits.perAddress) < limits.perAddress) {
          picked = address;
          break;
        }
      }
      if (picked === undefined) return;
      const state = addresses.get(picked) as AddressState;
      const [laneKey, lane] = state.lanes.entries().next().value as [string, Entry[]];
      const entry = lane.shift() as Entry;
      state.lanes.delete(laneKey);
      if (lane.length > 0) state.lanes.set(laneKey, lane); // to the back of this address's lines
      state.waiting--;
      waitingTotal--;
      ready.delete(picked);
      if (state.waiting > 0) ready.add(picked); // to the back of the addresses
      state.running++;
      entry.state = "running";
      entry.since = now();
      running.add(entry);
      entry.waiter?.start();
    }
  }

  /** Makes room in a full process: the newest request of the longest line of the address with most waiting. */
  function shedFor(address: string): boolean {
    const own = addresses.get(address)?.waiting ?? 0;
    let longest: AddressState | undefined;
    for (const other of ready) {
      const state = addresses.get(other) as AddressState;
      if (!longest || state.waiting > longest.waiting) longest = state;
    }
    if (!longest || longest.waiting <= own + 1) return false;
    let line: Entry[] = [];
    for (const lane of longest.lanes.values()) if (lane.length > line.length) line = lane;
    const cut = line.at(-1);
    if (!cut) return false;
    unqueue(cut);
    cut.waiter?.refuse("shed");
    return true;
  }

  return {
    /** Asks for a turn to render for this asker. */
    enter(asker: Asker, waiter: Waiter): Turn {
      const entry: Entry = {
        address: asker.address,
        lane: asker.person ? `person:${asker.person}` : anonymousLane,
        since: now(),
        prefetch: asker.prefetch === true,
        state: "done",
      };
      const turn = (outcome: Turn["outcome"]): Turn => ({ outcome, leave: () => finish(entry) });
      const state = stateOf(asker.address);
      // Nobody of this address waits when it has a free place and so does the process.
      if (running.size < limits.inFlight && state.running < limits.perAddress) {
        state.running++;
        entry.state = "running";
        running.add(entry);
        return turn("now");
      }
      const lane = state.lanes.get(entry.lane) ?? [];
      const lineLimit = asker.person ? limits.personLine : limits.addressLine;
      if (lane.length >= (asker.prefetch ? Math.min(lineLimit, limits.prefetchLine) : lineLimit)) {
        forgetIfIdle(asker.address, state);
        return turn("line");
      }
      if (waitingTotal >= limits.waiting && !shedFor(asker.address)) {
        forgetIfIdle(asker.address, state);
        return turn("full");
      }
      entry.state = "waiting";
      entry.waiter = waiter;
      // A page someone is waiting to see goes before the prefetches in their line: a phone's tap
      // waited behind the links its last page prefetched, one lane turn each (seconds, in a venue
      // of 300 phones behind one router). Refusing those prefetches instead made Next ask again at once.
      const firstPrefetch = entry.prefetch ? -1 : lane.findIndex((waiting) => waiting.prefetch);
      if (firstPrefetch < 0) lane.push(entry);
      else lane.splice(firstPrefetch, 0, entry);
      state.lanes.set(entry.lane, lane);
      state.waiting++;
      waitingTotal++;
      ready.add(asker.address);
      return turn("waiting");
    },

    /**
     * Stops counting turns held too long, so that their places go to the next in line, then
     * refuses those who have still waited too long.
     */
    expire() {
      const at = now();
      const overran = [...running].filter((entry) => at - entry.since >= limits.maxWaitMs / 2);
      for (const entry of overran) finish(entry);
      const late: Entry[] = [];
      for (const address of ready) {
        for (const lane of (addresses.get(address) as AddressState).lanes.values()) {
          // Not in age order: a page goes before older prefetches.
          for (const entry of lane) if (at - entry.since >= limits.maxWaitMs) late.push(entry);
        }
      }
      for (const entry of late) {
        unqueue(entry);
        entry.waiter?.refuse("late");
      }
      return { late: late.length, overran: overran.length };
    },

    inFlight: () => running.size,
    waiting: () => waitingTotal,
    /** Whether a request from this address would have to wait now. */
    wouldWait: (address: string) =>
      running.size >= limits.inFlight || (addresses.get(address)?.running ?? 0) >= limits.perAddress,
  };
}

export type RenderTurns = ReturnType<typeof createRenderTurns>;
