import { describe, expect, it } from "vitest";
import { takeImportSlot } from "./import-slots";

describe("imports at once", () => {
  it("one per account, and a few per process: the others are told to wait, and a finished import frees its place", () => {
    const first = takeImportSlot("organiser-a", 2);
    expect(first.ok).toBe(true);
    // The same organiser posting again (a second tab, a double submit) waits for the first.
    expect(takeImportSlot("organiser-a", 2)).toEqual({ ok: false, busy: "yours" });
    const second = takeImportSlot("organiser-b", 2);
    expect(second.ok).toBe(true);
    expect(takeImportSlot("organiser-c", 2)).toEqual({ ok: false, busy: "others" });
    if (first.ok) first.release();
    // Released twice (a finally after an early return) frees only its own place.
    if (first.ok) first.release();
    const third = takeImportSlot("organiser-c", 2);
    expect(third.ok).toBe(true);
    expect(takeImportSlot("organiser-d", 2)).toEqual({ ok: false, busy: "others" });
    for (const slot of [second, third]) if (slot.ok) slot.release();
    expect(takeImportSlot("organiser-a", 2).ok).toBe(true);
  });
});
