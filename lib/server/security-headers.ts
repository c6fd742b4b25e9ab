import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Security headers for every response of the one HTTP server: pages, route handlers, static
 * chunks, socket.io's polling transport and the health check. SECURITY.md explains each choice.
 *
 * Scripts are allowed by a per-request nonce (with 'strict-dynamic', so the chunks Next loads
 * from a nonced script run too). Next reads the nonce from the request's
 * `content-security-policy` header and puts it on the inline scripts it renders; every page is
 * rendered per request already (`dynamic = "force-dynamic"` in app/layout.tsx), so a nonce
 * costs nothing. This is what a Next 16 `proxy.ts` would do, done once here instead, where
 * socket.io's responses get the same headers.
 */
export type SecurityHeaderOptions = {
  /** `next dev`: React refresh evaluates code and hot reload talks over its own WebSocket. */
  dev: boolean;
  /** The address people use; HSTS is sent when it is https. */
  publicUrl?: string;
};

export const newNonce = () => randomBytes(16).toString("base64");

export function contentSecurityPolicy(nonce: string, dev: boolean) {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // React writes style attributes (a timer bar's width) and Next inlines critical CSS.
    "style-src": ["'self'", "'unsafe-inline'"],
    // QR codes are data: SVGs; a photo's preview before upload is a blob: URL.
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    // 'self' covers the same host's ws:/wss: for socket.io; dev adds the hot-reload socket.
    "connect-src": ["'self'", ...(dev ? ["ws:", "wss:"] : [])],
    "media-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
    "manifest-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(" ")}`)
    .join("; ");
}

/** True when the browser reached us over HTTPS (directly, or through a proxy that says so). */
export function servedOverHttps(req: Pick<IncomingMessage, "headers">, publicUrl?: string) {
  if (publicUrl?.startsWith("https:")) return true;
  const forwarded = req.headers["x-forwarded-proto"];
  const proto = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim();
  return proto === "https";
}

/**
 * Sets the headers on `res` before anything else writes it, and hands Next the nonce through
 * the request. Headers set here survive `writeHead` calls of Next and engine.io (they merge).
 */
export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, options: SecurityHeaderOptions) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, options.dev);
  // Only our value: a client's own CSP request header must not choose the nonce.
  req.headers["content-security-policy"] = csp;
  delete req.headers["content-security-policy-report-only"];
  res.setHeader("Content-Security-Policy", csp);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "camera=(self), microphone=(), geolocation=(), payment=(), usb=()");
  if (servedOverHttps(req, options.publicUrl)) {
    res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
}
