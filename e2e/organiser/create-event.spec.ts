import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { createAccount, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";

test("an organiser creates an event from their dashboard", async ({ page, context }) => {
  const account = await createAccount("Ada Organiser");
  await signIn(context, account.id);
  const name = `Made in Brixton ${Date.now().toString(36)}`;

  await page.goto("/o");
  await expect(page.getByRole("heading", { name: "Create an event" })).toBeVisible();
  await expectAccessible(page);

  // A mistake first: what was typed stays, and each problem is named beside its field.
  await page.getByLabel("Event name").fill(name);
  await page.getByLabel("Where (optional)").fill("Brixton Library, London SW2");
  await page.getByLabel("Description (optional)").fill("Two days on making the high street work for everyone.");
  await page.getByLabel("Starts").fill("2027-05-14T18:00");
  await page.getByLabel("Ends").fill("2027-05-13T17:00");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByText("The end must be after the start.")).toBeVisible();
  await expect(page.getByLabel("Event name")).toHaveValue(name);
  await expect(page.getByLabel("Description (optional)")).toHaveValue("Two days on making the high street work for everyone.");
  await expectAccessible(page);

  await page.getByLabel("Ends").fill("2027-05-16T17:00");
  await page.getByRole("button", { name: "Create event" }).click();

  await expect(page).toHaveURL(/\/o\/made-in-brixton-[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByText("Friday 14 May, 6pm to Sunday 16 May 2027, 5pm · Brixton Library, London SW2")).toBeVisible();
  await expect(page.getByText("Draft", { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("join-code")).toHaveText(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Your events" }).first().click();
  await expect(page.getByRole("link", { name: new RegExp(name) })).toContainText("Organiser");
  await expectAccessible(page);
});

test("an event needs a name and dates", async ({ page, context }) => {
  const account = await createAccount();
  await signIn(context, account.id);
  await page.goto("/o");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByText("Give the event a name.")).toBeVisible();
  await expect(page.getByText("Say when the event starts.")).toBeVisible();
  await expect(page.getByText("Say when the event ends.")).toBeVisible();
  await expectAccessible(page);
});

test.describe("on a phone", () => {
  test.use(phone);

  test("the dashboard and its form fit the screen", async ({ page, context }) => {
    const account = await createAccount();
    await signIn(context, account.id);
    await page.goto("/o");
    await expect(page.getByRole("heading", { name: "Create an event" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);
  });
});
