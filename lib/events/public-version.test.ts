import { describe, expect, it } from "vitest";
import { sharedPublicVersion } from "./public-version";

describe("the public pages' fingerprint, shared between visitors", () => {
  it("is read once a second per page however many ask, and read afresh after", async () => {
    let now = 0;
    const reads: string[] = [];
    const versions = sharedPublicVersion(
      async (slug, page) => {
        reads.push(`${page}:${slug}`);
        return `v${reads.length}`;
      },
      () => now,
    );
    const first = await Promise.all(Array.from({ length: 50 }, () => versions("made-in-lambeth", "event")));
    expect(new Set(first)).toEqual(new Set(["v1"]));
    expect(await versions("made-in-lambeth", "progress")).toBe("v2");
    now += 999;
    expect(await versions("made-in-lambeth", "event")).toBe("v1");
    now += 1;
    expect(await versions("made-in-lambeth", "event")).toBe("v3");
    expect(reads).toEqual(["event:made-in-lambeth", "progress:made-in-lambeth", "event:made-in-lambeth"]);
  });

  it("answers nothing, rather than failing, when the read fails, and keeps a bounded number of pages", async () => {
    const reads: string[] = [];
    const versions = sharedPublicVersion(async (slug) => {
      reads.push(slug);
      if (slug === "broken") throw new Error("database gone");
      return slug;
    });
    expect(await versions("broken", "event")).toBeNull();
    for (let i = 0; i < 600; i++) await versions(`event-${i}`, "event");
    // Within the same second: the latest page's reading is kept, the first ones were let go.
    await versions("event-599", "event");
    await versions("event-0", "event");
    expect(reads.filter((r) => r === "event-599")).toHaveLength(1);
    expect(reads.filter((r) => r === "event-0")).toHaveLength(2);
  });
});
