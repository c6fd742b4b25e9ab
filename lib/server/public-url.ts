import "server-only";
import { headers } from "next/headers";

/**
 * The address people should type or scan: PUBLIC_URL if set, else the host this request came to.
 * `X-Forwarded-Host`/`-Proto` count only behind a proxy we were told about (TRUST_PROXY_HOPS):
 * without one, anybody can send them. For links that leave the page, in an email, use
 * `emailLinkBase`.
 */
export async function publicBaseUrl(): Promise<string> {
  if (process.env.PUBLIC_URL) return process.env.PUBLIC_URL.replace(/\/$/, "");
  const h = await headers();
  const proxied = Number(process.env.TRUST_PROXY_HOPS ?? 0) > 0;
  const forwardedHost = proxied ? h.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  const forwardedProto = proxied ? h.get("x-forwarded-proto")?.split(",")[0]?.trim() : undefined;
  const host = forwardedHost || h.get("host") || "localhost:3000";
  const proto = forwardedProto === "https" ? "https" : "http";
  return `${proto}://${host}`;
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
