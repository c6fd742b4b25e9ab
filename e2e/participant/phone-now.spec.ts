import { expect, type Page, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { participants, teamMembers } from "@/db/schema";
import { addAgenda } from "../room-control/support";
import { expectAccessible } from "../support/a11y";
import { commandSocket } from "../support/command-socket";
import { addBoardFixture, addStaff, createEventFixture, db, joinAs, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";
import { addTeam } from "../teams/support";

/** Nothing on the page is wider than the phone: no sideways scrolling, nothing running off. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
}

test("the phone's now card holds the phase, timer, announcement and nudge, the team stays on the first screen, and a finished timer calms down", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const event = await createEventFixture();
  await addAgenda(event.id, ["Explore", "Make"]);
  const team = await addTeam(event.id, "Street reporters");
  const facilitator = await addStaff(event.id, "facilitator", "Sam, facilitator");

  const handsetContext = await browser.newContext(phone);
  const joined = await joinAs(handsetContext, event.id, "Priya");
  await (await db()).transact((tx) =>
    tx.insert(teamMembers).values({ eventId: event.id, participantId: joined.participantId, teamId: team.id }),
  );
  const handset = await handsetContext.newPage();
  await handset.goto(`/p/${event.slug}`);
  await expect(handset.locator('[data-status="online"]')).toBeVisible();

  const laptop = await browser.newContext(projector);
  await signIn(laptop, facilitator.id);
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}`);

  const staff = await commandSocket(event.id, facilitator.id);
  await staff.command("announcement:send", { text: "Lunch is ready in the main hall, come and get it while it is warm" });
  await staff.command("phase:next", { fromPhaseId: null });
  // A running timer while the card's layout is checked (axe and screenshots take long on a busy machine)…
  await staff.command("timer:start", { minutes: 10 });

  const card = handset.getByTestId("now-card");
  await expect(card.getByTestId("announcement")).toContainText("Lunch is ready");
  await expect(card.getByTestId("nudge")).toContainText("Now: Explore");
  await expect(card.getByTestId("room-phase")).toHaveText("Explore");
  await expect(card.getByTestId("room-timer")).toBeVisible();
  // One card, and the person's team below it still on the first screen.
  await expect(handset.getByTestId("now-card")).toHaveCount(1);
  const teamBox = await handset.getByTestId("my-team-name").boundingBox();
  expect(teamBox).not.toBeNull();
  expect((teamBox?.y ?? 9999) + (teamBox?.height ?? 0)).toBeLessThanOrEqual(844);
  await expectNoSidewaysScroll(handset);
  await handset.screenshot({ path: "e2e/.artifacts/phone-now-390.png" });
  await expectAccessible(handset);

  // …then one of three seconds, which runs out while the test watches. Time's up: loud at first,
  // for about a minute, on the phone and the console alike…
  await staff.command("timer:start", { minutes: 0.05 });
  await expect(card.getByText("Time's up", { exact: true })).toBeVisible({ timeout: 20_000 });
  // …then, about a minute later, a calm "Time's up at …" everywhere, no longer red.
  await expect(card.getByTestId("room-timer-calm")).toContainText(/Time's up at \d/, { timeout: 120_000 });
  await expect(console_.getByTestId("console-timer-calm")).toContainText(/Time's up at \d/, { timeout: 20_000 });
  await expect(card.getByTestId("room-timer")).not.toHaveClass(/text-coral/);
  await handset.screenshot({ path: "e2e/.artifacts/phone-now-calm-390.png" });
  await expectAccessible(handset);

  staff.close();
  await handsetContext.close();
  await laptop.close();
});

test("a deleted note can be undone, and comes back on another phone too", async ({ browser }) => {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { title: "Big ideas", template: "ideas" });
  const mine = await browser.newContext(phone);
  await joinAs(mine, event.id, "Amara");
  const theirs = await browser.newContext(phone);
  await joinAs(theirs, event.id, "Ben");
  const a = await mine.newPage();
  const b = await theirs.newPage();
  await a.goto(`/p/${event.slug}/b/${board.id}`);
  await b.goto(`/p/${event.slug}/b/${board.id}`);
  await expect(a.locator('[data-status="online"]')).toBeVisible();
  await expect(b.locator('[data-status="online"]')).toBeVisible();

  await a.getByLabel("Your note").fill("Benches at the bus stop");
  await a.getByRole("button", { name: /^Add note/ }).click();
  await expect(b.getByText("Benches at the bus stop", { exact: true })).toBeVisible();

  await a.getByRole("button", { name: "Delete note: Benches at the bus stop" }).click();
  await expect(a.getByTestId("note-deleted")).toContainText("Note deleted");
  await expect(b.getByText("Benches at the bus stop", { exact: true })).toHaveCount(0);
  await a.getByTestId("note-deleted").getByRole("button", { name: /^Undo/ }).click();
  await expect(a.getByText("Benches at the bus stop", { exact: true })).toBeVisible();
  await expect(b.getByText("Benches at the bus stop", { exact: true })).toBeVisible();
  await expect(a.getByRole("button", { name: "Delete note: Benches at the bus stop" })).toBeVisible();

  await mine.close();
  await theirs.close();
});

test("long names wrap on a phone, and a name over the limit is refused with a reason, not cut", async ({ browser }) => {
  const event = await createEventFixture();
  const context = await browser.newContext(phone);
  const longName = "Wolfeschlegelsteinhausenbergerdorffvoral"; // 40 letters, no space to break at
  await joinAs(context, event.id, longName);
  const page = await context.newPage();
  await page.goto(`/p/${event.slug}`);
  await expect(page.getByTestId("hello")).toContainText(longName);
  const hello = await page.getByTestId("hello").boundingBox();
  expect((hello?.x ?? 0) + (hello?.width ?? 9999)).toBeLessThanOrEqual(390);
  await expectNoSidewaysScroll(page);

  const stranger = await (await browser.newContext(phone)).newPage();
  await stranger.goto("/j");
  await stranger.getByLabel("Join code").fill(event.joinCode);
  await stranger.getByRole("button", { name: "Continue" }).click();
  const tooLong = `${longName}strasse`;
  await stranger.getByLabel("What should people call you?").fill(tooLong);
  // Nothing is cut as it is typed…
  await expect(stranger.getByLabel("What should people call you?")).toHaveValue(tooLong);
  await stranger.getByRole("button", { name: "Join" }).click();
  // …and the form says why it was refused.
  await expect(stranger.getByText("Keep your name to 40 characters or fewer.")).toBeVisible();
  await expect(stranger.getByLabel("What should people call you?")).toHaveValue(tooLong);
  // A name the app writes itself would let someone pass as staff: refused, and what was typed stays.
  await stranger.getByLabel("What should people call you?").fill("staff");
  await stranger.getByRole("button", { name: "Join" }).click();
  await expect(stranger.getByText("That name is one the app uses for its own labels. Choose another.")).toBeVisible();
  await expect(stranger.getByLabel("What should people call you?")).toHaveValue("staff");
  await context.close();
  await stranger.context().close();
});

test("who can help finds word forms, and Save times says it saved", async ({ browser }) => {
  const event = await createEventFixture();
  const laptop = await browser.newContext(projector);
  await signIn(laptop, event.organiser.id);
  const handset = await browser.newContext(phone);
  const joined = await joinAs(handset, event.id, "Femi");
  await (await db()).transact((tx) =>
    tx
      .update(participants)
      .set({ skills: ["Photography", "drawing"] })
      .where(eq(participants.id, joined.participantId)),
  );
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}`);
  await console_.getByRole("searchbox", { name: "Who can help with" }).fill("photos");
  await expect(console_.getByTestId("help-results")).toContainText("Femi");
  await expect(console_.getByTestId("help-results")).toContainText("Photography");

  await console_.goto(`/f/${event.slug}/presentations`);
  await console_.getByLabel("Minutes to present").fill("4");
  await console_.getByRole("button", { name: "Save times" }).click();
  await expect(console_.getByTestId("times-status")).toHaveText("Times saved");
  await expect(console_.getByRole("status").filter({ hasText: "Times saved" })).toBeVisible();
  await laptop.close();
  await handset.close();
});
