/**
 * A phone with JavaScript off (a locked-down browser, a data saver) can still join through the
 * forms, but nothing live can open there. The room's pages say so and how to fix it, instead of
 * "Waiting for the connection…" forever; with JavaScript on, that notice is never shown.
 */
import { expect, test } from "@playwright/test";
import { addBoardFixture, createEventFixture } from "../support/fixtures";
import { phone } from "../support/viewports";

const notice = "The live parts of this page need JavaScript, so they can't open.";

test("a phone without JavaScript joins through the forms and is told the live parts need it", async ({ browser }) => {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { title: "Ideas for the park" });
  const off = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const page = await off.newPage();

  await page.goto(`/j/${event.joinCode}`);
  await page.getByLabel("What should people call you?").fill("Noor");
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByRole("heading", { name: "You're in, Noor!" })).toBeVisible();
  await page.getByRole("link", { name: "Skip for now" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${event.slug}$`));
  await expect(page.getByRole("alert").filter({ hasText: notice })).toBeVisible();
  await page.screenshot({ path: "test-results/screenshots/no-javascript-home-390.png" });

  await page.goto(`/p/${event.slug}/b/${board.id}`);
  await expect(page.getByRole("alert").filter({ hasText: notice })).toBeVisible();
  const cookies = await off.cookies();
  await off.close();

  // The same phone with JavaScript on: the board opens live, and the notice is nowhere.
  const on = await browser.newContext(phone);
  await on.addCookies(cookies);
  const live = await on.newPage();
  await live.goto(`/p/${event.slug}/b/${board.id}`);
  await expect(live.getByRole("heading", { name: "Ideas for the park", level: 1 })).toBeVisible();
  await expect(live.locator('[data-status="online"]')).toBeVisible();
  await expect(live.getByText(notice)).toBeHidden();
  await on.close();
});
