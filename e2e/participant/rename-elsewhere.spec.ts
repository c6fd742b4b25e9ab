import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { boards } from "@/db/schema";
import { addBoardFixture, createEventFixture, db, joinAs } from "../support/fixtures";
import { phone } from "../support/viewports";

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
  // Open, and connected: it has heard the room once (its first event on the socket).
  const heard = new Promise<void>((resolve) =>
    tablet.on("websocket", (ws) =>
      ws.on("framereceived", (frame) => {
        if (String(frame.payload).startsWith("42")) resolve();
      }),
    ),
  );
  await tablet.goto(`/p/${event.slug}/me`);
  await heard;
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
