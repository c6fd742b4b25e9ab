import type { Env } from "./env";
import type { SettingSource } from "./env-files";

/** Never printed: only whether they are set, and where from. */
const secrets = new Set(["SESSION_SECRET", "DATABASE_AUTH_TOKEN", "OIDC_CLIENT_SECRET", "METRICS_TOKEN"]);

/** A URL without its password, token or query (libsql and redis URLs may carry credentials). */
function withoutCredentials(value: string): string {
  try {
    const url = new URL(value);
    if (!url.password && !url.username && !url.search) return value;
    if (url.password) url.password = "***";
    if (url.username) url.username = "***";
    url.search = "";
    return url.toString();
  } catch {
    // Not a URL this can read (a password with '#' in it, say): whatever stands before an '@'
    // may be credentials, so it is hidden rather than printed as typed.
    return value.includes("@") ? value.replace(/^([a-z][a-z0-9+.-]*:\/\/)?.*@/i, "$1***@") : value;
  }
}

/**
 * One entry per setting: its effective value (secrets hidden) and where it came from
 * (environment, .env.local, .env, or the default), for the start-up log line.
 */
export function configSummary(env: Env, sources: ReadonlyMap<string, SettingSource>) {
  const summary: Record<string, { value: string; source: string }> = {};
  for (const [key, raw] of Object.entries(env)) {
    if (raw === undefined) continue;
    const source = sources.get(key) ?? (key === "SESSION_SECRET" ? "generated file" : "default");
    const text = String(raw);
    const value = secrets.has(key) ? "(set)" : key.endsWith("_URL") ? withoutCredentials(text) : text;
    summary[key] = { value, source };
  }
  return summary;
}
