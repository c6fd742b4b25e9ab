import { type Browser, expect, test } from "@playwright/test";
import { addStaff, createEventFixture, joinAs, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";

/**
 * Nothing a person typed is lost when the page reloads (a locked phone, a discarded tab, a
 * laptop lid), and nothing they typed is shown to the next person on the same device.
 */
const laptop = { viewport: { width: 1280, height: 720 } };

/** A phone in a new event, with one note of its own on the welcome wall, open for editing. */
async function editingMyNote(browser: Browser, name: string, text: string) {
  const event = await createEventFixture();
  const context = await browser.newContext(phone);
  await joinAs(context, event.id, name);
  const handset = await context.newPage();
  await handset.goto(`/p/${event.slug}`);
  await handset.getByLabel("Your note").fill(text);
  await handset.getByRole("button", { name: /Add note/ }).click();
  const note = handset.getByTestId("note").filter({ hasText: text });
  await note.getByRole("button", { name: /Edit/ }).click();
  return { context, handset, note };
}

test("an edit of my own note is still open, as I left it, after a reload, and gone once saved", async ({ browser }) => {
  const { context: handsetContext, handset, note } = await editingMyNote(browser, "Sia", "Benches by the pond");
  await note.getByLabel("Edit your note").fill("Benches by the pond, and shade for the hot afternoons");

  await handset.reload();
  const editing = handset.getByTestId("note").getByLabel("Edit your note");
  await expect(editing).toHaveValue("Benches by the pond, and shade for the hot afternoons");

  await handset.getByTestId("note").getByRole("button", { name: "Save" }).click();
  await expect(handset.getByTestId("note")).toContainText("Benches by the pond, and shade for the hot afternoons");
  await expect(editing).toHaveCount(0);
  await handset.reload();
  await expect(handset.getByTestId("note")).toContainText("Benches by the pond, and shade for the hot afternoons");
  await expect(handset.getByTestId("note").getByRole("button", { name: /Edit/ })).toBeVisible();
  await expect(editing).toHaveCount(0);
  await handsetContext.close();
});

test("a cancelled edit stays cancelled after a reload", async ({ browser }) => {
  const { context: handsetContext, handset, note } = await editingMyNote(browser, "Ola", "More bins");
  await note.getByLabel("Edit your note").fill("More bins, emptied on Sundays");
  await note.getByRole("button", { name: "Cancel" }).click();

  await handset.reload();
  await expect(handset.getByTestId("note").getByRole("button", { name: /Edit/ })).toBeVisible();
  await expect(handset.getByTestId("note").getByLabel("Edit your note")).toHaveCount(0);
  await expect(handset.getByTestId("note")).toHaveText(/More bins/);
  await handsetContext.close();
});

test("on a shared phone, the next person sees none of the last person's half-typed note", async ({ browser }) => {
  const event = await createEventFixture();
  const shared = await browser.newContext(phone);
  await joinAs(shared, event.id, "Amira");
  const handset = await shared.newPage();
  await handset.goto(`/p/${event.slug}`);
  await handset.getByLabel("Your note").fill("My neighbour at number 12 needs");
  await handset.reload();
  await expect(handset.getByLabel("Your note")).toHaveValue("My neighbour at number 12 needs");

  // Amira hands the phone on: the next person joins on it, and starts their own note.
  const amira = await shared.cookies();
  await shared.clearCookies();
  await joinAs(shared, event.id, "Bo");
  await handset.reload();
  await handset.getByLabel("Your note").pressSequentially("Late buses");
  await expect(handset.getByLabel("Your note")).toHaveValue("Late buses");
  await expect(handset.locator("body")).not.toContainText("number 12");

  // Amira has the phone back: her words were kept for her.
  await shared.clearCookies();
  await shared.addCookies(amira);
  await handset.reload();
  await expect(handset.getByLabel("Your note")).toHaveValue("My neighbour at number 12 needs");
  await shared.close();
});

test("a half-typed announcement survives a reload of the console, is gone once sent, and is no other facilitator's", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const first = await addStaff(event.id, "facilitator", "First facilitator");
  const second = await addStaff(event.id, "facilitator", "Second facilitator");
  const lid = await browser.newContext(laptop);
  await signIn(lid, first.id);
  const console_ = await lid.newPage();
  await console_.goto(`/f/${event.slug}`);
  await expect(console_.locator('[data-status="online"]').first()).toBeVisible();
  await console_.getByLabel("Message").fill("Lunch is in the foyer at half");

  await console_.reload();
  await expect(console_.getByLabel("Message")).toHaveValue("Lunch is in the foyer at half");

  // Another facilitator signs in on the same laptop: the first one's words are not on their console.
  await lid.clearCookies();
  await signIn(lid, second.id);
  await console_.reload();
  await expect(console_.locator('[data-status="online"]').first()).toBeVisible();
  await console_.getByLabel("Message").pressSequentially("Team photos");
  await expect(console_.getByLabel("Message")).toHaveValue("Team photos");

  // The first comes back and sends it: once sent, it is not typed again after a reload.
  await lid.clearCookies();
  await signIn(lid, first.id);
  await console_.reload();
  await expect(console_.getByLabel("Message")).toHaveValue("Lunch is in the foyer at half");
  await console_.getByLabel("Message").fill("Lunch is in the foyer at half past twelve");
  await console_.getByRole("button", { name: "Send announcement" }).click();
  await expect(console_.getByTestId("announcement-showing")).toContainText("Lunch is in the foyer at half past twelve");
  await expect(console_.getByLabel("Message")).toHaveValue("");
  await console_.reload();
  await expect(console_.getByTestId("announcement-showing")).toContainText("Lunch is in the foyer at half past twelve");
  await expect(console_.getByLabel("Message")).toHaveValue("");
  await lid.close();
});

test("an announcement pasted longer than the room takes is kept whole, says how much too long, and is refused with a word", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const lid = await browser.newContext(laptop);
  await signIn(lid, event.organiser.id);
  const console_ = await lid.newPage();
  await console_.goto(`/f/${event.slug}`);
  await expect(console_.locator('[data-status="online"]').first()).toBeVisible();
  const box = console_.getByLabel("Message");
  await expect(console_.locator("#announce").getByTestId("length-count")).toHaveText("240 characters left");

  // Pasted, 270 characters: nothing is cut off.
  const long = "Lunch is ready in the foyer. ".repeat(10).trim();
  await box.fill(long);
  await expect(box).toHaveValue(long);
  await expect(console_.locator("#announce").getByTestId("length-count")).toHaveText(`${long.length - 240} characters too long`);
  await expect(box).toHaveAttribute("aria-invalid", "true");
  await console_.getByRole("button", { name: "Send announcement" }).click();
  await expect(console_.locator("#announcement-feedback")).toHaveText("An announcement must be 240 characters or fewer");
  await expect(box).toHaveValue(long);
  await expect(console_.getByTestId("announcement-showing")).toHaveCount(0);

  // Shortened, it goes.
  await box.fill("Lunch is ready in the foyer.");
  await console_.getByRole("button", { name: "Send announcement" }).click();
  await expect(console_.getByTestId("announcement-showing")).toContainText("Lunch is ready in the foyer.");
  await lid.close();
});
