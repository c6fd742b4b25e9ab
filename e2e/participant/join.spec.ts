import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { createEventFixture, setEventStatus } from "../support/fixtures";
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

  // The "about you" step is optional: one tap skips it.
  await expect(page).toHaveURL(new RegExp(`/p/${event.slug}/me\\?welcome=1$`));
  await expect(page.getByRole("heading", { name: "You're in, Amara!" })).toBeVisible();
  await page.getByRole("link", { name: "Skip for now" }).click();

  await expect(page).toHaveURL(new RegExp(`/p/${event.slug}$`));
  await expect(page.getByRole("heading", { name: "Hello, Amara" })).toBeVisible();
  await expect(page.getByTestId("people-here")).toHaveText("1");
  await expect(page.locator('[data-status="online"]')).toBeVisible();
  // After a client-side navigation the new page's <title> streams in a moment later.
  await expect(page).toHaveTitle(/In the room/);
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

test("a finished (archived) event's code says the event has finished", async ({ page }) => {
  const event = await createEventFixture();
  await setEventStatus(event.id, "archived");

  await page.goto("/j");
  await page.getByLabel("Join code").fill(event.joinCode);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("That event has finished, so it isn't taking new people.")).toBeVisible();
  await expectAccessible(page);

  // The join link itself (an old QR code) says the same, and offers the code field.
  await page.goto(`/j/${event.joinCode}`);
  await expect(page.getByRole("heading", { name: `${event.name} has finished` })).toBeVisible();
  await expect(page.getByLabel("What should people call you?")).toHaveCount(0);
  await expectAccessible(page);
});

test("a name that is too long is refused at the field", async ({ page }) => {
  const event = await createEventFixture();
  await page.goto(`/j/${event.joinCode}`);
  const name = page.getByLabel("What should people call you?");
  // Nothing is cut silently as you type (issue 22): the field says the limit and keeps what was typed…
  await expect(name).not.toHaveAttribute("maxlength", /.*/);
  await expect(page.getByText("up to 40 characters")).toBeVisible();
  // …and the server refuses a longer one with a reason.
  await name.fill("x".repeat(41));
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByText("Keep your name to 40 characters or fewer.")).toBeVisible();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveValue("x".repeat(41));
  await expect(page).toHaveURL(new RegExp(`/j/${event.joinCode}$`));
  await expectAccessible(page);
});
