import { describe, expect, it } from "vitest";
import { leadsToBigScreen, pageToComeBackTo, safeNextPath, signInPathFor } from "./next-path";

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
    // Dot segments that parsing removes, leaving "//evil.example".
    "/.//evil.example/phish",
    "/..//evil.example",
    "/%2e%2e//evil.example",
    "/a/..//evil.example",
    "/./%2e//evil.example",
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

describe("a sign-in that leads to the big screen", () => {
  it("is the projector page of an event, or a board on it", () => {
    expect(leadsToBigScreen("/s/made-in-lambeth")).toBe(true);
    expect(leadsToBigScreen("/s/made-in-lambeth/b/1234")).toBe(true);
    expect(leadsToBigScreen("/s/made-in-lambeth?theme=light")).toBe(true);
  });
  it("is not the console, the organiser's pages or a bare /s/", () => {
    for (const p of ["/f/made-in-lambeth", "/o", "/s/", "/signin", "/sx/a"]) expect(leadsToBigScreen(p)).toBe(false);
  });
});

describe("signInPathFor", () => {
  it("comes back to a path on this site", () => {
    expect(signInPathFor("/o/made-in-lambeth/briefs/b1")).toBe("/signin?next=%2Fo%2Fmade-in-lambeth%2Fbriefs%2Fb1");
  });

  it("leaves out a path the sign-in would refuse, rather than echo it in a header", () => {
    expect(signInPathFor(`/o/${"b".repeat(6_000)}`)).toBe("/signin");
    expect(signInPathFor("//evil.example")).toBe("/signin");
  });
});

describe("pageToComeBackTo", () => {
  it("keeps the page's query, so a language chosen on the sign-in page still leads on, and the welcome stays the welcome", () => {
    const signin = pageToComeBackTo("/signin", "next=%2Fo%2Fmade-in-lambeth");
    expect(safeNextPath(signin, "/")).toBe("/signin?next=%2Fo%2Fmade-in-lambeth");
    expect(safeNextPath(pageToComeBackTo("/p/made-in-lambeth/me", "welcome=1"), "/")).toBe("/p/made-in-lambeth/me?welcome=1");
    expect(pageToComeBackTo("/o", "")).toBe("/o");
  });

  it("comes back to the path alone when the whole address is too long to come back to", () => {
    expect(pageToComeBackTo("/signin", `next=${"a".repeat(600)}`)).toBe("/signin");
  });
});
