import { describe, expect, it } from "vitest";
import { clientAddress, limitSubject } from "./client-address";

describe("client address", () => {
  it("ignores X-Forwarded-For unless proxies are trusted", () => {
    expect(clientAddress("10.0.0.5", "203.0.113.9", 0)).toBe("10.0.0.5");
    expect(clientAddress(undefined, undefined, 0)).toBe("unknown");
  });

  it("takes the address our proxy saw, not what the client claimed before it", () => {
    // The client sent "1.2.3.4" itself; our one proxy appended the real peer.
    expect(clientAddress("10.0.0.1", "1.2.3.4, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(clientAddress("10.0.0.1", "1.2.3.4, 203.0.113.9, 10.0.0.2", 2)).toBe("203.0.113.9");
    expect(clientAddress("10.0.0.1", ["1.2.3.4", "203.0.113.9"], 1)).toBe("203.0.113.9");
  });

  it("falls back to the peer when a trusted proxy sent nothing", () => {
    expect(clientAddress("10.0.0.1", undefined, 1)).toBe("10.0.0.1");
    expect(clientAddress("10.0.0.1", " , ", 1)).toBe("10.0.0.1");
  });

  it("counts an IPv6 address as its /64: one home or phone may take any address in it", () => {
    const prefix = "2001:db8:1:4::/64";
    for (const address of [
      "2001:db8:1:4::1",
      "2001:db8:1:4:ffff:ffff:ffff:ffff",
      "2001:0db8:0001:0004:0:0:0:9",
      "2001:DB8:1:4::a",
    ]) {
      expect(limitSubject(address), address).toBe(prefix);
    }
    expect(clientAddress("10.0.0.1", "2001:db8:1:4:5::6", 1)).toBe(prefix);
    expect(clientAddress("2001:db8:1:4::77", undefined, 0)).toBe(prefix);
    // Another /64 is someone else.
    expect(limitSubject("2001:db8:1:5::1")).toBe("2001:db8:1:5::/64");
    expect(limitSubject("::1")).toBe("0:0:0:0::/64");
    expect(limitSubject("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(limitSubject("::ffff:192.0.2.1:")).toBe("::ffff:192.0.2.1:");
  });

  it("keeps IPv4 as it is, also when written as IPv4-mapped IPv6, and anything else untouched", () => {
    expect(limitSubject("203.0.113.9")).toBe("203.0.113.9");
    expect(limitSubject("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(limitSubject("::FFFF:203.0.113.9")).toBe("203.0.113.9");
    expect(limitSubject("unknown")).toBe("unknown");
    expect(limitSubject("not an address")).toBe("not an address");
    expect(limitSubject("64:ff9b::192.0.2.33")).toBe("64:ff9b:0:0::/64");
  });
});
