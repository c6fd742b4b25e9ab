import { expect, type Page, test } from "@playwright/test";
import { addBoardFixture, addStaff, createEventFixture, joinAs, signIn } from "../support/fixtures";
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

test("a note typed as one long word wraps inside its card on the facilitator's board", async ({ browser }) => {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { template: "ideas" });
  const mobile = await browser.newContext(phone);
  await joinAs(mobile, event.id, "Amira");
  const phonePage = await mobile.newPage();
  await phonePage.goto(`/p/${event.slug}/b/${board.id}`);
  const text = "A".repeat(280);
  await phonePage.getByLabel("Your note").fill(text);
  await phonePage.getByRole("button", { name: /^Add note/ }).click();

  const facilitator = await addStaff(event.id, "facilitator");
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(laptop, facilitator.id);
  const page = await laptop.newPage();
  await page.goto(`/f/${event.slug}/b/${board.id}`);
  const note = page.getByTestId("wall-note").filter({ hasText: text });
  await expect(note).toBeVisible();
  // Every letter stays inside the card: none is cut off at its edge.
  const cut = await note.getByText(text).evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(cut).toBe(0);
  const [card, words] = await Promise.all([note.boundingBox(), note.getByText(text).boundingBox()]);
  expect((words?.x ?? 0) + (words?.width ?? 0)).toBeLessThanOrEqual((card?.x ?? 0) + (card?.width ?? 0));
});
