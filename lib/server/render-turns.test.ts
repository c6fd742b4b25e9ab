import { describe, expect, it } from "vitest";
import { createRenderTurns, type Refusal, type RenderLimits, renderLimits, type Turn } from "./render-turns";

const small: RenderLimits = {
  ...renderLimits,
  perAddress: 2,
  inFlight: 4,
  addressLine: 3,
  personLine: 2,
  prefetchLine: 1,
  waiting: 8,
};

/** A request as the server sees it: started, waiting, refused, and its turn to leave. */
type Ask = { name: string; started: boolean; refused: Refusal | null; turn: Turn };

function setup(limits: RenderLimits = small) {
  let clock = 0;
  const turns = createRenderTurns(limits, () => clock);
  const order: string[] = [];
  const ask = (name: string, address: string, extra: { person?: string; prefetch?: boolean } = {}): Ask => {
    const asked: Ask = { name, started: false, refused: null, turn: undefined as unknown as Turn };
    asked.turn = turns.enter(
      { address, ...extra },
      {
        start: () => {
          asked.started = true;
          order.push(name);
        },
        refuse: (why) => {
          asked.refused = why;
        },
      },
    );
    if (asked.turn.outcome === "now") {
      asked.started = true;
      order.push(name);
    } else if (asked.turn.outcome !== "waiting") asked.refused = asked.turn.outcome;
    return asked;
  };
  return { turns, ask, order, tick: (ms: number) => (clock += ms) };
}

