/**
 * Renaming over and over, on a phone with JavaScript and on one without: five renames in ten
 * minutes go through (a typo or two fixed), the sixth is refused with the reason by the name,
 * and the name as typed stays in the box; nothing of that save is stored.
 */
import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { createEventFixture, joinAs } from "../support/fixtures";
import { phone } from "../support/viewports";

test.use(phone);

const refusal = "You've changed your name several times just now. Wait a few minutes, then save it again.";

async function renameTo(page: Page, slug: string, name: string) {
  await page.goto(`/p/${slug}/me`);
  await page.getByLabel("Your name").fill(name);
  await page.getByRole("button", { name: "Save changes" }).click();
}

async function sixRenames(context: BrowserContext) {
  const event = await createEventFixture();
  await joinAs(context, event.id, "Kai");
  const page = await context.newPage();
  for (const name of ["Kai O", "Kai Ok", "Kai Oka", "Kai Okaf", "Kai Okafor"]) {
    await renameTo(page, event.slug, name);
    // (With JavaScript the connection's "Live" is a status too.)
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  }
  await renameTo(page, event.slug, "Kai Okafor-Jones");
  await expect(page.getByRole("alert").filter({ hasText: refusal })).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveAccessibleDescription(new RegExp(refusal));
  await expect(page.getByLabel("Your name")).toHaveValue("Kai Okafor-Jones");
  // Nothing of that save was stored: the page drawn again has the fifth name.
  await page.goto(`/p/${event.slug}/me`);
  await expect(page.getByLabel("Your name")).toHaveValue("Kai Okafor");
}

test("a phone renaming a sixth time in ten minutes is told why, by the name, and keeps what was typed", async ({ browser }) => {
  const context = await browser.newContext(phone);
  await sixRenames(context);
  await context.close();
});

test("without JavaScript, the same refusal comes back with the name as typed", async ({ browser }) => {
  const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
  await sixRenames(context);
  await context.close();
});
