import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, chromiumExecutable } from "./e2e/support/browser";
import { e2eBaseUrl, e2eDatabaseUrl, e2ePort } from "./e2e/support/config";

const executablePath = chromiumExecutable();

export default defineConfig({
  testDir: "e2e",
  // Browser tests are *.spec.ts; *.test.ts under e2e/ are Vitest unit tests of the test support.
  testMatch: "**/*.spec.ts",
  outputDir: `e2e/.artifacts/results-${e2ePort}`,
  forbidOnly: !!process.env.CI,
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // Generous: a 2-core CI machine runs the server, Next and several browsers at once, and a
  // test with three phones, a console and a projector spends a minute just driving them.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: e2eBaseUrl,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: { executablePath, args: chromiumArgs },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: { executablePath, args: chromiumArgs } } }],
  webServer: {
    command: "npx tsx e2e/support/e2e-server.ts",
    url: `${e2eBaseUrl}/healthz`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    env: {
      PORT: String(e2ePort),
      DATABASE_URL: e2eDatabaseUrl,
      UPLOAD_DIR: `e2e/.artifacts/uploads-${e2ePort}`,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      // As behind one reverse proxy: tests stand in for several addresses with X-Forwarded-For
      // (e2e/organiser/sign-in-lockout.spec.ts). Without the header the peer address counts.
      TRUST_PROXY_HOPS: "1",
      // The accented pseudo-locale (lib/i18n/pseudo.ts) that e2e/i18n/every-language.spec.ts reads every page in.
      MADEIN_PSEUDO_LOCALE: "1",
    },
  },
});
