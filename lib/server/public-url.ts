import "server-only";
import { headers } from "next/headers";
import { requestHostOf } from "@/lib/network/request-host";

/**
 * The address people should type or scan: PUBLIC_URL if set, else the host this request came to.
 * `X-Forwarded-Host`/`-Proto` count only behind a proxy we were told about (TRUST_PROXY_HOPS):
 * without one, anybody can send them. For links that leave the page, in an email, use
 * `emailLinkBase`.
 */
export async function publicBaseUrl(): Promise<string> {
  if (process.env.PUBLIC_URL) return process.env.PUBLIC_URL.replace(/\/$/, "");
  const { host, proto } = await requestHost();
  return `${proto}://${host ?? "localhost:3000"}`;
}

/** The host and scheme this request came to, forwarded ones only from a trusted proxy. */
export async function requestHost() {
  return requestHostOf(await headers(), Number(process.env.TRUST_PROXY_HOPS ?? 0));
}

/**
 * The address links in emails start with: PUBLIC_URL, never a request's Host (a password reset
 * asked for with `Host: attacker.example` would mail the attacker's link to the account's owner).
 * The environment requires PUBLIC_URL with SMTP_URL (lib/config/env.ts), so this only throws
 * when a server was started around that check.
 */
export function emailLinkBase(): string {
  const url = process.env.PUBLIC_URL;
  if (!url) throw new Error("PUBLIC_URL is not set: links in emails need it");
  return url.replace(/\/$/, "");
}
