import { expect, test } from "@playwright/test";
import { addBoardFixture, addStaff, createEventFixture, joinAs, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";

test("once a note is written without names, the facilitator can no longer switch names on over it", async ({ browser }) => {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { template: "ideas", title: "Where we feel unsafe" });
  const facilitator = await addStaff(event.id, "facilitator");
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(laptop, facilitator.id);
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}/b/${board.id}`);
  const anonymous = console_.getByLabel("Anonymous");
  await anonymous.check();
  await expect(anonymous).toBeChecked();
  await expect(anonymous).toBeEnabled();

  const handset = await browser.newContext(phone);
  await joinAs(handset, event.id, "Amira");
  const page = await handset.newPage();
  await page.goto(`/p/${event.slug}/b/${board.id}`);
  await page.getByRole("textbox").first().fill("The underpass at night");
  await page.getByRole("button", { name: "Add note" }).click();

  // The laptop follows the room: the setting locks as soon as the unsigned note is on the board.
  await expect(anonymous).toBeDisabled();
  await expect(anonymous).toBeChecked();
  await expect(console_.getByText("Notes here were written without names, so it stays anonymous.")).toBeVisible();
  await expect(page.getByTestId("note").filter({ hasText: "The underpass at night" })).toHaveCount(1);
  await laptop.close();
  await handset.close();
});
