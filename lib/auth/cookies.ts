/** Cookie names and attributes, shared by pages (Next) and the socket handshake (server.ts). */
export const accountSessionCookie = "mi_session";
const participantCookiePrefix = "mi_p_";
export const participantCookieName = (eventId: string) => `${participantCookiePrefix}${eventId}`;

export const accountSessionDays = 30;
export const participantCookieDays = 120;

/** Parses a Cookie header; the socket handshake has no framework to do it. */
export function parseCookieHeader(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const raw = part.slice(eq + 1).trim();
    try {
      cookies.set(name, decodeURIComponent(raw));
    } catch {
      cookies.set(name, raw);
    }
  }
  return cookies;
}
