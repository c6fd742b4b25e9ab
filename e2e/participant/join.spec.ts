import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { createEventFixture } from "../support/fixtures";
import { phone } from "../support/viewports";

test.use(phone);

test("a participant joins by typing the code on a phone and lands in the room", async ({ page }) => {
  const event = await createEventFixture();

  await page.goto("/j");
  await expectAccessible(page);
  await page.getByLabel("Join code").fill(`${event.joinCode.slice(0, 3).toLowerCase()}-${event.joinCode.slice(3)}`);
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.getByRole("heading", { name: event.name })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("What should people call you?").fill("Amara");
  await page.getByRole("button", { name: "Join" }).click();

  await expect(page).toHaveURL(new RegExp(`/p/${event.slug}$`));
  await expect(page.getByRole("heading", { name: "Hello, Amara" })).toBeVisible();
  await expect(page.getByTestId("people-here")).toHaveText("1");
  await expect(page.locator('[data-status="online"]')).toBeVisible();
  await expectAccessible(page);

  // Coming back to the join link on the same phone goes straight to the room.
  await page.goto(`/j/${event.joinCode}`);
  await expect(page).toHaveURL(new RegExp(`/p/${event.slug}$`));
});

test("a wrong code and an empty name get clear messages and keep what was typed", async ({ page }) => {
  const event = await createEventFixture();

  await page.goto("/j");
  await page.getByLabel("Join code").fill("ZZZ-999");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("We couldn't find an event with that code")).toBeVisible();
  await expect(page.getByLabel("Join code")).toHaveValue("ZZZ-999");
  await expectAccessible(page);

  await page.goto(`/j/${event.joinCode}`);
  await page.getByLabel("What should people call you?").fill("   ");
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByText("Tell us what to call you.")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/j/${event.joinCode}$`));
});
