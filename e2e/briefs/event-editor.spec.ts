import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { addBrief, addStaff, createEventFixture, joinAs, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";

test("an organiser changes the join code only after confirming; the old code stops working", async ({
  page,
  context,
  browser,
}) => {
  const event = await createEventFixture();
  await signIn(context, event.organiser.id);
  await page.goto(`/o/${event.slug}`);
  const old = `${event.joinCode.slice(0, 3)}-${event.joinCode.slice(3)}`;
  await expect(page.getByTestId("join-code")).toHaveText(old);
  // The projector is already showing the join wall.
  const laptop = await browser.newContext(projector);
  await signIn(laptop, (await addStaff(event.id, "facilitator")).id);
  const screen = await laptop.newPage();
  await screen.goto(`/s/${event.slug}`);
  await expect(screen.locator('[data-status="online"]')).toBeVisible();
  await expect(screen.getByTestId("join-url")).toContainText(`/j/${event.joinCode}`);

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
  // The big screen follows without a reload: nobody in the room is left scanning a dead code.
  await expect(screen.getByTestId("join-url")).toContainText(`/j/${fresh.replace("-", "")}`);
  await expect(screen.getByTestId("join-qr")).toHaveAttribute("alt", new RegExp(`/j/${fresh.replace("-", "")}$`));
  await laptop.close();

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
  // Come from the console, the way back is to the console.
  await expect(page.getByRole("link", { name: "Back to the facilitator console" })).toHaveAttribute("href", `/f/${event.slug}`);
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

test("renaming the event reaches the open console and phones without a reload", async ({ browser }) => {
  const event = await createEventFixture({ name: "Made in Kennington" });
  const organiser = await browser.newContext();
  await signIn(organiser, event.organiser.id);
  const editor = await organiser.newPage();

  const handset = await browser.newContext(phone);
  await joinAs(handset, event.id, "Ama");
  const home = await handset.newPage();
  await home.goto(`/p/${event.slug}`);
  await expect(home.locator('[data-status="online"]')).toBeVisible();
  await expect(home.getByText("Made in Kennington").first()).toBeVisible();

  const consoleContext = await browser.newContext();
  await signIn(consoleContext, (await addStaff(event.id, "facilitator")).id);
  const console_ = await consoleContext.newPage();
  await console_.goto(`/f/${event.slug}`);
  await expect(console_.locator('[data-status="online"]')).toBeVisible();

  await editor.goto(`/o/${event.slug}/edit`);
  await editor.getByLabel("Event name").fill("Made in Stockwell");
  await editor.getByLabel("Starts", { exact: true }).fill("2027-05-14T18:00");
  await editor.getByLabel("Ends", { exact: true }).fill("2027-05-16T17:30");
  await editor.getByRole("button", { name: "Save details" }).click();
  await expect(editor.getByText("Saved. The public event page shows the new details.")).toBeVisible();

  // The console redraws at once; phones within their spread of a few seconds.
  await expect(console_.getByText("Made in Stockwell").first()).toBeVisible();
  await expect(home.getByText("Made in Stockwell").first()).toBeVisible({ timeout: 30_000 });
  await expect(home.getByText("Made in Kennington")).toHaveCount(0);
  for (const context of [organiser, handset, consoleContext]) await context.close();
});

test("the console's agenda sends a facilitator to an organiser, not to an editor that refuses them", async ({ browser }) => {
  const event = await createEventFixture();
  const facilitator = await addStaff(event.id, "facilitator");
  const desk = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(desk, facilitator.id);
  const page = await desk.newPage();
  await page.goto(`/f/${event.slug}`);
  const agenda = page.getByRole("region", { name: "Agenda", exact: true });
  await expect(agenda).toContainText("No phases yet. Ask an organiser to add the agenda's phases.");
  await expect(agenda.getByRole("link", { name: "Edit the agenda" })).toHaveCount(0);
  await expect(page.locator(`a[href^="/o/${event.slug}/"]`)).toHaveCount(0);
  await expectAccessible(page);

  // The event's organiser, on the same console, is offered the editor.
  const own = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(own, event.organiser.id);
  const organiser = await own.newPage();
  await organiser.goto(`/f/${event.slug}`);
  const theirs = organiser.getByRole("region", { name: "Agenda", exact: true });
  await expect(theirs).toContainText("No phases yet. Add them to the event's agenda");
  await expect(theirs.getByRole("link", { name: "Edit the agenda" })).toHaveAttribute("href", `/o/${event.slug}/edit`);
  await desk.close();
  await own.close();
});
