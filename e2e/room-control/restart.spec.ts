import { type ChildProcess, spawn } from "node:child_process";
import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl } from "../support/config";
import { createEventFixture, joinAs, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";

// A second server of our own on the shared test database, so restarting it disturbs no other test.
const port = 3399;
const base = `http://127.0.0.1:${port}`;

function startOwnServer(): Promise<ChildProcess> {
  // One process (node with tsx's loader), so killing it kills the server and nothing is orphaned.
  const child = spawn(process.execPath, ["--import", "tsx", "e2e/support/e2e-server.ts"], {
    env: { ...process.env, PORT: String(port), E2E_SHARED_DATABASE_URL: e2eDatabaseUrl, NODE_ENV: "production" },
    stdio: "ignore",
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 90_000;
    const poll = async () => {
      try {
        if ((await fetch(`${base}/healthz`)).ok) return resolve(child);
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) return reject(new Error("own server did not start"));
      setTimeout(poll, 250);
    };
    void poll();
  });
}

function stop(child: ChildProcess) {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGKILL"); // a crash, not a polite shutdown
  });
}

test("the big screen and phones reconnect by themselves after the server restarts, and carry on", async ({ browser }) => {
  test.setTimeout(180_000);
  let server = await startOwnServer();
  try {
    const event = await createEventFixture();
    const laptop = await browser.newContext({ ...projector, baseURL: base });
    await signIn(laptop, event.organiser.id);
    const screen = await laptop.newPage();
    await screen.goto(`${base}/s/${event.slug}`);
    await expect(screen.locator('[data-status="online"]')).toBeVisible();

    const handsetContext = await browser.newContext({ ...phone, baseURL: base });
    await joinAs(handsetContext, event.id, "Ola");
    const handset = await handsetContext.newPage();
    await handset.goto(`${base}/p/${event.slug}`);
    await expect(handset.locator('[data-status="online"]')).toBeVisible();
    await expect(handset.getByLabel("Your note")).toBeVisible();

    await stop(server);
    await expect(screen.locator('[data-status="connecting"]')).toBeVisible();
    // Written while the server is down: it waits on the phone.
    await handset.getByLabel("Your note").fill("Written while the server was down");
    await handset.getByRole("button", { name: /^Add note/ }).click();
    await expect(handset.getByTestId("pending-note")).toBeVisible();

    server = await startOwnServer();
    await expect(screen.locator('[data-status="online"]')).toBeVisible({ timeout: 30_000 });
    await expect(handset.locator('[data-status="online"]')).toBeVisible({ timeout: 30_000 });
    await expect(handset.getByTestId("note").filter({ hasText: "Written while the server was down" })).toHaveCount(1);
    await expect(screen.getByText("Written while the server was down")).toBeVisible();
    await Promise.all([laptop.close(), handsetContext.close()]);
  } finally {
    await stop(server);
  }
});
