import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { events, participants } from "@/db/schema";
import { participantCookieName } from "@/lib/auth/cookies";
import { expectAccessible } from "../support/a11y";
import { createEventFixture, dateEvent, db, setEventStatus, signIn } from "../support/fixtures";
import { postJoinForm } from "../support/join-form-post";
import { phone } from "../support/viewports";

test.use(phone);

test("a participant joins by typing the code on a phone and lands in the room", async ({ page }) => {
  const event = await createEventFixture();

  await page.goto("/j");
  await expectAccessible(page);
  await page.getByLabel("Join code").fill(`${event.joinCode.slice(0, 3).toLowerCase()}-${event.joinCode.slice(3)}`);
  await page.getByRole("button", { name: "Continue" }).click();

  await expect(page.getByRole("heading", { name: event.name })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("What should people call you?").fill("Amara");
  await page.getByRole("button", { name: "Join" }).click();

  // The "about you" step is optional: one tap skips it.
  await expect(page).toHaveURL(new RegExp(`/p/${event.slug}/me\\?welcome=1$`));
  await expect(page.getByRole("heading", { name: "You're in, Amara!" })).toBeVisible();
  await page.getByRole("link", { name: "Skip for now" }).click();

  await expect(page).toHaveURL(new RegExp(`/p/${event.slug}$`));
  await expect(page.getByRole("heading", { name: "Hello, Amara" })).toBeVisible();
  await expect(page.getByTestId("people-here")).toHaveText("1");
  await expect(page.locator('[data-status="online"]')).toBeVisible();
  // After a client-side navigation the new page's <title> streams in a moment later.
  await expect(page).toHaveTitle(/In the room/);
  await expectAccessible(page);

  // Coming back to the join link on the same phone goes straight to the room.
  await page.goto(`/j/${event.joinCode}`);
  await expect(page).toHaveURL(new RegExp(`/p/${event.slug}$`));
});

test("the same join form sent twice at once (a double tap before the answer) joins one person", async () => {
  const event = await createEventFixture();
  const submission = randomUUID();
  const cookieName = participantCookieName(event.id);
  const answers = await Promise.all([1, 2].map(() => postJoinForm(event.joinCode, { displayName: "Twice Tapped", submission })));
  // Both answers sign the browser in, as the same person, whichever it keeps.
  const signedAs = answers.map(
    (a) =>
      a.headers
        .getSetCookie()
        .find((c) => c.startsWith(`${cookieName}=`))
        ?.split(";")[0],
  );
  expect(signedAs[0]).toBeTruthy();
  expect(signedAs[1]).toBe(signedAs[0]);
  const joined = await (await db()).read
    .select()
    .from(participants)
    .where(and(eq(participants.eventId, event.id), eq(participants.displayName, "Twice Tapped")));
  expect(joined).toHaveLength(1);
});

test("a second tab's join form, sent after the first joined, goes to the room instead of adding a second person", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const [first, second] = [await context.newPage(), await context.newPage()];
  for (const tab of [first, second]) await tab.goto(`/j/${event.joinCode}`);
  await first.getByLabel("What should people call you?").fill("Two Tabs");
  await first.getByRole("button", { name: "Join" }).click();
  await expect(first).toHaveURL(new RegExp(`/p/${event.slug}/me\\?welcome=1$`));
  await second.getByLabel("What should people call you?").fill("Two Tabs");
  await second.getByRole("button", { name: "Join" }).click();
  await expect(second).toHaveURL(new RegExp(`/p/${event.slug}$`));
  const people = await (await db()).read.select().from(participants).where(eq(participants.eventId, event.id));
  expect(people.map((p) => p.displayName)).toEqual(["Two Tabs"]);
  await context.close();
});