describe("turns at rendering a page", () => {
  it("renders a few at once per address; the rest wait in order and start as renders end", () => {
    const { ask, order } = setup();
    const asks = Array.from({ length: 5 }, (_, i) => ask(`a${i}`, "203.0.113.1"));
    expect(asks.map((a) => a.turn.outcome)).toEqual(["now", "now", "waiting", "waiting", "waiting"]);
    asks[1]?.turn.leave();
    asks[0]?.turn.leave();
    expect(order).toEqual(["a0", "a1", "a2", "a3"]);
    asks[2]?.turn.leave();
    expect(order.at(-1)).toBe("a4");
  });

  it("answers another address at once while one address's line is full, and refuses only what is past that line", () => {
    const { ask } = setup();
    const flood = Array.from({ length: 8 }, (_, i) => ask(`f${i}`, "203.0.113.1"));
    // Two rendering, three waiting, the rest refused at once.
    expect(flood.map((a) => a.turn.outcome)).toEqual(["now", "now", "waiting", "waiting", "waiting", "line", "line", "line"]);
    const visitor = ask("visitor", "198.51.100.9");
    expect(visitor.turn.outcome).toBe("now");
  });

  it("takes addresses in turn once the process is full, so a newcomer waits behind one render per address, not behind a line", () => {
    const { ask, order } = setup();
    const a = Array.from({ length: 5 }, (_, i) => ask(`a${i}`, "203.0.113.1"));
    const b = Array.from({ length: 4 }, (_, i) => ask(`b${i}`, "203.0.113.2"));
    const visitor = ask("visitor", "198.51.100.9");
    expect(visitor.turn.outcome).toBe("waiting");
    // Places free up one by one: a's line, b's line, then the newcomer, although a and b asked first.
    a[0]?.turn.leave();
    b[0]?.turn.leave();
    a[1]?.turn.leave();
    expect(order.slice(-3)).toEqual(["a2", "b2", "visitor"]);
  });

  it("drops a request from the line when its asker goes away, and it never renders", () => {
    const { ask, order, turns } = setup();
    const asks = Array.from({ length: 4 }, (_, i) => ask(`a${i}`, "203.0.113.1"));
    asks[2]?.turn.leave(); // gone while waiting
    expect(turns.waiting()).toBe(1);
    asks[0]?.turn.leave();
    expect(order).toEqual(["a0", "a1", "a3"]);
    expect(asks[2]?.started).toBe(false);
  });

  it("lets a prefetch wait only behind a short line", () => {
    const { ask } = setup();
    ask("a0", "203.0.113.1");
    ask("a1", "203.0.113.1");
    expect(ask("prefetch0", "203.0.113.1", { prefetch: true }).turn.outcome).toBe("waiting");
    expect(ask("prefetch1", "203.0.113.1", { prefetch: true }).turn.outcome).toBe("line");
    // A page asked for by a person still has the rest of the line.
    expect(ask("page", "203.0.113.1").turn.outcome).toBe("waiting");
  });

  it("serves a page someone is waiting to see before the prefetches waiting in their line", () => {
    const { ask, order } = setup({ ...small, personLine: 6, prefetchLine: 6 });
    const pages = [ask("page0", "203.0.113.1", { person: "p-amara" }), ask("page1", "203.0.113.1", { person: "p-amara" })];
    const prefetches = Array.from({ length: 3 }, (_, i) =>
      ask(`prefetch${i}`, "203.0.113.1", { person: "p-amara", prefetch: true }),
    );
    expect(prefetches.map((a) => a.turn.outcome)).toEqual(["waiting", "waiting", "waiting"]);
    // Amara taps a link while her last page's prefetches wait, then another.
    const tap = ask("tap", "203.0.113.1", { person: "p-amara" });
    const tap2 = ask("tap2", "203.0.113.1", { person: "p-amara" });
    pages[0]?.turn.leave();
    pages[1]?.turn.leave();
    tap.turn.leave();
    expect(order).toEqual(["page0", "page1", "tap", "tap2", "prefetch0"]);
    expect(tap2.started).toBe(true);
  });

  it("refuses a prefetch that waited too long even when a newer page waits before it", () => {
    const { ask, tick, turns } = setup({ ...small, personLine: 6, prefetchLine: 6, maxWaitMs: 20_000 });
    const first = [ask("page0", "203.0.113.1", { person: "p-amara" }), ask("page1", "203.0.113.1", { person: "p-amara" })];
    ask("page2", "203.0.113.1", { person: "p-amara" });
    ask("page3", "203.0.113.1", { person: "p-amara" });
    const prefetch = ask("prefetch", "203.0.113.1", { person: "p-amara", prefetch: true });
    tick(10_500);
    for (const page of first) page.turn.leave();
    tick(4_500);
    const tap = ask("tap", "203.0.113.1", { person: "p-amara" });
    tick(5_000);
    expect(turns.expire()).toEqual({ late: 1, overran: 0 });
    expect(prefetch.refused).toBe("late");
    expect(tap.refused).toBeNull();
  });

  it("gives each person we know a line of their own inside their address's turns", () => {
    const { ask, order } = setup();
    const flood = Array.from({ length: 6 }, (_, i) => ask(`anon${i}`, "192.0.2.7"));
    expect(flood.filter((a) => a.refused === "line")).toHaveLength(1);
    // Someone who joined, behind the same router: not refused, and rendered at their line's first
    // turn, not behind the three strangers' requests waiting before them.
    const amara = ask("amara", "192.0.2.7", { person: "p-amara" });
    expect(amara.turn.outcome).toBe("waiting");
    flood[0]?.turn.leave();
    flood[1]?.turn.leave();
    expect(order.slice(-2)).toEqual(["anon2", "amara"]);
    // A person's own flood fills only their own line.
    const own = Array.from({ length: 4 }, (_, i) => ask(`amara${i}`, "192.0.2.7", { person: "p-amara" }));
    expect(own.map((a) => a.turn.outcome)).toEqual(["waiting", "waiting", "line", "line"]);
    expect(ask("ben", "192.0.2.7", { person: "p-ben" }).turn.outcome).toBe("waiting");
  });

  it("serves every phone of a 300-phone venue behind one router, in turn, refusing none", () => {
    const { ask, turns } = setup(renderLimits);
    const phones = Array.from({ length: 300 }, (_, i) => ask(`phone${i}`, "192.0.2.1"));
    expect(phones.filter((p) => p.refused)).toEqual([]);
    // Each render ends in turn; every phone's starts.
    for (let i = 0; i < phones.length; i++) phones[i]?.turn.leave();
    expect(phones.every((p) => p.started)).toBe(true);
    expect(turns.inFlight()).toBe(0);
    expect(turns.waiting()).toBe(0);
  });

  it("when every line together is full, cuts the longest line rather than refuse a newcomer", () => {
    const limits = { ...small, addressLine: 10, waiting: 6 };
    const { ask, turns } = setup(limits);
    for (let i = 0; i < 2; i++) ask(`b${i}`, "203.0.113.2");
    const flood = Array.from({ length: 8 }, (_, i) => ask(`a${i}`, "203.0.113.1"));
    expect(turns.inFlight()).toBe(4);
    expect(turns.waiting()).toBe(6);
    const visitor = ask("visitor", "198.51.100.9");
    expect(visitor.turn.outcome).toBe("waiting");
    expect(flood.at(-1)?.refused).toBe("shed");
    // The flooder, whose line is now the longest, is refused outright.
    expect(ask("a-more", "203.0.113.1").refused).toBe("full");
  });

  it("refuses those who waited too long", () => {
    const { ask, tick, turns } = setup({ ...small, addressLine: 10, maxWaitMs: 30_000 });
    const asks = Array.from({ length: 6 }, (_, i) => ask(`a${i}`, "203.0.113.1"));
    tick(10_000);
    const later = ask("a6", "203.0.113.1");
    tick(19_999);
    // a0 and a1's turns no longer count: a2 and a3 render; the rest are still within their wait.
    expect(turns.expire()).toEqual({ late: 0, overran: 2 });
    tick(1);
    expect(turns.expire()).toEqual({ late: 2, overran: 0 });
    expect(asks.map((a) => a.refused)).toEqual([null, null, null, null, "late", "late"]);
    expect(later.refused).toBeNull();
  });

  it("stops counting a turn after half the longest wait, so pages waiting behind slow readers are served, not refused", () => {
    const { ask, tick, turns, order } = setup({ ...small, maxWaitMs: 30_000 });
    // Two readers so slow that their pages are still streaming hold the address's places.
    const slow = [ask("slow0", "203.0.113.1"), ask("slow1", "203.0.113.1")];
    const pages = Array.from({ length: 3 }, (_, i) => ask(`page${i}`, "203.0.113.1"));
    tick(14_999);
    expect(turns.expire()).toEqual({ late: 0, overran: 0 });
    tick(1);
    expect(turns.expire()).toEqual({ late: 0, overran: 2 });
    for (const page of pages) page.turn.leave();
    expect(order).toEqual(["slow0", "slow1", "page0", "page1", "page2"]);
    tick(15_000);
    expect(turns.expire()).toEqual({ late: 0, overran: 0 });
    expect(pages.map((page) => page.refused)).toEqual([null, null, null]);
    // A slow reader's page ending at last changes nothing.
    slow[0]?.turn.leave();
    expect(turns.inFlight()).toBe(0);
  });

  it("frees the turns held too long before refusing those who waited too long, in the same check", () => {
    const { ask, tick, turns } = setup({ ...small, maxWaitMs: 30_000 });
    for (let i = 0; i < 2; i++) ask(`slow${i}`, "203.0.113.1");
    const pages = Array.from({ length: 3 }, (_, i) => ask(`page${i}`, "203.0.113.1"));
    tick(15_000);
    turns.expire();
    // page0 and page1 read slowly too: page2's place frees up the moment it has waited 30 s.
    tick(15_000);
    expect(turns.expire()).toEqual({ late: 0, overran: 2 });
    expect(pages[2]?.started).toBe(true);
  });
});
