/**
 * Whether a handshake may proceed, judged by its Origin. Browsers always send Origin on a
 * cross-origin request, so a missing one is not a cross-site page riding on our cookies.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, publicUrl?: string): boolean {
  if (!origin) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (host && parsed.host === host) return true;
  if (publicUrl && parsed.origin === new URL(publicUrl).origin) return true;
  return false;
}