test("a wrong code and an empty name get clear messages and keep what was typed", async ({ page }) => {
  const event = await createEventFixture();

  await page.goto("/j");
  await page.getByLabel("Join code").fill("ZZZ-999");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("We couldn't find an event with that code")).toBeVisible();
  await expect(page.getByLabel("Join code")).toHaveValue("ZZZ-999");
  await expectAccessible(page);

  await page.goto(`/j/${event.joinCode}`);
  await page.getByLabel("What should people call you?").fill("   ");
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByText("Tell us what to call you.")).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/j/${event.joinCode}$`));
});

test("a finished (archived) event's code says the event has finished", async ({ page }) => {
  const event = await createEventFixture();
  await setEventStatus(event.id, "archived");

  await page.goto("/j");
  await page.getByLabel("Join code").fill(event.joinCode);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("That event has finished, so it isn't taking new people.")).toBeVisible();
  await expectAccessible(page);

  // The join link itself (an old QR code) says the same, and offers the code field.
  await page.goto(`/j/${event.joinCode}`);
  await expect(page.getByRole("heading", { name: `${event.name} has finished` })).toBeVisible();
  await expect(page.getByLabel("What should people call you?")).toHaveCount(0);
  await expectAccessible(page);
});

test("a name that is too long is refused at the field", async ({ page }) => {
  const event = await createEventFixture();
  await page.goto(`/j/${event.joinCode}`);
  const name = page.getByLabel("What should people call you?");
  // Nothing is cut silently as you type (issue 22): the field says the limit and keeps what was typed…
  await expect(name).not.toHaveAttribute("maxlength", /.*/);
  await expect(page.getByText("up to 40 characters")).toBeVisible();
  // …and the server refuses a longer one with a reason.
  await name.fill("x".repeat(41));
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByText("Keep your name to 40 characters or fewer.")).toBeVisible();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveValue("x".repeat(41));
  await expect(page).toHaveURL(new RegExp(`/j/${event.joinCode}$`));
  await expectAccessible(page);
});

test("the join page follows its event while a phone holds it: a rename, a new code, the end", async ({ page, browser }) => {
  const event = await createEventFixture({ name: "Made in Kennington" });
  await dateEvent(event.id);
  await page.goto(`/j/${event.joinCode}`);
  await expect(page.getByRole("heading", { name: "Made in Kennington" })).toBeVisible();
  await page.getByLabel("What should people call you?").fill("Amara");

  // An organiser renames the event on their laptop: the phone shows it, and keeps the name typed.
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(laptop, event.organiser.id);
  const organiser = await laptop.newPage();
  await organiser.goto(`/o/${event.slug}/edit`);
  const details = organiser.getByRole("region", { name: "Details" });
  await details.getByLabel("Event name").fill("Made in Kennington Park");
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.getByText(/^Saved\./)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Made in Kennington Park" })).toBeVisible();
  await expect(page.getByLabel("What should people call you?")).toHaveValue("Amara");

  // The code on the big screen is changed (it was photographed and shared): the old one stops at once.
  await organiser.goto(`/o/${event.slug}`);
  await organiser.getByText("Change join code…", { exact: true }).click();
  await organiser.getByRole("button", { name: "Yes, make a new code" }).click();
  await expect(organiser.getByText(/^The new join code is/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "That code didn't match an event" })).toBeVisible();
  await expect(page.getByLabel("What should people call you?")).toHaveCount(0);

  // With the new code the phone joins; a phone on it when the event finishes is told.
  const [stored] = await (await db()).read.select().from(events).where(eq(events.id, event.id));
  await page.goto(`/j/${stored!.joinCode}`);
  await expect(page.getByRole("heading", { name: "Made in Kennington Park" })).toBeVisible();
  await setEventStatus(event.id, "archived");
  await expect(page.getByRole("heading", { name: "Made in Kennington Park has finished" })).toBeVisible();
  await expectAccessible(page);
  await laptop.close();
});

test("a join page left open in one tab moves on to the room once the phone has joined in another", async ({ context }) => {
  const event = await createEventFixture({ name: "Made in Vauxhall" });
  const first = await context.newPage();
  await first.goto(`/j/${event.joinCode}`);
  await expect(first.getByRole("heading", { name: "Made in Vauxhall" })).toBeVisible();
  const second = await context.newPage();
  await second.goto(`/j/${event.joinCode}`);
  await second.getByLabel("What should people call you?").fill("Amara");
  await second.getByRole("button", { name: "Join" }).click();
  await expect(second).toHaveURL(new RegExp(`/p/${event.slug}/me`));
  await first.bringToFront();
  await expect(first).toHaveURL(new RegExp(`/p/${event.slug}$`));
});
