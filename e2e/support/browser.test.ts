import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { chromiumArgs, omniboxPopupFeatures, playwrightDisabledFeatures } from "./browser";

/** The `disabledFeatures = [ … ]` array of the installed playwright-core, read from its bundle. */
function installedPlaywrightDisabledFeatures(): string[] {
  const root = dirname(createRequire(import.meta.url).resolve("playwright-core/package.json"));
  const bundle = readFileSync(join(root, "lib", "coreBundle.js"), "utf8");
  const list = /disabledFeatures = \[([\s\S]*?)\]\.filter/.exec(bundle);
  if (!list) throw new Error("playwright-core's disabledFeatures list was not found: check chromiumSwitches by hand");
  return [...list[1]!.matchAll(/^\s*"([A-Za-z0-9]+)"/gm)].map((m) => m[1]!);
}

describe("Chromium's command line", () => {
  it("keeps every feature Playwright disables, since only the last --disable-features counts", () => {
    const installed = installedPlaywrightDisabledFeatures();
    expect(installed.length).toBeGreaterThan(5);
    expect(playwrightDisabledFeatures).toEqual(expect.arrayContaining(installed));
  });

  it("passes one --disable-features, with the omnibox popup's page turned off", () => {
    const switches = chromiumArgs.filter((a) => a.startsWith("--disable-features="));
    expect(switches).toHaveLength(1);
    const features = switches[0]!.slice("--disable-features=".length).split(",");
    expect(features).toEqual(expect.arrayContaining([...playwrightDisabledFeatures, ...omniboxPopupFeatures]));
  });
});
