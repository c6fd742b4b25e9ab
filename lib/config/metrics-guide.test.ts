import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { metricsHostDefault } from "./operations-env";

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");

/**
 * The operations guide and the README say where /metrics is; an IT team copies them. A guide that
 * scrapes another machine without setting METRICS_HOST leaves them with a Prometheus that can't
 * reach it, and the quick fix people reach for (METRICS_HOST=0.0.0.0) puts the token-less port
 * on the internet.
 */
describe("the metrics part of the guides", () => {
  it("the README gives the default METRICS_HOST the server uses: this machine only", () => {
    expect(metricsHostDefault).toBe("127.0.0.1");
    const row = read("README.md")
      .split("\n")
      .find((line) => line.startsWith("| `METRICS_PORT`, `METRICS_HOST`"));
    expect(row).toContain(`\`${metricsHostDefault}\``);
  });

  it("every scrape target in the Debian guide is on this machine, or on a METRICS_HOST the guide sets", () => {
    const guide = read("docs/deploy/debian.md");
    const targets = [...guide.matchAll(/targets: \["([^"\]]+):9464"\]/g)].map((m) => m[1]);
    expect(targets.length).toBeGreaterThan(0);
    const setHosts = [...guide.matchAll(/METRICS_HOST=([\w.:-]+)/g)].map((m) => m[1]);
    for (const host of targets) {
      expect(host === metricsHostDefault || setHosts.includes(host), `scrape target ${host}`).toBe(true);
    }
    expect(setHosts).not.toContain("0.0.0.0");
  });
});
