/**
 * Issue 25: a room run by a team. Organiser and facilitator consoles, a big screen and two
 * phones: the lead is handed over and locks the room controls, the other console says why its
 * controls are off, every action shows in both consoles' activity logs, and the review keeps it.
 */
import { expect, type Page, test } from "@playwright/test";
import { addBoardFixture, addStaff, createAccount, createEventFixture, joinAs, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";
import { addAgenda } from "./support";

const online = (page: Page) => expect(page.locator('[data-status="online"]').first()).toBeVisible({ timeout: 30_000 });
const logOf = (page: Page) => page.getByTestId("activity-log");

test("hand the lead over, lock the room controls; both consoles log every action, and the review keeps the log", async ({
  browser,
}) => {
  test.setTimeout(420_000);
  const event = await createEventFixture({ name: "Made in Teamwork" });
  await addAgenda(event.id, ["Explore", "Make"]);
  await addBoardFixture(event.id, { title: "Big ideas", template: "ideas" });
  const sam = await addStaff(event.id, "facilitator", "Sam Facilitator");

  const oluContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(oluContext, event.organiser.id);
  const olu = await oluContext.newPage();
  await olu.goto(`/f/${event.slug}`);
  const samContext = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  await signIn(samContext, sam.id);
  const samPage = await samContext.newPage();
  await samPage.goto(`/f/${event.slug}`);
  const screenContext = await browser.newContext(projector);
  await signIn(screenContext, sam.id);
  const screen = await screenContext.newPage();
  await screen.goto(`/s/${event.slug}`);
  const phones = await Promise.all([browser.newContext(phone), browser.newContext(phone)]);
  await joinAs(phones[0]!, event.id, "Amira");
  await joinAs(phones[1]!, event.id, "Ben");
  const [amira, ben] = await Promise.all(phones.map((c) => c.newPage()));
  await amira!.goto(`/p/${event.slug}`);
  await ben!.goto(`/p/${event.slug}`);
  for (const p of [olu, samPage, screen, amira!, ben!]) await online(p);

  // Olu starts the first phase: both consoles log it, every screen follows.
  await olu.getByRole("button", { name: "Start next phase: Explore" }).click();
  for (const p of [olu, samPage]) await expect(logOf(p)).toContainText("Fixture organiser started Explore");
  await expect(screen.getByTestId("screen-phase")).toContainText("Explore");
  await expect(amira!.getByTestId("room-phase")).toHaveText("Explore");

  // Olu hands the lead to Sam in one action.
  await olu.getByLabel("Who leads").selectOption({ label: "Sam Facilitator (facilitator)" });
  await olu.getByRole("button", { name: "Hand over the lead" }).click();
  await expect(olu.getByTestId("lead-status")).toContainText("Lead: Sam Facilitator");
  await expect(samPage.getByTestId("lead-status")).toContainText("Lead: you (Sam Facilitator)");
  for (const p of [olu, samPage]) await expect(logOf(p)).toContainText("Fixture organiser handed the lead to Sam Facilitator");

  // Sam locks the room controls: Olu's are disabled, with the reason.
  await samPage.getByRole("button", { name: "Lock room controls" }).click();
  await expect(olu.getByTestId("controls-locked")).toContainText("Sam Facilitator leads and has locked the room controls");
  await expect(olu.getByRole("button", { name: "Start next phase: Make" })).toBeDisabled();
  await expect(olu.getByRole("button", { name: "Teams", exact: true })).toBeDisabled();
  await expect(olu.getByRole("button", { name: "+ 1 minute" })).toBeDisabled();
  await expect(samPage.getByRole("button", { name: "Start next phase: Make" })).toBeEnabled();
  for (const p of [olu, samPage]) await expect(logOf(p)).toContainText("Sam Facilitator locked the room controls");

  // Olu keeps the boards: locking one still works, and both logs show it.
  await olu.getByRole("button", { name: "Lock board Big ideas" }).click();
  for (const p of [olu, samPage]) await expect(logOf(p)).toContainText("Fixture organiser locked the board “Big ideas”");

  // The lead runs the room: the big screen, the timer and the next phase.
  await samPage.getByRole("button", { name: "Teams", exact: true }).click();
  await samPage.getByRole("button", { name: "Start timer" }).click();
  await samPage.getByRole("button", { name: "Start next phase: Make" }).click();
  await expect(amira!.getByTestId("room-phase")).toHaveText("Make");
  await expect(ben!.getByTestId("room-phase")).toHaveText("Make");
  for (const p of [olu, samPage]) {
    await expect(logOf(p)).toContainText("Sam Facilitator put");
    await expect(logOf(p)).toContainText("Sam Facilitator started the timer");
    await expect(logOf(p)).toContainText("Sam Facilitator started Make");
  }

  // An announcement from Olu (announcing is not a room control) reaches the phones and both logs.
  await olu.getByLabel("Message").fill("Lunch is in the foyer");
  await olu.getByRole("button", { name: "Send announcement" }).click();
  await expect(amira!.getByTestId("announcement")).toHaveText("Lunch is in the foyer");
  for (const p of [olu, samPage]) await expect(logOf(p)).toContainText("Fixture organiser announced “Lunch is in the foyer”");

  // Olu's presentations console says the same: the results, the presentations and their steps are the big screen too.
  const oluPresents = await oluContext.newPage();
  await oluPresents.goto(`/f/${event.slug}/presentations`);
  await expect(oluPresents.getByTestId("controls-locked")).toContainText(
    "Sam Facilitator leads and has locked the room controls",
  );
  await expect(oluPresents.getByTestId("project-results")).toBeDisabled();
  await expect(oluPresents.getByTestId("show-presentations")).toBeDisabled();
  // Who is on and their clock are the big screen's too: the presenter's steps wait for the lead.
  const start = oluPresents.getByTestId("presenter-next-button");
  await expect(start).toBeDisabled();
  await expect(start).toHaveAccessibleDescription(/Sam Facilitator leads and has locked the room controls/);
  await oluPresents.close();

  // Sam hands the lead back and it unlocks for Olu once unlocked.
  await samPage.getByRole("button", { name: "Unlock room controls" }).click();
  await expect(olu.getByTestId("controls-locked")).toHaveCount(0);
  await expect(olu.getByRole("button", { name: "Teams", exact: true })).toBeEnabled();

  // The review keeps the log.
  const review = await oluContext.newPage();
  await review.goto(`/o/${event.slug}/review`);
  const kept = review.getByTestId("review-activity");
  await expect(kept).toContainText("Fixture organiser started Explore");
  await expect(kept).toContainText("Fixture organiser handed the lead to Sam Facilitator");
  await expect(kept).toContainText("Sam Facilitator locked the room controls");
  await expect(kept).toContainText("Sam Facilitator started Make");
  await expect(kept).toContainText("Fixture organiser announced “Lunch is in the foyer”");

  await olu.screenshot({ path: "test-results/team-console-1280.png", fullPage: false });
  await samPage.screenshot({ path: "test-results/team-console-1920.png", fullPage: false });
  for (const c of [oluContext, samContext, screenContext, ...phones]) await c.close();
});

test("invite a facilitator from the console: the new facilitator accepts in a fresh browser and lands on the console", async ({
  browser,
}) => {
  test.setTimeout(150_000);
  const event = await createEventFixture({ name: "Made in Helpers" });
  const oluContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(oluContext, event.organiser.id);
  const olu = await oluContext.newPage();
  await olu.goto(`/f/${event.slug}`);
  await online(olu);

  await olu.getByRole("link", { name: "Add a facilitator" }).click();
  await expect(olu.getByRole("heading", { name: "Add a facilitator", level: 1 })).toBeVisible();
  await expect(olu.getByRole("radio", { name: /^Facilitator/ })).toBeChecked();
  await olu.getByRole("radio", { name: /^3 days/ }).check();
  await olu.getByRole("button", { name: "Create invitation link" }).click();
  const field = olu.getByLabel(/^Invitation link for a facilitator/);
  await expect(field).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  const link = await field.inputValue();
  // Back on the console before Hana accepts: she appears there without a reload.
  await olu.goto(`/f/${event.slug}`);
  await online(olu);
  await expect(olu.getByLabel("Who leads")).not.toContainText("Hana Helper");
  const reloads = { count: 0 };
  olu.on("load", () => reloads.count++);

  const helper = await createAccount("Hana Helper");
  const fresh = await browser.newContext();
  await signIn(fresh, helper.id);
  const page = await fresh.newPage();
  // The link carries the address phones use; Hana's cookies are this server's 127.0.0.1.
  await page.goto(new URL(link).pathname);
  await expect(page.getByRole("heading", { name: "Help run Made in Helpers as a facilitator" })).toBeVisible();
  await expect(page.getByTestId("invited-by")).toContainText("Fixture organiser invited you");
  await page.getByRole("button", { name: "Join Made in Helpers as facilitator" }).click();
  await expect(page).toHaveURL(new RegExp(`/f/${event.slug}$`));
  await online(page);
  await expect(page.getByTestId("lead-panel")).toBeVisible();
  // Hana can be handed the lead from Olu's console once she is in, without Olu reloading.
  await expect(olu.getByLabel("Who leads")).toContainText("Hana Helper");
  expect(reloads.count).toBe(0);
  await olu.screenshot({ path: "test-results/team-console-invited-1280.png" });
  await fresh.close();
  await oluContext.close();
});

test("a phone during a vote says what it can do, and can still add a note", async ({ browser }) => {
  const event = await createEventFixture({ name: "Made in Voting" });
  const board = await addBoardFixture(event.id, { title: "Room ideas", template: "ideas" });
  const oluContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(oluContext, event.organiser.id);
  const olu = await oluContext.newPage();
  await olu.goto(`/f/${event.slug}`);
  await online(olu);
  const phoneContext = await browser.newContext(phone);
  await joinAs(phoneContext, event.id, "Amira");
  const amira = await phoneContext.newPage();
  await amira.goto(`/p/${event.slug}/b/${board.id}`);
  await online(amira);

  await olu.getByRole("button", { name: "Open a vote on Room ideas" }).click();
  await expect(amira.getByTestId("vote-banner")).toContainText("Voting is open");
  await expect(amira.getByTestId("vote-can-do")).toContainText("You can still add a note below");
  await amira.screenshot({ path: "test-results/team-phone-vote-390.png" });
  for (const c of [oluContext, phoneContext]) await c.close();
});
