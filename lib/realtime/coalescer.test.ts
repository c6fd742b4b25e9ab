import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createCoalescer } from "./coalescer";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function tallies(onError?: (e: unknown) => void) {
  const flushed: [string, Record<string, number>][] = [];
  const coalescer = createCoalescer<Record<string, number>>({
    intervalMs: 100,
    merge: (previous, next) => {
      const merged = { ...previous };
      for (const [k, v] of Object.entries(next)) merged[k] = (merged[k] ?? 0) + v;
      return merged;
    },
    flush: (room, value) => {
      flushed.push([room, value]);
    },
    onError,
    now: () => Date.now(),
  });
  return { coalescer, flushed };
}

describe("createCoalescer", () => {
  it("sends a lone update on the next macrotask, not after a whole interval", async () => {
    const { coalescer, flushed } = tallies();
    coalescer.add("board:a", { x: 1 });
    expect(flushed).toEqual([]);
    await vi.advanceTimersByTimeAsync(0);
    expect(flushed).toEqual([["board:a", { x: 1 }]]);
  });

  it("merges what arrives in the same tick into that first flush", async () => {
    const { coalescer, flushed } = tallies();
    for (let i = 0; i < 5; i++) coalescer.add("board:a", { x: 1 });
    await vi.advanceTimersByTimeAsync(0);
    expect(flushed).toEqual([["board:a", { x: 5 }]]);
  });

  it("under a burst flushes at most once per interval, with the merged value", async () => {
    const { coalescer, flushed } = tallies();
    coalescer.add("board:a", { note0: 1 });
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 50; i++) coalescer.add("board:a", { [`note${i % 3}`]: 1 });

    await vi.advanceTimersByTimeAsync(98);
    expect(flushed).toHaveLength(1);
    expect(coalescer.pendingRooms).toBe(1);

    await vi.advanceTimersByTimeAsync(2);
    expect(flushed).toEqual([
      ["board:a", { note0: 1 }],
      ["board:a", { note0: 17, note1: 17, note2: 16 }],
    ]);
    expect(coalescer.pendingRooms).toBe(0);

    await vi.advanceTimersByTimeAsync(1000);
    expect(flushed).toHaveLength(2);
  });

  it("measures the interval from the previous flush, not from the latest update", async () => {
    const { coalescer, flushed } = tallies();
    coalescer.add("board:a", { x: 1 });
    await vi.advanceTimersByTimeAsync(60);
    coalescer.add("board:a", { x: 1 });
    await vi.advanceTimersByTimeAsync(39);
    expect(flushed).toEqual([["board:a", { x: 1 }]]);
    await vi.advanceTimersByTimeAsync(1);
    expect(flushed).toEqual([
      ["board:a", { x: 1 }],
      ["board:a", { x: 1 }],
    ]);
  });

  it("flushes each room separately, with its own value and its own interval", async () => {
    const { coalescer, flushed } = tallies();
    coalescer.add("board:a", { x: 1 });
    coalescer.add("board:b", { y: 1 });
    coalescer.add("board:a", { x: 2 });
    await vi.advanceTimersByTimeAsync(0);
    expect(Object.fromEntries(flushed)).toEqual({ "board:a": { x: 3 }, "board:b": { y: 1 } });

    coalescer.add("board:a", { x: 1 });
    await vi.advanceTimersByTimeAsync(50);
    coalescer.add("board:c", { z: 1 });
    await vi.advanceTimersByTimeAsync(0);
    expect(flushed.map(([room]) => room)).toEqual(["board:a", "board:b", "board:c"]);
  });

  it("starts afresh once a room has been quiet for an interval", async () => {
    const { coalescer, flushed } = tallies();
    coalescer.add("board:a", { x: 1 });
    await vi.advanceTimersByTimeAsync(100);
    coalescer.add("board:a", { x: 5 });
    await vi.advanceTimersByTimeAsync(0);
    expect(flushed).toEqual([
      ["board:a", { x: 1 }],
      ["board:a", { x: 5 }],
    ]);
  });

  it("flushAll sends everything pending now and cancels the timers", async () => {
    const { coalescer, flushed } = tallies();
    coalescer.add("board:a", { x: 1 });
    coalescer.add("board:b", { y: 2 });
    coalescer.flushAll();
    expect(coalescer.pendingRooms).toBe(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(Object.fromEntries(flushed)).toEqual({ "board:a": { x: 1 }, "board:b": { y: 2 } });

    await vi.advanceTimersByTimeAsync(1000);
    expect(flushed).toHaveLength(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("reports a failing flush to onError and keeps working", async () => {
    const onError = vi.fn();
    let fail = true;
    const flushed: string[] = [];
    const coalescer = createCoalescer<true>({
      intervalMs: 10,
      merge: () => true,
      flush: async (room) => {
        if (fail) {
          fail = false;
          throw new Error("socket gone");
        }
        flushed.push(room);
      },
      onError,
      now: () => Date.now(),
    });
    coalescer.add("event:1", true);
    await vi.advanceTimersByTimeAsync(10);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: "socket gone" }));
    coalescer.add("event:1", true);
    await vi.advanceTimersByTimeAsync(10);
    expect(flushed).toEqual(["event:1"]);
  });
});
