/**
 * The host and scheme a request came to. `X-Forwarded-Host`/`-Proto` count only when a proxy we
 * were told about (TRUST_PROXY_HOPS > 0) stands in front: without one, anybody can send them, and
 * an address printed on the big screen or in a link would be theirs.
 */
export function requestHostOf(
  headers: { get(name: string): string | null },
  trustedProxyHops: number,
): { host: string | null; proto: "http" | "https" } {
  const first = (name: string) => (trustedProxyHops > 0 ? headers.get(name)?.split(",")[0]?.trim() : undefined);
  const forwardedHost = first("x-forwarded-host");
  return { host: forwardedHost || headers.get("host"), proto: first("x-forwarded-proto") === "https" ? "https" : "http" };
}
