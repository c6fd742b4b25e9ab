import { isIPv4, isIPv6 } from "node:net";

/**
 * Who is asking, for rate limits (sign-in, joining, uploads). By default the TCP peer: anything a
 * client writes in X-Forwarded-For is ignored, or it could claim a fresh address per guess.
 * Behind a reverse proxy every peer is the proxy, so `TRUST_PROXY_HOPS=n` (the number of proxies
 * in front that append to X-Forwarded-For) takes the address the n-th proxy from us saw instead.
 * An IPv6 address counts as its /64 (`limitSubject`).
 */
export function clientAddress(remote: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number) {
  return limitSubject(seenAddress(remote, forwardedFor, trustedHops));
}

/**
 * What a rate limit counts for an address. One home or phone is given a whole IPv6 /64 and may
 * take any address in it, so an IPv6 address counts as its /64 prefix ("2001:db8:1:4::/64");
 * an IPv4 address, also written as IPv4-mapped IPv6 ("::ffff:203.0.113.9"), as itself.
 */
export function limitSubject(address: string): string {
  const bare = address.replace(/%.*$/, ""); // a zone ("fe80::1%eth0") names our interface, not the client
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(bare)?.[1];
  if (mapped && isIPv4(mapped)) return mapped;
  if (!isIPv6(bare)) return address;
  const [head = "", tail = ""] = bare.toLowerCase().split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = bare.includes("::") ? (tail ? tail.split(":") : []) : [];
  const missing = 8 - headGroups.length - tailGroups.length - (tailGroups.at(-1)?.includes(".") ? 1 : 0);
  const groups = [...headGroups, ...Array(Math.max(missing, 0)).fill("0"), ...tailGroups];
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

function seenAddress(remote: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number) {
  const peer = remote ?? "unknown";
  if (trustedHops <= 0 || !forwardedFor) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  // Entries on the left are the client's own claims; only the last `trustedHops` were written by ours.
  return hops[hops.length - trustedHops] ?? hops[0] ?? peer;
}
