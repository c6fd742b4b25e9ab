import { type Browser, expect, type Page, test } from "@playwright/test";
import { addBoardFixture, addStaff, createEventFixture, joinAs, phonesOnBoard, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";

/** An ideas board open on a facilitator's console (a laptop), with these settings ticked there (none: not yet anonymous). */
async function boardOnConsole(browser: Browser, settings: string[] = []) {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { template: "ideas", title: "Where we feel unsafe" });
  const facilitator = await addStaff(event.id, "facilitator");
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(laptop, facilitator.id);
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}/b/${board.id}`);
  for (const setting of settings) {
    await console_.getByLabel(setting).check();
    await expect(console_.getByLabel(setting)).toBeChecked();
  }
  return { event, board, laptop, console_ };
}

test("once a note is written without names, the facilitator can no longer switch names on over it", async ({ browser }) => {
  const { event, board, laptop, console_ } = await boardOnConsole(browser);
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

test("on an anonymous board each phone still knows its own notes, and only its own, as the room changes them", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { event, board, laptop, console_ } = await boardOnConsole(browser, ["Anonymous"]);

  const phones = await phonesOnBoard(browser, event, board.id, ["Amira", "Ben"]);
  const [amira, ben] = phones.map((p) => p.page) as [Page, Page];
  for (const [page, text] of [
    [amira, "The underpass at night"],
    [amira, "The car park stairs"],
    [ben, "The bus stop"],
  ] as const) {
    await page.getByRole("textbox").first().fill(text);
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByTestId("note").filter({ hasText: text })).toBeVisible();
  }
  await expect(ben.getByTestId("note")).toHaveCount(3);
  await expect(amira.getByTestId("note")).toHaveCount(3);

  // The facilitator moves one of Amira's notes: the room's message about it names nobody, and
  // her phone still offers her edit on both of hers; Ben's, on his own only.
  await console_.getByRole("button", { name: "Move up: The car park stairs" }).press("Enter");
  await expect(amira.getByTestId("note").first()).toContainText("The car park stairs");
  await expect(amira.getByRole("button", { name: /Edit note/ })).toHaveCount(2);
  await expect(ben.getByRole("button", { name: /Edit note/ })).toHaveCount(1);
  await expect(ben.getByRole("button", { name: /Edit note: The bus stop/ })).toBeVisible();

  // And she can still change hers, which every screen follows.
  await amira.getByRole("button", { name: /Edit note: The car park stairs/ }).click();
  await amira.getByLabel("Edit your note").fill("The car park stairs after dark");
  await amira.getByRole("button", { name: "Save" }).click();
  await expect(ben.getByTestId("note").filter({ hasText: "The car park stairs after dark" })).toBeVisible();
  await expect(amira.getByRole("button", { name: /Edit note/ })).toHaveCount(2);

  await Promise.all([laptop.close(), ...phones.map((p) => p.context.close())]);
});

test("on an anonymous board hidden until the reveal, a note written on her phone is hers on her tablet too, words and all", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { event, board, laptop } = await boardOnConsole(browser, ["Anonymous", "Hidden until reveal"]);

  const phones = await phonesOnBoard(browser, event, board.id, ["Amira", "Ben"]);
  const [amira, ben] = phones.map((p) => p.page) as [Page, Page];
  // Her tablet: the same person (her phone's cookie), another screen on the same board.
  const tabletContext = await browser.newContext({ viewport: { width: 820, height: 1180 }, hasTouch: true });
  await tabletContext.addCookies(await phones[0]!.context.cookies());
  const tablet = await tabletContext.newPage();
  await tablet.goto(`/p/${event.slug}/b/${board.id}`);
  await expect(tablet.getByRole("button", { name: "Add note" })).toBeVisible();

  await amira.getByRole("textbox").first().fill("The underpass at night");
  await amira.getByRole("button", { name: "Add note" }).click();
  await expect(amira.getByTestId("note").filter({ hasText: "The underpass at night" })).toBeVisible();
  // The tablet reads her words and lets her change them; Ben's phone only counts it.
  await expect(tablet.getByTestId("note").filter({ hasText: "The underpass at night" })).toBeVisible();
  await expect(tablet.getByRole("button", { name: /Edit note: The underpass at night/ })).toBeVisible();
  await expect(ben.getByText(/^1 note from someone else is hidden/)).toBeVisible();
  await expect(ben.getByText("The underpass at night")).toHaveCount(0);

  // She changes it on the tablet: her phone follows, Ben's still reads nothing.
  await tablet.getByRole("button", { name: /Edit note: The underpass at night/ }).click();
  await tablet.getByLabel("Edit your note").fill("The underpass after six");
  await tablet.getByRole("button", { name: "Save" }).click();
  await expect(amira.getByTestId("note").filter({ hasText: "The underpass after six" })).toBeVisible();
  await expect(amira.getByRole("button", { name: /Edit note: The underpass after six/ })).toBeVisible();
  await expect(ben.getByText("The underpass after six")).toHaveCount(0);
  await tablet.screenshot({ path: "e2e/.artifacts/screenshots/anonymous-hidden-tablet.png" });

  await Promise.all([laptop.close(), tabletContext.close(), ...phones.map((p) => p.context.close())]);
});
