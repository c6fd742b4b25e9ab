import { expect, type Page, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { boards } from "@/db/schema";
import { addBoardFixture, createEventFixture, db, joinAs } from "../support/fixtures";
import { phone } from "../support/viewports";

/** Opens a page and waits until it is connected: it has heard the room once (its first event on the socket). */
async function openConnected(page: Page, url: string) {
  const heard = new Promise<void>((resolve) =>
    page.on("websocket", (ws) =>
      ws.on("framereceived", (frame) => {
        if (String(frame.payload).startsWith("42")) resolve();
      }),
    ),
  );
  await page.goto(url);
  await heard;
}

test("a name changed on one device shows on the person's other device without a reload, even on their notes the room can't read yet", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { title: "Our street", template: "ideas" });
  await (await db()).transact((tx) => tx.update(boards).set({ hiddenUntilReveal: true }).where(eq(boards.id, board.id)));

  // One person, two devices: a phone and a tablet signed in as the same participant.
  const phoneContext = await browser.newContext(phone);
  await joinAs(phoneContext, event.id, "Kai Oldname");
  const tabletContext = await browser.newContext({ viewport: { width: 820, height: 1180 } });
  await tabletContext.addCookies(await phoneContext.cookies());
  const [onPhone, tablet, tabletHome] = await Promise.all([
    phoneContext.newPage(),
    tabletContext.newPage(),
    tabletContext.newPage(),
  ]);

  await tablet.goto(`/p/${event.slug}/b/${board.id}`);
  await tablet.getByLabel("Your note").fill("A bench by the bus stop");
  await tablet.getByRole("button", { name: /^Add note/ }).click();
  const mine = tablet.getByTestId("note").filter({ hasText: "A bench by the bus stop" });
  await expect(mine).toContainText("Kai Oldname");
  await tabletHome.goto(`/p/${event.slug}`);
  await expect(tabletHome.getByTestId("hello")).toHaveText("Hello, Kai Oldname");
  // Both of the tablet's pages are connected before the rename.
  await expect(tablet.locator('output[data-status="online"]')).toBeVisible();
  await expect(tabletHome.locator('output[data-status="online"]')).toBeVisible();

  await onPhone.goto(`/p/${event.slug}/me`);
  await onPhone.getByLabel("Your name").fill("Kai Newname");
  await onPhone.getByRole("button", { name: "Save changes" }).click();
  await expect(onPhone.getByText("Saved.")).toBeVisible();

  // The tablet follows, with what it shows kept: the note, its text, the greeting.
  await expect(mine).toContainText("Kai Newname");
  await expect(mine).not.toContainText("Kai Oldname");
  await expect(mine).toContainText("A bench by the bus stop");
  await expect(tabletHome.getByTestId("hello")).toHaveText("Hello, Kai Newname");

  await Promise.all([phoneContext.close(), tabletContext.close()]);
});

test("an 'about you' form open on another device follows a rename, and saving it there keeps the new name", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const phoneContext = await browser.newContext(phone);
  await joinAs(phoneContext, event.id, "Kai Oldname");
  const tabletContext = await browser.newContext({ viewport: { width: 820, height: 1180 } });
  await tabletContext.addCookies(await phoneContext.cookies());
  const [onPhone, tablet] = await Promise.all([phoneContext.newPage(), tabletContext.newPage()]);
  await openConnected(tablet, `/p/${event.slug}/me`);
  await expect(tablet.getByLabel("Your name")).toHaveValue("Kai Oldname");

  await onPhone.goto(`/p/${event.slug}/me`);
  await onPhone.getByLabel("Your name").fill("Kai Newname");
  await onPhone.getByRole("button", { name: "Save changes" }).click();
  await expect(onPhone.getByText("Saved.")).toBeVisible();

  // The tablet's form shows the new name; saving something else there does not put the old one back.
  await expect(tablet.getByLabel("Your name")).toHaveValue("Kai Newname");
  await tablet.getByRole("checkbox", { name: /drawing/ }).check();
  await tablet.getByRole("button", { name: "Save changes" }).click();
  await expect(tablet.getByText("Saved.")).toBeVisible();
  await onPhone.reload();
  await expect(onPhone.getByLabel("Your name")).toHaveValue("Kai Newname");
  await expect(onPhone.getByRole("checkbox", { name: /drawing/ })).toBeChecked();

  await Promise.all([phoneContext.close(), tabletContext.close()]);
});

test("an age band corrected on one device stays when a form drawn before is saved elsewhere, with or without JavaScript", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const phoneContext = await browser.newContext(phone);
  await joinAs(phoneContext, event.id, "Zoe Quinn");
  const tabletContext = await browser.newContext({ viewport: { width: 820, height: 1180 } });
  const oldPhoneContext = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const cookies = await phoneContext.cookies();
  await Promise.all([tabletContext.addCookies(cookies), oldPhoneContext.addCookies(cookies)]);
  const [onPhone, tablet, oldPhone] = await Promise.all([
    phoneContext.newPage(),
    tabletContext.newPage(),
    oldPhoneContext.newPage(),
  ]);
  const adult = /18 or over/;
  const under16 = /Under 16/;
  await onPhone.goto(`/p/${event.slug}/me`);
  await onPhone.getByRole("radio", { name: adult }).check();
  await onPhone.getByRole("button", { name: "Save changes" }).click();
  await expect(onPhone.getByText("Saved.")).toBeVisible();

  // Two forms drawn while the person said 18 or over: a tablet, live, and a phone without JavaScript.
  await openConnected(tablet, `/p/${event.slug}/me`);
  await oldPhone.goto(`/p/${event.slug}/me`);
  await expect(tablet.getByRole("radio", { name: adult })).toBeChecked();
  await expect(oldPhone.getByRole("radio", { name: adult })).toBeChecked();

  // A parent corrects it on the phone: the room now sees initials.
  await onPhone.getByRole("radio", { name: under16 }).check();
  await onPhone.getByRole("button", { name: "Save changes" }).click();
  await expect(onPhone.getByText("Saved.")).toBeVisible();

  // The live tablet follows; a skill ticked and saved there keeps the correction.
  await expect(tablet.getByRole("radio", { name: under16 })).toBeChecked();
  await tablet.getByRole("checkbox", { name: /drawing/ }).check();
  await tablet.getByRole("button", { name: "Save changes" }).click();
  await expect(tablet.getByText("Saved.")).toBeVisible();
  // The page without JavaScript can't follow: it still shows 18 or over, and saving another answer there keeps the correction (and the tablet's skill) too.
  await oldPhone.getByLabel("Anything that would help you take part?").fill("A quiet room to work in");
  await oldPhone.getByRole("button", { name: "Save changes" }).click();
  await expect(oldPhone.getByText("Saved.")).toBeVisible();

  await onPhone.reload();
  await expect(onPhone.getByRole("radio", { name: under16 })).toBeChecked();
  await expect(onPhone.getByRole("checkbox", { name: /drawing/ })).toBeChecked();
  await expect(onPhone.getByLabel("Anything that would help you take part?")).toHaveValue("A quiet room to work in");
  await expect(onPhone.getByTestId("young-note")).toBeVisible();

  await Promise.all([phoneContext.close(), tabletContext.close(), oldPhoneContext.close()]);
});
