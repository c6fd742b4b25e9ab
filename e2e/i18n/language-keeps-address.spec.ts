/**
 * Choosing a language comes back to the same address, query and all: the sign-in page still leads
 * where it was going, and the "about you" step after joining stays the welcome. With JavaScript and
 * without (a phone that tapped before the page's script ran).
 */
import { expect, type Page, test } from "@playwright/test";
import { createEventFixture, joinAs } from "../support/fixtures";
import { phone } from "../support/viewports";

test.use(phone);

/** Taps a language: in the page's own picker, or in the header's menu, opened first. */
async function choose(page: Page, language: string) {
  const menu = page.getByTestId("language-menu");
  if (await menu.isVisible()) await menu.locator("summary").click();
  const picker = (await menu.isVisible()) ? menu : page.getByTestId("language-picker").first();
  await picker.getByRole("button", { name: language, exact: true }).click();
}

for (const javaScriptEnabled of [true, false]) {
  test(`a language chosen keeps the page's query (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async ({ browser }) => {
    const context = await browser.newContext({ ...phone, javaScriptEnabled });
    const page = await context.newPage();

    await page.goto("/signin?next=%2Fo%2Fmade-in-lambeth");
    await choose(page, "Español");
    await expect(page.locator("html")).toHaveAttribute("lang", "es");
    expect(new URL(page.url()).pathname).toBe("/signin");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/o/made-in-lambeth");

    const event = await createEventFixture();
    await joinAs(context, event.id, "Yara", null);
    await page.goto(`/p/${event.slug}/me?welcome=1`);
    await choose(page, "English");
    await expect(page.locator("html")).toHaveAttribute("lang", "en-GB");
    await expect(page).toHaveURL(new RegExp(`/p/${event.slug}/me\\?welcome=1$`));
    await expect(page.getByRole("heading", { name: "You're in, Yara!" })).toBeVisible();
    await context.close();
  });
}
