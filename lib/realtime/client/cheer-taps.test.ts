import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { reactionLimits } from "../constants";
import { createCheerTaps } from "./cheer-taps";

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** A server that answers each command after `ms`, and what it was sent. */
function server(ms: number) {
  const sent: string[] = [];
  const send = (teamId: string, kind: string, times: number) => {
    sent.push(`${teamId} ${kind} ×${times}`);
    return new Promise<void>((resolve) => setTimeout(resolve, ms));
  };
  return { sent, send };
}

describe("createCheerTaps", () => {
  it("sends a lone tap at once", async () => {
    const { sent, send } = server(20);
    createCheerTaps(send, 400).tap("a", "clap");
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toEqual(["a clap ×1"]);
  });

  it("folds a person drumming fifty taps a second into a few commands, every tap counted", async () => {
    const { sent, send } = server(20);
    const taps = createCheerTaps(send, 400);
    for (let i = 0; i < 50; i++) {
      taps.tap("a", "clap");
      await vi.advanceTimersByTimeAsync(20);
    }
    await vi.advanceTimersByTimeAsync(1000);
    // One at once, then one every 400 ms: three in the second, and the last taps after it.
    expect(sent).toHaveLength(4);
    expect(sent[0]).toBe("a clap ×1");
    expect(sent.reduce((sum, s) => sum + Number(s.split("×")[1]), 0)).toBe(50);
  });

  it("never has two commands in flight, however slow the answers, and keeps teams and kinds apart", async () => {
    const { sent, send } = server(1500);
    const taps = createCheerTaps(send, 400);
    taps.tap("a", "clap");
    await vi.advanceTimersByTimeAsync(0);
    taps.tap("a", "clap");
    taps.tap("a", "love");
    taps.tap("b", "clap");
    taps.tap("a", "clap");
    await vi.advanceTimersByTimeAsync(1000);
    expect(sent).toEqual(["a clap ×1"]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sent).toEqual(["a clap ×1", "a clap ×2", "a love ×1", "b clap ×1"]);
  });

  it("folds no more into one command than a person may cheer a team", async () => {
    const { sent, send } = server(5000);
    const taps = createCheerTaps(send, 400);
    taps.tap("a", "wow");
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 100; i++) taps.tap("a", "wow");
    await vi.advanceTimersByTimeAsync(6000);
    expect(sent).toEqual(["a wow ×1", `a wow ×${reactionLimits.perTeam}`]);
  });

  it("lets go of taps not yet sent when the page goes", async () => {
    const { sent, send } = server(1000);
    const taps = createCheerTaps(send, 400);
    taps.tap("a", "idea");
    await vi.advanceTimersByTimeAsync(0);
    taps.tap("a", "idea");
    taps.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(sent).toEqual(["a idea ×1"]);
  });
});
