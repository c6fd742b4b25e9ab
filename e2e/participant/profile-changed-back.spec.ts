/**
 * An answer saved on the phone and then changed back before the page is drawn again (offline, or
 * on a slow connection) is stored as changed back: the form sends what was changed since its last
 * save, not only what differs from the answers it was first drawn with.
 */
import { expect, test } from "@playwright/test";
import { createEventFixture, joinAs, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";

test("offline, a choice saved and then cleared is stored as cleared once the phone is back online", async ({ browser }) => {
  const event = await createEventFixture();
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(laptop, event.organiser.id);
  const handset = await browser.newContext(phone);
  await joinAs(handset, event.id, "Ola");
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}`);
  const page = await handset.newPage();
  await page.goto(`/p/${event.slug}/me`);
  await expect(page.locator('[data-status="online"]')).toBeVisible();
  const details = console_.getByTestId("private-details");
  await expect(console_.getByTestId("overview-summary")).toContainText("1 person ·");
  // The form's own answer (the connection pill beside the title is a status too).
  const saved = page.locator("form").getByRole("status");

  await handset.setOffline(true);
  await expect(page.locator('[data-status="offline"]')).toBeVisible();
  // A choice made by mistake and saved: it waits in the phone's outbox.
  await page.getByRole("radio", { name: "Designer" }).check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(saved).toHaveText("Saved on this phone. It will be sent when you're back online.");
  // Taken back, with something else, and saved again: the page still shows the answers it was drawn with.
  await page.getByRole("button", { name: "Clear my answer" }).click();
  await expect(page.getByRole("radio", { name: "Designer" })).not.toBeChecked();
  await page.getByLabel("Anything that would help you take part?").fill("A quiet room");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(saved).toHaveText("Saved on this phone. It will be sent when you're back online.");

  await handset.setOffline(false);
  // Both saves arrive, in order: the last one's access need shows, and the mistaken choice is gone.
  await expect(details).toContainText("A quiet room");
  await expect(details).not.toContainText("Designer");
  await page.reload();
  await expect(page.getByRole("radio", { name: "Designer" })).not.toBeChecked();
  await expect(page.getByLabel("Anything that would help you take part?")).toHaveValue("A quiet room");
  await handset.close();
  await laptop.close();
});
