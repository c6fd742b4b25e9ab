/**
 * A paste longer than a box's limit is never cut short (a `maxlength` drops its end without a
 * word): the box keeps all of it and says how far over it is, and the server's refusal names the
 * limit and gives it back whole to shorten. With and without JavaScript, and in a live form.
 */
import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { createAccount, createEventFixture, signIn } from "../support/fixtures";
import { briefsWithTeams } from "../teams/support";

const longName = `Made in Brixton: ${"a weekend on the high street and its markets, ".repeat(3)}`.trim();

test("an event name pasted past its limit stays whole, counted, and is refused with the limit named", async ({
  page,
  context,
}) => {
  expect(longName.length).toBeGreaterThan(120);
  const account = await createAccount("Paste organiser");
  await signIn(context, account.id);
  await page.goto("/o");
  const name = page.getByLabel("Event name");
  await name.fill(longName);
  await expect(name).toHaveValue(longName);
  await expect(page.getByText(`${longName.length - 120} characters too long`)).toBeVisible();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  // A screen reader hears it once the paste is in, not only when the box is focused again.
  await expect(page.getByTestId("announcer")).toHaveText(`Over the limit by ${longName.length - 120} characters`);
  await expectAccessible(page);
  await page.getByLabel("Starts").fill("2027-05-14T18:00");
  await page.getByLabel("Ends").fill("2027-05-16T17:00");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByText("Keep the name to 120 characters or fewer.")).toBeVisible();
  await expect(name).toHaveValue(longName);
  // Shortened, it goes through.
  await name.fill(longName.slice(0, 100));
  await expect(page.getByText(/characters too long/)).toHaveCount(0);
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByRole("heading", { level: 1, name: longName.slice(0, 100).trim() })).toBeVisible();
});

test("without JavaScript, a name past its limit is posted whole and comes back whole with the refusal", async ({ browser }) => {
  const account = await createAccount("No-script organiser");
  const context = await browser.newContext({ javaScriptEnabled: false });
  await signIn(context, account.id);
  const page = await context.newPage();
  await page.goto("/o");
  const name = page.getByLabel("Event name");
  await name.fill(longName);
  await expect(name).toHaveValue(longName);
  await page.getByLabel("Starts").fill("2027-05-14T18:00");
  await page.getByLabel("Ends").fill("2027-05-16T17:00");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByText("Keep the name to 120 characters or fewer.")).toBeVisible();
  await expect(page.getByLabel("Event name")).toHaveValue(longName);
  await context.close();
});

test("a team name pasted past its limit in the live console is kept whole and refused with the limit named", async ({
  browser,
}) => {
  const event = await createEventFixture();
  await briefsWithTeams(event.id, ["Healthwatch"]);
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(laptop, event.organiser.id);
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}`);
  const typed = "The neighbourhood's very own team for greener streets and safer crossings";
  expect(typed.length).toBeGreaterThan(60);
  const newName = console_.getByLabel("New team's name");
  await newName.fill(typed);
  await expect(newName).toHaveValue(typed);
  await expect(console_.getByText(`${typed.length - 60} characters too long`)).toBeVisible();
  await console_.getByRole("button", { name: "Add team" }).click();
  await expect(console_.locator("#teams").getByRole("alert").filter({ hasText: "60 characters or fewer" })).toBeVisible();
  await expect(newName).toHaveValue(typed);
  await laptop.close();
});
