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

const newNonce = () => randomBytes(16).toString("base64");

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
 * Hands Next the nonce through the request now, and sets the headers on `res` just before it is
 * written, where a handler has not set its own: a route with a stricter CSP of its own (a file,
 * a photo) keeps it, with `frame-ancestors` and `object-src` added if it lacks them. Next only
 * adds a route's header when none is there yet, so ours must come last, not first.
 */
export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, options: SecurityHeaderOptions) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, options.dev);
  // Only our value: a client's own CSP request header must not choose the nonce.
  req.headers["content-security-policy"] = csp;
  delete req.headers["content-security-policy-report-only"];
  const headers: Record<string, string> = {
    "Content-Security-Policy": csp,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(self), microphone=(), geolocation=(), payment=(), usb=()",
  };
  if (servedOverHttps(req, options.publicUrl)) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";

  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    for (const [name, value] of Object.entries(headers)) {
      if (!res.hasHeader(name)) res.setHeader(name, value);
    }
    const own = String(res.getHeader("Content-Security-Policy") ?? "");
    if (own !== csp) res.setHeader("Content-Security-Policy", withFramingRules(own));
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse["writeHead"];
}

/** A handler's own policy, kept, plus the rules every response needs. */
export function withFramingRules(policy: string) {
  const rules = [policy.trim().replace(/;$/, "")];
  if (!/(^|;)\s*frame-ancestors\s/.test(policy)) rules.push("frame-ancestors 'none'");
  if (!/(^|;)\s*object-src\s/.test(policy)) rules.push("object-src 'none'");
  return rules.filter(Boolean).join("; ");
}
