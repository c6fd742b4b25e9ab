/** The longest path taken back to: a longer one is no address anyone typed or followed. */
export const longestNextPath = 500;

/**
 * Where to send someone after signing in. Only a path on this site is accepted: "//evil.example"
 * and "/\evil.example" are read by browsers as other hosts, so they are refused, as is anything
 * that is not a plain path.
 */
export function safeNextPath(next: unknown, fallback = "/o"): string {
  if (typeof next !== "string" || next.length === 0 || next.length > longestNextPath) return fallback;
  if (!next.startsWith("/") || next.startsWith("//") || next.includes("\\")) return fallback;
  // Control characters (tabs, newlines) are stripped by URL parsers and could smuggle in "//".
  if ([...next].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return fallback;
  try {
    const base = "http://made-in.invalid";
    const url = new URL(next, base);
    if (url.origin !== base) return fallback;
    const path = `${url.pathname}${url.search}${url.hash}`;
    // Parsing takes dot segments out: "/.//evil.example" and "/..//evil.example" come back as
    // "//evil.example", another host again. The result is checked, not only what was sent.
    return path.startsWith("//") || path.startsWith("/\\") ? fallback : path;
  } catch {
    return fallback;
  }
}

/** Whether a sign-in leads to the big screen (`/s/<event>` or a board on it): the page then says why the projector asks. */
export function leadsToBigScreen(next: string): boolean {
  return /^\/s\/[^/?#]+(?:[/?#]|$)/.test(next);
}

/**
 * The sign-in page, coming back to `path` afterwards. A path the sign-in would refuse as its
 * `next` (too long, another site) is left out rather than echoed: it comes from the address a
 * stranger typed, and a redirect's `Location` is a response header, which proxies and HTTP
 * clients cap at a few kilobytes (a long one answers 502 behind nginx).
 */
export function signInPathFor(path: string): string {
  const next = safeNextPath(path, "");
  return next ? `/signin?next=${encodeURIComponent(next)}` : "/signin";
}

/**
 * A page's address to come back to after a form that is not about it (a language chosen): its
 * path and query, so /signin?next=… still leads on and /p/…/me?welcome=1 stays the welcome. One too
 * long to come back to (safeNextPath) comes back to its path alone.
 */
export function pageToComeBackTo(path: string, query: string): string {
  const whole = query ? `${path}?${query}` : path;
  return whole.length > longestNextPath ? path : whole;
}
