/**
 * Next renders the page a server action redirects to by fetching it from the server's own bind
 * address (`http://0.0.0.0:PORT`), so that request's Host is `0.0.0.0:PORT`, and the host the
 * person used travels in the X-Forwarded-Host that Next set on their request. Read as it comes,
 * the organiser's page after "Create event" printed its links as http://0.0.0.0:PORT/….
 */

/** The Host of Next's fetches to itself: its bind address and port, as a URL's host writes them. */
export function ownHost(bindHost: string, port: number): string {
  return `${bindHost.includes(":") ? `[${bindHost}]` : bindHost}:${port}`;
}

const loopback = new Set(["127.0.0.1", "::1", "::ffff:127.0.0.1"]);

/**
 * The host to read a request as: the forwarded one only for Next's own fetch (from this machine,
 * to the bind address, which no browser types); anyone else's request keeps its Host.
 */
export function hostOfOwnFetch(
  remoteAddress: string | undefined,
  headers: { host?: string; "x-forwarded-host"?: string | string[] },
  bindHost: string,
  port: number,
): string | null {
  if (!remoteAddress || !loopback.has(remoteAddress)) return null;
  if (headers.host !== ownHost(bindHost, port)) return null;
  const forwarded = headers["x-forwarded-host"];
  return typeof forwarded === "string" && forwarded !== "" ? forwarded : null;
}
