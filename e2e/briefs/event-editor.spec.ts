import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { addBrief, addStaff, createEventFixture, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";

test("an organiser changes the join code only after confirming; the old code stops working", async ({ page, context }) => {
  const event = await createEventFixture();
  await signIn(context, event.organiser.id);
  await page.goto(`/o/${event.slug}`);
  const old = `${event.joinCode.slice(0, 3)}-${event.joinCode.slice(3)}`;
  await expect(page.getByTestId("join-code")).toHaveText(old);

  await page.getByText("Change join code…", { exact: true }).click();
  await expect(page.getByText("The current code and join link stop working at once.")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Keep the current code" }).click();
  await expect(page.getByTestId("join-code")).toHaveText(old);

  await page.getByText("Change join code…", { exact: true }).click();
  await page.getByRole("button", { name: "Yes, make a new code" }).click();
  await expect(page.getByText(/^The new join code is [A-Z0-9]{3}-[A-Z0-9]{3}\. The old one no longer works\.$/)).toBeVisible();
  await expect(page.getByTestId("join-code")).not.toHaveText(old);
  const fresh = (await page.getByTestId("join-code").textContent())!;

  await page.goto("/j");
  await page.getByLabel("Join code").fill(old);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("We couldn't find an event with that code")).toBeVisible();
  await page.getByLabel("Join code").fill(fresh);
  await page.getByRole("button", { name: "Continue" }).click();
  // The new code leads into the event (staff go straight to the room).
  await expect(page).toHaveURL(new RegExp(`/p/${event.slug}$`));
});

test("a facilitator sees the briefs but cannot edit the event or its briefs", async ({ page, context }) => {
  const event = await createEventFixture();
  const briefId = await addBrief(event.id, { title: "Love Your Space" });
  const facilitator = await addStaff(event.id, "facilitator");
  await signIn(context, facilitator.id);

  await page.goto(`/o/${event.slug}`);
  await expect(page.getByRole("region", { name: "Briefs" })).toContainText("Love Your Space");
  await expect(page.getByRole("link", { name: "Edit details and agenda" })).toHaveCount(0);
  await expect(page.getByText("Change join code…", { exact: true })).toHaveCount(0);
  await expect(page.getByLabel("New brief's title")).toHaveCount(0);
  await expectAccessible(page);

  await page.goto(`/o/${event.slug}/edit`);
  await expect(page.getByRole("heading", { name: "Only organisers can edit this event" })).toBeVisible();
  await page.goto(`/o/${event.slug}/briefs/${briefId}`);
  await expect(page.getByRole("heading", { name: "Only organisers can edit briefs" })).toBeVisible();
  await expectAccessible(page);
});

test.describe("on a phone", () => {
  test.use(phone);

  test("the event editor and brief editor fit the screen", async ({ page, context }) => {
    const event = await createEventFixture();
    const briefId = await addBrief(event.id, { title: "Love Your Space" });
    await signIn(context, event.organiser.id);
    for (const path of [`/o/${event.slug}`, `/o/${event.slug}/edit`, `/o/${event.slug}/briefs/${briefId}`]) {
      await page.goto(path);
      await page.getByRole("heading", { level: 1 }).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
      await expectAccessible(page);
    }
  });
});
