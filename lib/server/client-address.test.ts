import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

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
});
