import { describe, expect, it } from "vitest";
import { failureLimit } from "./failure-limit";

describe("failureLimit", () => {
  it("blocks a key once it has failed as often as allowed, and only that key", async () => {
    const limit = failureLimit(`test-${Math.random()}`, 3, 60);
    for (let i = 0; i < 3; i++) {
      expect(await limit.blocked("10.0.0.1")).toBe(false);
      await limit.failed("10.0.0.1");
    }
    expect(await limit.blocked("10.0.0.1")).toBe(true);
    expect(await limit.blocked("10.0.0.2")).toBe(false);
  });

  it("never counts asking: a crowd that only succeeds is never blocked", async () => {
    const limit = failureLimit(`test-${Math.random()}`, 3, 60);
    for (let i = 0; i < 1_000; i++) expect(await limit.blocked("venue")).toBe(false);
  });
});
