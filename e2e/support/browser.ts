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

/**
 * Playwright's own `--disable-features` list (playwright-core 1.65's `chromiumSwitches`). Chromium
 * reads only the last `--disable-features` on its command line, so adding features to it means
 * passing Playwright's list again; `browser.test.ts` fails when a Playwright upgrade adds one.
 */
export const playwrightDisabledFeatures = [
  "AvoidUnnecessaryBeforeUnloadCheckSync",
  "DestroyProfileOnBrowserClose",
  "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable",
  "LensOverlay",
  "MediaRouter",
  "PaintHolding",
  "ThirdPartyStoragePartitioning",
  "AvoidCorsURLLoaderRestartOnRedirect",
  "TcpPortRandomizationWin",
  "OptimizationHints",
  "NetworkTimeServiceQuerying",
  "AimEnabled",
  "PreconnectToSearch",
  "msForceBrowserSignIn",
  "msEdgeUpdateLaunchServicesPreferredVersion",
];

/**
 * Chromium 156 draws its omnibox popup as a web page (chrome://omnibox-popup.top-chrome) and
 * loads it, ~80 modules, in its own renderer for every new window, headless ones included: about
 * 0.6 s of CPU per browser context here, more than a test page's own renderer spends. On two cores
 * it ran beside every page under test and doubled the phone benchmark's times (the bare page's LCP
 * 272 → 592 ms). Nothing here uses the address bar.
 */
export const omniboxPopupFeatures = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup"];

export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
  `--disable-features=${[...playwrightDisabledFeatures, ...omniboxPopupFeatures].join(",")}`,
];
