import { describe, expect, it, vi } from "vitest";
import { busyRetryDelay, RoomSync, SnapshotRefused } from "./room-sync";

type State = number[];

function harness(snapshots: { seq: number; state: State }[]) {
  const loads: number[] = [];
  let release: (() => void) | null = null;
  const changes: State[] = [];
  const sync = new RoomSync<State, number>({
    load: () => {
      const next = snapshots.shift();
      if (!next) throw new Error("no snapshot left");
      loads.push(next.seq);
      return new Promise((resolve) => {
        release = () => resolve(next);
      });
    },
    apply: (state, n) => [...state, n],
    onChange: (s) => changes.push(s),
  });
  return { sync, loads, changes, release: () => release?.() };
}

describe("RoomSync", () => {
  it("loads again when an ack came while a snapshot loaded, so the state is not older than the ack", async () => {
    // A judge takes a score back while a snapshot taken before that command is on its way.
    const h = harness([
      { seq: 4, state: [5] },
      { seq: 5, state: [] },
    ]);
    const first = h.sync.resync();
    h.sync.patch(() => []); // the ack: the score is gone
    h.release();
    await first;
    expect(h.loads).toEqual([4, 5]); // the older snapshot is followed by another load
    h.release();
    await new Promise((r) => setTimeout(r, 0));
    expect(h.sync.current).toEqual([]);
    // Without an ack meanwhile, one load is enough.
    const quiet = harness([{ seq: 1, state: [1] }]);
    const only = quiet.sync.resync();
    quiet.release();
    await only;
    expect(quiet.loads).toEqual([1]);
  });

  it("after a load that failed, the next load starts after the ack and is enough on its own", async () => {
    const loads: string[] = [];
    let fail = true;
    const errors: unknown[] = [];
    const sync = new RoomSync<State, number>({
      load: async () => {
        loads.push(fail ? "failed" : "loaded");
        if (fail) throw new Error("offline");
        return { seq: 2, state: [] };
      },
      apply: (state, n) => [...state, n],
      onChange: () => {},
      onError: (e) => errors.push(e),
    });
    const lost = sync.resync();
    sync.patch(() => []); // an ack while the load that will fail is on its way
    await lost;
    expect(errors).toHaveLength(1);
    fail = false;
    await sync.resync();
    await new Promise((r) => setTimeout(r, 0));
    expect(loads).toEqual(["failed", "loaded"]);
    expect(sync.current).toEqual([]);
  });

  it("applies events in sequence after the snapshot and ignores ones it already has", async () => {
    const h = harness([{ seq: 2, state: [1, 2] }]);
    const loaded = h.sync.resync();
    h.release();
    await loaded;
    h.sync.receive(2, 2); // already in the snapshot
    h.sync.receive(3, 3);
    h.sync.receive(3, 3); // duplicate delivery
    expect(h.sync.current).toEqual([1, 2, 3]);
    expect(h.sync.lastSeq).toBe(3);
  });

  it("buffers events that arrive while the snapshot loads and replays only the newer ones", async () => {
    const h = harness([{ seq: 2, state: [1, 2] }]);
    const loaded = h.sync.resync();
    h.sync.receive(2, 2);
    h.sync.receive(4, 4);
    h.sync.receive(3, 3);
    h.release();
    await loaded;
    expect(h.sync.current).toEqual([1, 2, 3, 4]);
    expect(h.loads).toEqual([2]);
  });

  it("reloads the snapshot when it sees a gap, and converges", async () => {
    const h = harness([
      { seq: 1, state: [1] },
      { seq: 3, state: [1, 2, 3] },
    ]);
    const first = h.sync.resync();
    h.release();
    await first;
    h.sync.receive(3, 3); // 2 was missed
    expect(h.loads).toEqual([1, 3]);
    h.sync.receive(4, 4); // arrives while reloading
    h.release();
    await h.sync.resync();
    expect(h.sync.current).toEqual([1, 2, 3, 4]);
    expect(h.sync.lastSeq).toBe(4);
  });

  it("shares one load between concurrent resyncs", async () => {
    const h = harness([{ seq: 0, state: [] }]);
    const a = h.sync.resync();
    const b = h.sync.resync();
    h.release();
    await Promise.all([a, b]);
    expect(h.loads).toEqual([0]);
  });

  it("applies a volatile state at once, or after the snapshot that is loading", async () => {
    const h = harness([{ seq: 1, state: [1] }]);
    const loading = h.sync.resync();
    h.sync.receiveVolatile(100); // before the snapshot: kept, not lost
    h.sync.receive(2, 2);
    h.release();
    await loading;
    expect(h.sync.current).toEqual([1, 2, 100]);
    h.sync.receiveVolatile(101);
    expect(h.sync.current).toEqual([1, 2, 100, 101]);
    expect(h.sync.lastSeq).toBe(2); // outside the sequence
  });
});

describe("a snapshot refused because the room is busy", () => {
  it("is asked for again later, spread out, only for that refusal", () => {
    const busy = new SnapshotRefused("Lots of screens are reloading at once.", "rate_limited");
    expect(busyRetryDelay(busy, 1, () => 0)).toBe(1_000);
    expect(busyRetryDelay(busy, 1, () => 1)).toBe(2_000);
    expect(busyRetryDelay(busy, 3, () => 1)).toBe(8_000);
    expect(busyRetryDelay(busy, 10, () => 1)).toBe(20_000);
    expect(busyRetryDelay(busy, 10, () => 0)).toBe(10_000);
    // Refusals that another try would not change, and failures a reconnect heals, are not retried.
    expect(busyRetryDelay(new SnapshotRefused("Not allowed.", "forbidden"), 1)).toBeNull();
    expect(busyRetryDelay(new Error("offline"), 1)).toBeNull();
  });

  it("loads again by itself, shows the refusal meanwhile, and stops when the screen goes", async () => {
    vi.useFakeTimers();
    try {
      const answers: ("busy" | "ok")[] = ["busy", "busy", "ok"];
      const errors: unknown[] = [];
      const changes: State[] = [];
      const sync = new RoomSync<State, number>({
        load: async () => {
          if (answers.shift() === "busy") throw new SnapshotRefused("busy", "rate_limited");
          return { seq: 1, state: [7] };
        },
        apply: (state, n) => [...state, n],
        onChange: (s) => changes.push(s),
        onError: (e) => errors.push(e),
        retryDelay: (e, attempt) => busyRetryDelay(e, attempt, () => 1),
      });
      await sync.resync();
      expect(errors).toHaveLength(1);
      expect(sync.current).toBeNull();
      await vi.advanceTimersByTimeAsync(1_999);
      expect(errors).toHaveLength(1);
      await vi.advanceTimersByTimeAsync(1);
      expect(errors).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(4_000);
      expect(sync.current).toEqual([7]);
      expect(changes).toEqual([[7]]);

      // A screen that went away asks nothing more.
      const calls: number[] = [];
      const gone = new RoomSync<State, number>({
        load: async () => {
          calls.push(1);
          throw new SnapshotRefused("busy", "rate_limited");
        },
        apply: (state) => state,
        onChange: () => {},
        retryDelay: (e, attempt) => busyRetryDelay(e, attempt, () => 1),
      });
      await gone.resync();
      gone.stop();
      await vi.advanceTimersByTimeAsync(60_000);
      expect(calls).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
