import { describe, expect, it } from "vitest";
import { accountSessionCookie, parseCookieHeader, participantCookieName } from "./cookies";

describe("parseCookieHeader", () => {
  it("reads every name=value pair, trimming spaces around them", () => {
    const cookies = parseCookieHeader("mi_session=abc;  mi_p_ev1=p1.sig ; theme=dark");
    expect([...cookies]).toEqual([
      ["mi_session", "abc"],
      ["mi_p_ev1", "p1.sig"],
      ["theme", "dark"],
    ]);
  });

  it("keeps '=' inside a value and decodes percent-encoding", () => {
    const cookies = parseCookieHeader("a=b=c==; name=Jo%20Bloggs");
    expect(cookies.get("a")).toBe("b=c==");
    expect(cookies.get("name")).toBe("Jo Bloggs");
  });

  it("keeps a value that is not valid percent-encoding as it is", () => {
    expect(parseCookieHeader("broken=%E0%A4%A").get("broken")).toBe("%E0%A4%A");
  });

  it("ignores fragments without '=' and copes with no header at all", () => {
    expect([...parseCookieHeader("flag; x=1;;")]).toEqual([["x", "1"]]);
    expect(parseCookieHeader(undefined).size).toBe(0);
    expect(parseCookieHeader("").size).toBe(0);
  });

  it("lets the last of two same-named cookies win", () => {
    expect(parseCookieHeader("a=1; a=2").get("a")).toBe("2");
  });
});

describe("cookie names", () => {
  it("gives each event its own participant cookie, distinct from the account session", () => {
    expect(participantCookieName("ev1")).not.toBe(participantCookieName("ev2"));
    expect(participantCookieName("ev1")).not.toBe(accountSessionCookie);
  });
});
