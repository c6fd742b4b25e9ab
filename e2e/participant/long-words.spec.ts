import { expect, type Page, test } from "@playwright/test";
import { createEventFixture, joinAs } from "../support/fixtures";
import { phone } from "../support/viewports";

/** How far the page is wider than the screen: a phone then scrolls sideways and cuts text off. */
const sidewaysOverflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test("a name typed as one long word wraps on a phone instead of widening the page", async ({ browser }) => {
  const event = await createEventFixture();
  const context = await browser.newContext(phone);
  // 40 letters is the longest name the join form takes.
  const name = "Wielkiewiczkowskaaaaaaaaaaaaaaaaaaaaaaa";
  await joinAs(context, event.id, name);
  const page = await context.newPage();

  await page.goto(`/p/${event.slug}/me?welcome=1`);
  await expect(page.getByRole("heading", { name: `You're in, ${name}!` })).toBeVisible();
  expect(await sidewaysOverflow(page)).toBe(0);

  await page.goto(`/p/${event.slug}`);
  await expect(page.getByRole("heading", { name: `Hello, ${name}` })).toBeVisible();
  expect(await sidewaysOverflow(page)).toBe(0);
});
