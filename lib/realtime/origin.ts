/**
 * The origin a browser used to reach this request: the Host header with the scheme it came over.
 * Behind a TLS-terminating proxy the connection here is plain HTTP, so the proxy's
 * X-Forwarded-Proto says whether the browser was on https (docs/deploy.md sets it).
 */
export function requestOrigin(host: string | undefined, forwardedProto: string | undefined, encrypted = false): string | null {
  if (!host) return null;
  const https = encrypted || forwardedProto?.split(",")[0]?.trim().toLowerCase() === "https";
  try {
    return new URL(`${https ? "https" : "http"}://${host}`).origin;
  } catch {
    return null;
  }
}

/**
 * Whether a browser request may proceed, judged by its Origin: the same scheme, host and port
 * as the request itself (`https://host` is not `http://host`), or the configured public URL.
 * Browsers always send Origin on a cross-origin request, so a missing one is not a cross-site
 * page riding on our cookies; `null` (a sandboxed or privacy-redirected page) is refused, and so
 * is an empty one, which no browser sends (and which Next, parsing it, fails on with a 500).
 */
export function originAllowed(origin: string | undefined, site: string | null, publicUrl?: string): boolean {
  if (origin === undefined) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (parsed.origin === "null") return false;
  if (site && parsed.origin === site) return true;
  if (publicUrl && parsed.origin === new URL(publicUrl).origin) return true;
  return false;
}
