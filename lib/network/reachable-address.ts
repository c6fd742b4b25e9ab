/**
 * The address phones should scan or type to reach this server. A projector page opened on the
 * laptop as `localhost` would otherwise encode an address no phone can reach: then the laptop's
 * address on the local network is used instead (same scheme and port). Pure: the request's
 * host, the configured PUBLIC_URL and the machine's network interfaces come in as arguments.
 */

/** One entry of `os.networkInterfaces()`, as much of it as the rule reads. */
export type InterfaceAddress = { address: string; family: string | number; internal: boolean };
export type NetworkInterfaces = Record<string, readonly InterfaceAddress[] | undefined>;

export type ReachableAddress = {
  /** Scheme, host and port, no trailing slash: `http://192.168.1.20:3000`. */
  base: string;
  /** Where it came from: the configured PUBLIC_URL, the laptop's LAN address, or the host the page was opened on. */
  source: "public-url" | "lan" | "request";
  /** False when only this machine can open it (localhost and no network): the screen says how to fix it. */
  reachableByPhones: boolean;
};

const isIPv4 = (a: InterfaceAddress) => a.family === "IPv4" || a.family === 4;

/** Whether a host name only ever means this machine. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, "");
  return (
    h === "localhost" ||
    h.endsWith(".localhost") ||
    h === "::1" ||
    h === "0.0.0.0" ||
    h === "::" ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
  );
}

/**
 * The machine's first non-internal IPv4 address, or null. A self-assigned 169.254.x.x address
 * (no DHCP answered) is used only when there is nothing better: phones rarely share it.
 */
export function lanIPv4(interfaces: NetworkInterfaces): string | null {
  const all = Object.values(interfaces).flatMap((list) => list ?? []);
  const candidates = all.filter((a) => isIPv4(a) && !a.internal && !isLoopbackHost(a.address));
  const routable = candidates.find((a) => !a.address.startsWith("169.254."));
  return (routable ?? candidates[0])?.address ?? null;
}

export function reachableAddress(input: {
  /** The Host (or X-Forwarded-Host) the page was opened on, with its port. */
  host: string | null | undefined;
  /** The scheme the page was opened over. */
  proto?: string | null;
  publicUrl?: string | null;
  interfaces: NetworkInterfaces;
}): ReachableAddress {
  if (input.publicUrl) return { base: input.publicUrl.replace(/\/+$/, ""), source: "public-url", reachableByPhones: true };
  const proto = input.proto === "https" ? "https" : "http";
  const host = input.host?.trim() || "localhost:3000";
  let url: URL;
  try {
    url = new URL(`${proto}://${host}`);
  } catch {
    return { base: `${proto}://localhost:3000`, source: "request", reachableByPhones: false };
  }
  if (!isLoopbackHost(url.hostname)) return { base: url.origin, source: "request", reachableByPhones: true };
  const lan = lanIPv4(input.interfaces);
  if (!lan) return { base: url.origin, source: "request", reachableByPhones: false };
  return { base: `${proto}://${lan}${url.port ? `:${url.port}` : ""}`, source: "lan", reachableByPhones: true };
}

/**
 * The start of a link handed to someone else to open on their own device: an invitation, a
 * project owner's link, a "continue on another device" link. Emailed, it is PUBLIC_URL and
 * never the request's Host (a forged Host would mail its sender's address to a stranger; the
 * environment requires PUBLIC_URL with SMTP_URL). Shown on the screen to copy, it is the
 * address the join link uses: a laptop opened as localhost hands out its network address, so
 * the link opens on the other person's phone too.
 */
export function handedOnBase(input: Parameters<typeof reachableAddress>[0] & { emailed: boolean }): string {
  if (input.emailed) {
    if (!input.publicUrl) throw new Error("PUBLIC_URL is not set: links in emails need it");
    return input.publicUrl.replace(/\/+$/, "");
  }
  return reachableAddress(input).base;
}
