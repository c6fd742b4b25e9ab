import { describe, expect, it } from "vitest";
import { sameTask } from "./same-task";

describe("sameTask", () => {
  it("shares one call among the asks of one task, per key, and calls again in a later task", async () => {
    let calls = 0;
    const read = sameTask(async (key: { name: string }) => `${key.name} ${++calls}`);
    const a = { name: "a" };
    const b = { name: "b" };
    const first = [read(a), read(a), read(b)];
    expect(await Promise.all(first)).toEqual(["a 1", "a 1", "b 2"]);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await read(a)).toBe("a 3");
  });
});
