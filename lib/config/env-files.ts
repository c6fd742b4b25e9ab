import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv as parseDotenv } from "node:util";

export type SettingSource = "environment" | ".env" | ".env.local";

/** Read in this order; the first to set a variable wins, and the real environment beats both. */
const envFiles = [".env.local", ".env"] as const;

/**
 * Copies the variables of `.env.local` and `.env` in `dir` into `target` where the environment
 * does not already set them (so systemd's or the shell's values always win), and says where each
 * variable came from. Next.js reads the same files later and, finding them set, changes nothing.
 */
export function loadEnvFiles(dir: string = process.cwd(), target: NodeJS.ProcessEnv = process.env) {
  const sources = new Map<string, SettingSource>();
  for (const key of Object.keys(target)) sources.set(key, "environment");
  for (const file of envFiles) {
    const path = join(dir, file);
    if (!existsSync(path)) continue;
    for (const [key, value] of Object.entries(parseDotenv(readFileSync(path, "utf8")))) {
      if (sources.has(key)) continue;
      target[key] = value;
      sources.set(key, file);
    }
  }
  return sources;
}
