import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

describe("safeNextPath", () => {
  it("keeps a path on this site, with its query", () => {
    expect(safeNextPath("/o/made-in-lambeth")).toBe("/o/made-in-lambeth");
    expect(safeNextPath("/invite/abc_DEF-123?x=1")).toBe("/invite/abc_DEF-123?x=1");
  });

  it.each([
    "https://evil.example/",
    "//evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    "o/relative",
    "",
  ])("refuses %j", (next) => {
    expect(safeNextPath(next)).toBe("/o");
  });

  it("uses the fallback for anything that is not a string", () => {
    expect(safeNextPath(undefined, "/")).toBe("/");
    expect(safeNextPath(["/a", "/b"])).toBe("/o");
  });
});
