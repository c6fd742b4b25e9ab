import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/**
 * Where Chromium is: $CHROMIUM_PATH, else Playwright's own download (a developer's laptop),
 * else the system's (Debian's `chromium` package, installed by scripts/ensure-browser.sh).
 * `undefined` means "let Playwright use its own".
 */
export function chromiumExecutable(): string | undefined {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // Playwright has no browser of its own here
  }
  return ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].find((p) => existsSync(p));
}

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];
