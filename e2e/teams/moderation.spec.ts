import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { boards } from "@/db/schema";
import { expectAccessible } from "../support/a11y";
import { addBoardFixture, createEventFixture, db, joinAs, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";

/**
 * Issue 24, items 2 and 3: staff see how many notes each person wrote, delete all of one
 * person's notes, and take someone out of the event (the same path as leaving); each asks first.
 * The removed person's open phone is cut off at once.
 */
test("staff clear one person's notes and take them out of the event; their phone is cut off", async ({ browser }) => {
  // A console and two phones: on a busy 2-core machine this takes over a minute.
  test.setTimeout(150_000);
  const event = await createEventFixture();
  const phoneContext = await browser.newContext(phone);
  await joinAs(phoneContext, event.id, "Flooder Fred");
  const fred = await phoneContext.newPage();
  await fred.goto(`/p/${event.slug}`);
  for (const text of ["Spam one", "Spam two", "Spam three"]) {
    await fred.getByLabel("Your note").fill(text);
    await fred.getByRole("button", { name: "Add note" }).click();
    await expect(fred.getByTestId("note").filter({ hasText: text })).toBeVisible();
  }

  const laptop = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(laptop, event.organiser.id);
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}`);
  const people = console_.getByTestId("people-moderation");
  const row = people.getByRole("listitem").filter({ hasText: "Flooder Fred" });
  await expect(row).toContainText("3 notes");
  await expectAccessible(console_);

  await row.getByRole("button", { name: "Delete notes… by Flooder Fred" }).click();
  await expect(row).toContainText("Delete all 3 notes by Flooder Fred?");
  await console_.screenshot({ path: "e2e/.artifacts/moderation-1280.png", fullPage: true });
  await row.getByRole("button", { name: "Yes, delete them" }).click();
  await expect(console_.getByRole("status").filter({ hasText: "Deleted 3 notes by Flooder Fred." })).toBeVisible();
  // The phone's board drops them at once.
  await expect(fred.getByTestId("note").filter({ hasText: "Spam" })).toHaveCount(0);

  await row.getByRole("button", { name: "Remove… Flooder Fred" }).click();
  await row.getByRole("button", { name: "Cancel" }).click();
  await expect(fred.locator('output[data-status="online"]')).toBeVisible();
  await row.getByRole("button", { name: "Remove… Flooder Fred" }).click();
  await row.getByRole("button", { name: "Yes, remove Flooder Fred" }).click();
  await expect(console_.getByRole("status").filter({ hasText: "Flooder Fred has been taken out of the event." })).toBeVisible();

  await expect(fred.locator('output[data-status="refused"]')).toContainText("taken out of this event");
  await fred.reload();
  await expect(fred).toHaveURL(new RegExp(`/j/${event.joinCode}$`));

  await phoneContext.close();
  await laptop.close();
});

test("on an anonymous board nobody's count moves, and clearing someone's notes still takes theirs there", async ({ browser }) => {
  test.setTimeout(120_000);
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { template: "ideas", title: "Where we feel unsafe" });
  await (await db()).transact((tx) => tx.update(boards).set({ anonymous: true }).where(eq(boards.id, board.id)));

  const laptop = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(laptop, event.organiser.id);
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}`);
  const phoneContext = await browser.newContext(phone);
  await joinAs(phoneContext, event.id, "Flooder Fred");
  const fred = await phoneContext.newPage();
  await fred.goto(`/p/${event.slug}/b/${board.id}`);
  const row = console_.getByTestId("people-moderation").getByRole("listitem").filter({ hasText: "Flooder Fred" });
  await expect(row).toContainText("0 notes");

  for (const text of ["Spam one", "Spam two"]) {
    await fred.getByRole("textbox").first().fill(text);
    await fred.getByRole("button", { name: "Add note" }).click();
    await expect(fred.getByTestId("note").filter({ hasText: text })).toBeVisible();
  }
  await console_.getByRole("button", { name: "Refresh counts" }).click();
  // Refreshed, the list knows the event has unsigned notes (the button was off at 0 notes), and
  // the count, which would say whose they are, stays at 0.
  await row.getByRole("button", { name: "Delete notes… by Flooder Fred" }).click();
  await expect(row).toContainText("Delete the notes by Flooder Fred: any on anonymous boards or maps?");
  await expect(row).toContainText("0 notes");
  await expect(
    console_.getByText("The counts leave out notes on anonymous boards and young people's pins on maps"),
  ).toBeVisible();
  await console_.screenshot({ path: "e2e/.artifacts/moderation-anonymous-1280.png", fullPage: true });
  await row.getByRole("button", { name: "Yes, delete them" }).click();
  await expect(console_.getByRole("status").filter({ hasText: "Deleted 2 notes by Flooder Fred." })).toBeVisible();
  await expect(fred.getByTestId("note").filter({ hasText: "Spam" })).toHaveCount(0);

  await phoneContext.close();
  await laptop.close();
});

test("the console's counts follow notes written after it opened, so a flood shows without pressing Refresh", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const phoneContext = await browser.newContext(phone);
  await joinAs(phoneContext, event.id, "Flooder Fred");
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(laptop, event.organiser.id);
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}`);
  const row = console_.getByTestId("people-moderation").getByRole("listitem").filter({ hasText: "Flooder Fred" });
  await expect(row).toContainText("0 notes");

  const fred = await phoneContext.newPage();
  await fred.goto(`/p/${event.slug}`);
  for (const text of ["Spam one", "Spam two"]) {
    await fred.getByLabel("Your note").fill(text);
    await fred.getByRole("button", { name: "Add note" }).click();
    await expect(fred.getByTestId("note").filter({ hasText: text })).toBeVisible();
  }
  await expect(row).toContainText("2 notes");
  await expect(row.getByRole("button", { name: "Delete notes… by Flooder Fred" })).toBeEnabled();

  await phoneContext.close();
  await laptop.close();
});
