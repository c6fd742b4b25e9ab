import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { addBoardFixture, addStaff, createEventFixture, joinAs, signIn } from "../support/fixtures";
import { ownServer } from "../support/own-server";
import { phone, projector } from "../support/viewports";
import { addAgenda, expectSameCountdown } from "./support";

/** This context's clock is wrong by `ms`: the room's timer must not care. */
const shiftClock = (context: BrowserContext, ms: number) =>
  context.addInitScript((shift) => {
    const realNow = Date.now.bind(Date);
    Date.now = () => realNow() + shift;
  }, ms);

const online = (page: Page) => expect(page.locator('[data-status="online"]').first()).toBeVisible({ timeout: 30_000 });

// The acceptance in one story: a console, a big screen and two phones, on a server of the
// test's own so it can be killed and started again mid-test.
test("one console runs the big screen and two phones: phase, timer, announcement, walls, and a server restart", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const server = ownServer(60);
  await server.start();
  try {
    const event = await createEventFixture();
    await addAgenda(event.id, ["Kick-off evening", "Explore", "Make"]);
    const ideas = await addBoardFixture(event.id, { title: "Big ideas", template: "ideas" });
    const sam = await addStaff(event.id, "facilitator", "Sam, facilitator");

    const laptop = await browser.newContext({ viewport: { width: 1600, height: 1000 }, baseURL: server.base });
    await signIn(laptop, sam.id);
    const console_ = await laptop.newPage();
    await console_.goto(`${server.base}/f/${event.slug}`);
    await online(console_);

    const projectorContext = await browser.newContext({ ...projector, baseURL: server.base });
    await shiftClock(projectorContext, -61_000); // the projector's laptop is a minute slow
    await signIn(projectorContext, sam.id);
    const screen = await projectorContext.newPage();
    await screen.goto(`${server.base}/s/${event.slug}`);
    await online(screen);
    const wall = screen.getByTestId("big-screen");

    const phoneA = await browser.newContext({ ...phone, baseURL: server.base });
    const phoneB = await browser.newContext({ ...phone, baseURL: server.base });
    await shiftClock(phoneB, 97_000); // and this phone is 97 seconds fast
    await joinAs(phoneA, event.id, "Amira");
    await joinAs(phoneB, event.id, "Ben");
    const amira = await phoneA.newPage();
    await amira.goto(`${server.base}/p/${event.slug}`);
    await online(amira);

    // Starting a phase and the timer updates every screen.
    await console_.getByRole("button", { name: "Start next phase: Kick-off evening" }).click();
    await expect(screen.getByTestId("screen-phase")).toContainText("Kick-off evening");
    await expect(amira.getByTestId("room-phase")).toHaveText("Kick-off evening");
    await expect(amira.getByTestId("nudge")).toContainText("Now: Kick-off evening");

    // Ben opens the page after the phase started: the nudge comes with the room's snapshot.
    const ben = await phoneB.newPage();
    await ben.goto(`${server.base}/p/${event.slug}`);
    await online(ben);
    await expect(ben.getByTestId("room-phase")).toHaveText("Kick-off evening");
    await expect(ben.getByTestId("nudge")).toContainText("Now: Kick-off evening");
    await ben.getByTestId("nudge").getByRole("button", { name: "OK" }).click();
    await ben.reload();
    await online(ben);
    await expect(ben.getByTestId("room-phase")).toHaveText("Kick-off evening");
    await expect(ben.getByTestId("nudge")).toHaveCount(0); // answered once, not repeated by a reload

    await console_.getByLabel("Minutes").fill("10");
    await console_.getByRole("button", { name: "Start fresh" }).click();
    const consoleTimer = console_.getByTestId("console-timer");
    const screenTimer = screen.getByTestId("screen-timer");
    await expect(screenTimer).toHaveText(/^(10:00|9:5\d)$/);
    await expect(amira.getByTestId("room-timer")).toHaveText(/^(10:00|9:5\d)$/);
    await expect(ben.getByTestId("room-timer")).toHaveText(/^(10:00|9:5\d)$/);
    // The same remaining seconds (±1 s) everywhere, shifted clocks included.
    await expectSameCountdown(consoleTimer, screenTimer);
    await expectSameCountdown(consoleTimer, amira.getByTestId("room-timer"));
    await expectSameCountdown(consoleTimer, ben.getByTestId("room-timer"));
    await expectSameCountdown(screenTimer, ben.getByTestId("room-timer"));

    // An announcement pops up on both phones and the big screen.
    await console_.getByLabel("Message").fill("Lunch is ready in the foyer");
    await console_.getByRole("button", { name: "Send announcement" }).click();
    await expect(amira.getByTestId("announcement")).toHaveText("Lunch is ready in the foyer");
    await expect(ben.getByTestId("announcement")).toHaveText("Lunch is ready in the foyer");
    await expect(screen.getByTestId("screen-announcement")).toContainText("Lunch is ready in the foyer");

    // A note added on a phone shows in the console's list of boards without a reload.
    const ideasRow = console_.getByTestId("board-row").filter({ hasText: "Big ideas" });
    await expect(ideasRow).toContainText("0 notes");
    await amira.goto(`${server.base}/p/${event.slug}/b/${ideas.id}`);
    await online(amira);
    await amira.getByLabel("Your note").fill("Free tennis on Sunday mornings");
    await amira.getByRole("button", { name: /^Add note/ }).click();
    await expect(ideasRow).toContainText("1 note");
    await amira.goto(`${server.base}/p/${event.slug}`);
    await online(amira);

    // Switching the wall on the console switches the big screen.
    await console_.getByRole("button", { name: "Teams", exact: true }).click();
    await expect(wall).toHaveAttribute("data-wall", "teams");
    await console_.getByRole("button", { name: "Show board Big ideas" }).click();
    await expect(screen.getByTestId("wall-board").getByRole("heading", { name: "Big ideas" })).toBeVisible();

    // Quick controls on the console: lock and a vote, without leaving it ("Show votes" is under "More").
    await console_.getByRole("button", { name: "Lock board Big ideas" }).click();
    await expect(screen.getByTestId("wall-board").getByText("Locked", { exact: true })).toBeVisible();
    await expect(console_.getByRole("button", { name: "Locked: unlock board Big ideas" })).toBeVisible();
    await console_.getByRole("button", { name: "Open a vote on Big ideas" }).click();
    await ideasRow.getByText("More").click();
    await console_.getByRole("button", { name: "Show votes on Big ideas" }).click();
    await expect(screen.getByTestId("wall-votes")).toContainText("Voting is open");
    await expect(console_.getByTestId("quick-vote-status").first()).toContainText("Vote open");
    await console_.screenshot({ path: "e2e/.artifacts/screenshots/console-quick-controls-1600.png", fullPage: true });
    await console_.getByRole("button", { name: "Close the vote on Big ideas" }).click();
    await expect(screen.getByTestId("wall-votes")).toContainText("Voting has closed");
    await console_.getByRole("button", { name: "Reveal the votes on Big ideas" }).click();
    await expect(console_.getByRole("button", { name: "Open a vote on Big ideas" })).toBeVisible();

    // The next phase starts while the board is on the wall: phones are invited there.
    await console_.getByRole("button", { name: "Show board Big ideas" }).click();
    await console_.getByRole("button", { name: "Start next phase: Explore" }).click();
    const nudge = amira.getByTestId("nudge");
    await expect(nudge).toContainText("Now: Explore on the board Big ideas");
    await amira.screenshot({ path: "e2e/.artifacts/screenshots/phone-phase-nudge-390.png" });
    await nudge.getByRole("link", { name: "Go to the board" }).click();
    await expect(amira).toHaveURL(new RegExp(`/p/${event.slug}/b/${ideas.id}$`));

    // A board made after the big screen loaded is among its choices: "b" steps on to it.
    await console_.getByLabel("Title").fill("Parking lot");
    await console_.getByRole("button", { name: "Create board" }).click();
    await expect(console_).toHaveURL(/\/f\/[^/]+\/b\//);
    await screen.keyboard.press("b");
    await expect(screen.getByTestId("wall-board").getByRole("heading", { name: "Parking lot" })).toBeVisible();
    await console_.goto(`${server.base}/f/${event.slug}`);
    await expect(console_.getByTestId("console-wall")).toContainText("the board Parking lot");

    // The server restarts: the big screen reconnects by itself and follows the console again.
    await server.kill();
    await expect(screen.locator('[data-status="connecting"]').first()).toBeVisible();
    await server.start();
    await online(screen);
    await online(console_);
    await console_.getByRole("button", { name: "Agenda", exact: true }).click();
    await expect(screen.getByTestId("wall-agenda")).toContainText("Explore");
    await expectSameCountdown(consoleTimer, screenTimer);
    await expectAccessible(screen);

    await Promise.all([laptop.close(), projectorContext.close(), phoneA.close(), phoneB.close()]);
  } finally {
    await server.kill();
  }
});
