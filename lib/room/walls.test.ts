import { describe, expect, it } from "vitest";
import { wallSchema } from "@/lib/realtime/contract";
import { wallLabel } from "./walls";

describe("the big screen's walls", () => {
  it("names each wall in plain words", () => {
    expect(wallLabel({ kind: "votes" }, "Ideas")).toBe("the votes on Ideas");
    expect(wallLabel({ kind: "rotate" })).toBe("the team boards in turn");
  });

  it("needs a board for a board or its votes, and refuses unknown walls clearly", () => {
    expect(wallSchema.safeParse({ kind: "board" }).success).toBe(false);
    expect(wallSchema.safeParse({ kind: "board", boardId: "b1" }).success).toBe(true);
    const unknown = wallSchema.safeParse({ kind: "slides" });
    expect(unknown.success).toBe(false);
    expect(unknown.error?.issues[0]?.message).toMatch(/Choose what the big screen shows/);
  });
});
