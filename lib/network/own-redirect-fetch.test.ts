import { describe, expect, it } from "vitest";
import { hostOfOwnFetch, ownHost } from "./own-redirect-fetch";

describe("hostOfOwnFetch", () => {
  it("reads Next's fetch to itself after a server action's redirect as the person's request", () => {
    const headers = { host: "0.0.0.0:3000", "x-forwarded-host": "192.168.1.20:3000" };
    expect(hostOfOwnFetch("127.0.0.1", headers, "0.0.0.0", 3000)).toBe("192.168.1.20:3000");
    expect(hostOfOwnFetch("::1", { host: "[::]:3000", "x-forwarded-host": "localhost:3000" }, "::", 3000)).toBe("localhost:3000");
  });

  it("leaves every other request's Host alone", () => {
    const headers = { host: "0.0.0.0:3000", "x-forwarded-host": "attacker.example" };
    // From another machine: anybody can send these headers.
    expect(hostOfOwnFetch("203.0.113.9", headers, "0.0.0.0", 3000)).toBeNull();
    // A Host a browser would send.
    expect(hostOfOwnFetch("127.0.0.1", { ...headers, host: "localhost:3000" }, "0.0.0.0", 3000)).toBeNull();
    // Another port, or nothing forwarded.
    expect(hostOfOwnFetch("127.0.0.1", headers, "0.0.0.0", 3001)).toBeNull();
    expect(hostOfOwnFetch("127.0.0.1", { host: "0.0.0.0:3000" }, "0.0.0.0", 3000)).toBeNull();
    expect(hostOfOwnFetch(undefined, headers, "0.0.0.0", 3000)).toBeNull();
  });

  it("writes an IPv6 bind address in brackets, as a URL does", () => {
    expect(ownHost("::", 8080)).toBe("[::]:8080");
    expect(ownHost("0.0.0.0", 3000)).toBe("0.0.0.0:3000");
  });
});
