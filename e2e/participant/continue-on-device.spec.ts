import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { createEventFixture, joinAs } from "../support/fixtures";
import { phone } from "../support/viewports";

test("a participant moves to a new phone with their personal link and keeps their identity", async ({ browser }) => {
  const event = await createEventFixture();
  const oldPhone = await browser.newContext(phone);
  await joinAs(oldPhone, event.id, "Kofi");
  const page = await oldPhone.newPage();

  await page.goto(`/p/${event.slug}`);
  await page.getByLabel("Your note").fill("Written on my old phone");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByTestId("note").filter({ hasText: "Written on my old phone" })).toBeVisible();

  await page.getByRole("link", { name: /Continue on another device/ }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Show my personal link" }).click();
  const link = (await page.getByTestId("device-link").textContent())?.trim() ?? "";
  expect(link).toMatch(/\/c\/[A-Za-z0-9_-]{20,}$/);
  await expect(page.getByRole("img", { name: "QR code of your personal link" })).toBeVisible();
  await expectAccessible(page);

  const newPhone = await browser.newContext(phone);
  const second = await newPhone.newPage();
  await second.goto(new URL(link).pathname);
  await expect(second).toHaveURL(new RegExp(`/p/${event.slug}$`));
  await expect(second.getByRole("heading", { name: "Hello, Kofi" })).toBeVisible();
  // The note from the old phone is theirs on the new one too.
  await expect(second.getByTestId("note").filter({ hasText: "Written on my old phone" }).getByText("You")).toBeVisible();

  // A link made later switches the earlier one off.
  await page.getByRole("link", { name: "← Back to the room" }).click();
  await page.getByRole("link", { name: /Continue on another device/ }).click();
  await page.getByRole("button", { name: "Show my personal link" }).click();
  await expect(page.getByTestId("device-link")).not.toHaveText(link);
  const third = await (await browser.newContext(phone)).newPage();
  await third.goto(new URL(link).pathname);
  await expect(third).toHaveURL(/\/j\?expired=1$/);

  await oldPhone.close();
  await newPhone.close();
});
