import { expect, type Page, test } from "@playwright/test";
import { createEventFixture, joinAs } from "../support/fixtures";
import { phone } from "../support/viewports";

/**
 * A phone is often shared: handed to a teammate, or a second person joins on it. What one person
 * wrote on it stays theirs: never sent as the next person, never shown to them, and gone from the
 * phone when they leave the event.
 */

/** Everything the page's site keeps in this browser: storage, and the names of its databases. */
const keptInBrowser = (page: Page) =>
  page.evaluate(async () => ({
    local: Object.fromEntries(Object.entries(localStorage)),
    session: Object.fromEntries(Object.entries(sessionStorage)),
    databases: (await indexedDB.databases()).map((d) => d.name),
  }));

test("notes queued offline by one person are never sent or shown as the next person's on the same phone, and go out as theirs when they're back", async ({
  browser,
}) => {
  const event = await createEventFixture();
  // Someone else in the room sees what reaches the welcome wall, and who signed it.
  const roomContext = await browser.newContext(phone);
  await joinAs(roomContext, event.id, "Chidi");
  const room = await roomContext.newPage();
  await room.goto(`/p/${event.slug}`);
  await expect(room.locator('[data-status="online"]')).toBeVisible();

  const shared = await browser.newContext(phone);
  await joinAs(shared, event.id, "Amira");
  const handset = await shared.newPage();
  await handset.goto(`/p/${event.slug}`);
  await expect(handset.locator('[data-status="online"]')).toBeVisible();
  await expect(handset.getByLabel("Your note")).toBeVisible();

  await shared.setOffline(true);
  await expect(handset.locator('[data-status="offline"]')).toBeVisible();
  await handset.getByLabel("Your note").fill("My neighbour at number 12 needs a ramp");
  await handset.getByRole("button", { name: /Add note/ }).click();
  await expect(handset.getByText("1 waiting to send")).toBeVisible();

  // Amira hands the phone on with no signal; Bo joins on it, and the Wi-Fi comes back.
  const amira = await shared.cookies();
  await shared.clearCookies();
  await joinAs(shared, event.id, "Bo");
  await shared.setOffline(false);

  // The page Amira left open is Bo's now: nothing of hers is in it, nothing waits to go as his.
  await expect(handset.locator('[data-status="online"]')).toBeVisible();
  await expect(handset.locator("body")).not.toContainText("number 12");
  await expect(handset.getByText(/waiting to send/)).toHaveCount(0);
  await handset.getByLabel("Your note").fill("Late buses");
  await handset.getByRole("button", { name: /Add note/ }).click();
  // A queue is sent oldest first: once Bo's note is in the room, anything sent as him before it would be too.
  await expect(room.getByTestId("note").filter({ hasText: "Late buses" })).toContainText("Bo");
  await expect(room.getByTestId("note").filter({ hasText: "number 12" })).toHaveCount(0);
  await expect(handset.locator("body")).not.toContainText("number 12");

  // Amira has the phone back: her note was kept for her, and goes out as hers.
  await shared.clearCookies();
  await shared.addCookies(amira);
  await handset.reload();
  const hers = room.getByTestId("note").filter({ hasText: "My neighbour at number 12 needs a ramp" });
  await expect(hers).toHaveCount(1);
  await expect(hers).toContainText("Amira");
  await expect(hers).not.toContainText("Bo");
  await expect(handset.getByText(/waiting to send/)).toHaveCount(0);

  await shared.close();
  await roomContext.close();
});

test("leaving an event takes with it everything the phone kept for that person there", async ({ browser }) => {
  const event = await createEventFixture();
  const shared = await browser.newContext(phone);
  await joinAs(shared, event.id, "Amira");
  const handset = await shared.newPage();
  await handset.goto(`/p/${event.slug}`);
  await expect(handset.locator('[data-status="online"]')).toBeVisible();

  // A note sent, an edit of it half typed, and a new one half written.
  await handset.getByLabel("Your note").fill("Benches by the pond");
  await handset.getByRole("button", { name: /Add note/ }).click();
  const note = handset.getByTestId("note").filter({ hasText: "Benches by the pond" });
  await note.getByRole("button", { name: /Edit/ }).click();
  await note.getByLabel("Edit your note").fill("Benches by the pond, and shade for my mum at number 12");
  const newNote = handset.getByRole("textbox", { name: "Your note", exact: true });
  await newNote.fill("I live at 4 Acre Lane and");
  await handset.reload();
  await expect(newNote).toHaveValue("I live at 4 Acre Lane and");
  await expect(handset.getByLabel("Edit your note")).toHaveValue("Benches by the pond, and shade for my mum at number 12");
  const before = JSON.stringify(await keptInBrowser(handset));
  expect(before).toContain("Acre Lane");
  expect(before).toContain("number 12");

  await handset.goto(`/p/${event.slug}/me`);
  await handset.getByRole("button", { name: "Leave the event…" }).click();
  await handset.getByRole("button", { name: "Yes, leave the event" }).click();
  await expect(handset).toHaveURL(/\/j\?left=1$/);

  const after = await keptInBrowser(handset);
  const everything = JSON.stringify(after);
  expect(everything).not.toContain("Acre Lane");
  expect(everything).not.toContain("number 12");
  expect(everything).not.toContain("Benches");
  expect(everything).not.toContain(event.id);
  expect(after.databases).toEqual([]);
  await shared.close();
});
