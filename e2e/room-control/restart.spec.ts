import { expect, test } from "@playwright/test";
import { createEventFixture, joinAs, signIn } from "../support/fixtures";
import { ownServer } from "../support/own-server";
import { phone, projector } from "../support/viewports";

// A second server of our own on the shared test database, so restarting it disturbs no other test.
const own = ownServer(68);
const base = own.base;

test("the big screen and phones reconnect by themselves after the server restarts, and carry on", async ({ browser }) => {
  test.setTimeout(180_000);
  await own.start();
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

    await own.kill();
    await expect(screen.locator('[data-status="connecting"]')).toBeVisible();
    // Written while the server is down: it waits on the phone.
    await handset.getByLabel("Your note").fill("Written while the server was down");
    await handset.getByRole("button", { name: /^Add note/ }).click();
    await expect(handset.getByTestId("pending-note")).toBeVisible();

    await own.start();
    await expect(screen.locator('[data-status="online"]')).toBeVisible({ timeout: 30_000 });
    await expect(handset.locator('[data-status="online"]')).toBeVisible({ timeout: 30_000 });
    await expect(handset.getByTestId("note").filter({ hasText: "Written while the server was down" })).toHaveCount(1);
    await expect(screen.getByText("Written while the server was down")).toBeVisible();
    await Promise.all([laptop.close(), handsetContext.close()]);
  } finally {
    await own.kill();
  }
});
