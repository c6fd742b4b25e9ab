import { describe, expect, it } from "vitest";
import { undoKeptMs, undoRefusal, undoShownMs } from "./undo-rules";

describe("undoing a deleted note", () => {
  const deleted = { deletedBy: "p:amara", deletedAt: 1_000_000 };

  it("lets whoever deleted it undo while it is kept", () => {
    expect(undoRefusal(deleted, "p:amara", 1_000_000 + undoShownMs)).toBeNull();
    expect(undoRefusal(deleted, "p:amara", 1_000_000 + undoKeptMs)).toBeNull();
  });

  it("refuses anyone else, and everyone once it is gone for good", () => {
    expect(undoRefusal(deleted, "p:ben", 1_000_001)).toBe("not-yours");
    expect(undoRefusal(deleted, "p:amara", 1_000_000 + undoKeptMs + 1)).toBe("too-late");
  });

  it("keeps the note longer than the Undo button shows, so a late tap still lands", () => {
    expect(undoKeptMs).toBeGreaterThan(undoShownMs);
  });
});
