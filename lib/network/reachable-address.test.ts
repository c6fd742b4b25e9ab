import { describe, expect, it } from "vitest";
import { handedOnBase, isLoopbackHost, lanIPv4, type NetworkInterfaces, reachableAddress } from "./reachable-address";

const laptop: NetworkInterfaces = {
  lo: [
    { address: "127.0.0.1", family: "IPv4", internal: true },
    { address: "::1", family: "IPv6", internal: true },
  ],
  docker0: undefined,
  wlan0: [
    { address: "fe80::1c2b:3ff:fe4d:5e6f", family: "IPv6", internal: false },
    { address: "192.168.1.20", family: "IPv4", internal: false },
  ],
  eth1: [{ address: "10.0.0.7", family: "IPv4", internal: false }],
};
const offline: NetworkInterfaces = { lo: [{ address: "127.0.0.1", family: "IPv4", internal: true }] };

describe("the address phones can reach", () => {
  it("uses PUBLIC_URL when it is set, whatever the page was opened on", () => {
    expect(reachableAddress({ host: "localhost:3000", publicUrl: "https://madein.example.org/", interfaces: laptop })).toEqual({
      base: "https://madein.example.org",
      source: "public-url",
      reachableByPhones: true,
    });
  });

  it.each(["localhost:3000", "127.0.0.1:3000", "[::1]:3000", "LOCALHOST:3000", "127.0.1.1:3000"])(
    "swaps %s for the laptop's first LAN IPv4 address, keeping the port",
    (host) => {
      expect(reachableAddress({ host, interfaces: laptop })).toEqual({
        base: "http://192.168.1.20:3000",
        source: "lan",
        reachableByPhones: true,
      });
    },
  );

  it("keeps the scheme and a missing port", () => {
    expect(reachableAddress({ host: "localhost", proto: "https", interfaces: laptop }).base).toBe("https://192.168.1.20");
  });

  it("keeps a host phones can already reach", () => {
    expect(reachableAddress({ host: "192.168.1.20:3000", interfaces: laptop })).toEqual({
      base: "http://192.168.1.20:3000",
      source: "request",
      reachableByPhones: true,
    });
    expect(reachableAddress({ host: "madein.local:8080", proto: "https", interfaces: offline }).base).toBe(
      "https://madein.local:8080",
    );
  });

  it("keeps localhost when the laptop has no network, and says phones cannot reach it", () => {
    expect(reachableAddress({ host: "localhost:3000", interfaces: offline })).toEqual({
      base: "http://localhost:3000",
      source: "request",
      reachableByPhones: false,
    });
    expect(reachableAddress({ host: "localhost:3000", interfaces: {} }).reachableByPhones).toBe(false);
  });

  it("treats a missing or unreadable host as localhost", () => {
    expect(reachableAddress({ host: null, interfaces: offline }).base).toBe("http://localhost:3000");
    expect(reachableAddress({ host: "bad host", interfaces: laptop }).reachableByPhones).toBe(false);
  });
});

describe("the laptop's LAN address", () => {
  it("takes the first non-internal IPv4 address, in the order the system lists them", () => {
    expect(lanIPv4(laptop)).toBe("192.168.1.20");
  });

  it("accepts the numeric family older Node versions report", () => {
    expect(lanIPv4({ en0: [{ address: "172.16.4.9", family: 4, internal: false }] })).toBe("172.16.4.9");
  });

  it("prefers a routable address to a self-assigned one, but takes a self-assigned one over nothing", () => {
    const both = { a: [{ address: "169.254.3.4", family: "IPv4", internal: false }], b: laptop.eth1 };
    expect(lanIPv4(both)).toBe("10.0.0.7");
    expect(lanIPv4({ a: both.a })).toBe("169.254.3.4");
  });

  it("finds none on a machine with only loopback or IPv6", () => {
    expect(lanIPv4(offline)).toBeNull();
    expect(lanIPv4({ wlan0: [{ address: "2001:db8::1", family: "IPv6", internal: false }] })).toBeNull();
  });

  it("knows the names that only mean this machine", () => {
    for (const h of ["localhost", "app.localhost", "127.0.0.1", "[::1]", "::1", "0.0.0.0"]) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ["192.168.1.20", "madein.example.org", "10.0.0.7"]) expect(isLoopbackHost(h)).toBe(false);
  });
});

describe("the start of a link handed to someone else", () => {
  it("is the join link's address on a laptop opened as localhost: the invitee's phone can open it", () => {
    for (const host of ["localhost:3000", "127.0.0.1:3000"]) {
      const base = handedOnBase({ host, interfaces: laptop, emailed: false });
      expect(base).toBe("http://192.168.1.20:3000");
      expect(base).toBe(reachableAddress({ host, interfaces: laptop }).base);
    }
  });

  it("is PUBLIC_URL when it is set, shown or emailed alike", () => {
    for (const emailed of [false, true]) {
      expect(
        handedOnBase({ host: "localhost:3000", publicUrl: "https://madein.example.org/", interfaces: laptop, emailed }),
      ).toBe("https://madein.example.org");
    }
  });

  it("keeps the address opened when it is one other devices reach, or when there is no network", () => {
    expect(handedOnBase({ host: "madein.local:8080", proto: "https", interfaces: laptop, emailed: false })).toBe(
      "https://madein.local:8080",
    );
    expect(handedOnBase({ host: "localhost:3000", interfaces: offline, emailed: false })).toBe("http://localhost:3000");
  });

  it("never takes an emailed link from the request's Host", () => {
    expect(
      handedOnBase({ host: "attacker.example", publicUrl: "https://madein.example.org", interfaces: laptop, emailed: true }),
    ).toBe("https://madein.example.org");
    expect(() => handedOnBase({ host: "attacker.example", interfaces: laptop, emailed: true })).toThrow(/PUBLIC_URL/);
  });
});
