/**
 * Who is asking, for rate limits (sign-in, joining, uploads). By default the TCP peer: anything a
 * client writes in X-Forwarded-For is ignored, or it could claim a fresh address per guess.
 * Behind a reverse proxy every peer is the proxy, so `TRUST_PROXY_HOPS=n` (the number of proxies
 * in front that append to X-Forwarded-For) takes the address the n-th proxy from us saw instead.
 */
export function clientAddress(remote: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number) {
  const peer = remote ?? "unknown";
  if (trustedHops <= 0 || !forwardedFor) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean);
  // Entries on the left are the client's own claims; only the last `trustedHops` were written by ours.
  return hops[hops.length - trustedHops] ?? hops[0] ?? peer;
}
