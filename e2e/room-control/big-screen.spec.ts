import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { addBoardFixture, addStaff, createEventFixture, signIn } from "../support/fixtures";
import { projector } from "../support/viewports";
import { addAgenda, expectSameCountdown } from "./support";

const wallOf = (screen: Page) => screen.getByTestId("big-screen");

async function expectFitsProjector(screen: Page) {
  const size = await screen.evaluate(() => ({
    height: document.documentElement.scrollHeight,
    width: document.documentElement.scrollWidth,
  }));
  expect(size).toEqual({ height: 1080, width: 1920 });
}

test("the facilitator switches the big screen by clicking on the console and by keys on the screen; a reload keeps the wall", async ({
  browser,
}) => {
  const event = await createEventFixture();
  await addAgenda(event.id, ["Kick-off evening", "Explore", "Make", "Presentations"]);
  await addBoardFixture(event.id, { title: "Big ideas", template: "ideas" });
  const facilitator = await addStaff(event.id, "facilitator");

  const laptop = await browser.newContext(projector);
  await signIn(laptop, facilitator.id);
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}`);
  const projectorContext = await browser.newContext(projector);
  await signIn(projectorContext, facilitator.id);
  const screen = await projectorContext.newPage();
  await screen.goto(`/s/${event.slug}`);
  await expect(screen.locator('[data-status="online"]')).toBeVisible();
  await expect(wallOf(screen)).toHaveAttribute("data-wall", "join");
  await expect(screen.getByTestId("screen-code")).toBeVisible();
  await expectFitsProjector(screen);

  // By clicking on the console.
  await console_.getByRole("button", { name: "Teams", exact: true }).click();
  await expect(wallOf(screen)).toHaveAttribute("data-wall", "teams");
  await console_.getByRole("button", { name: "Agenda", exact: true }).click();
  await expect(screen.getByTestId("wall-agenda")).toContainText("Presentations");
  await expectFitsProjector(screen);
  await console_.getByRole("button", { name: "Show board Big ideas" }).click();
  await expect(screen.getByTestId("wall-board").getByRole("heading", { name: "Big ideas" })).toBeVisible();
  await expectFitsProjector(screen);
  await console_.getByRole("button", { name: "Join", exact: true }).click();
  await expect(wallOf(screen)).toHaveAttribute("data-wall", "join");

  // By keys, standing at the laptop.
  await screen.keyboard.press("t");
  await expect(wallOf(screen)).toHaveAttribute("data-wall", "teams");
  await expect(console_.getByTestId("console-wall")).toContainText("the teams");
  await screen.keyboard.press("a");
  await expect(screen.getByTestId("wall-agenda")).toBeVisible();
  await screen.keyboard.press("b");
  await expect(wallOf(screen)).toHaveAttribute("data-wall", "board");
  await screen.keyboard.press("j");
  await expect(wallOf(screen)).toHaveAttribute("data-wall", "join");
  await screen.keyboard.press("n");
  await expect(screen.getByTestId("screen-phase")).toContainText("Kick-off evening");
  await expect(console_.getByTestId("console-phase")).toContainText("Kick-off evening");

  // Space starts the timer; the console and the projector count the same seconds.
  await screen.keyboard.press(" ");
  await expect(screen.locator('[data-timer-status="running"]')).toBeVisible();
  await expectSameCountdown(screen.getByTestId("screen-timer"), console_.getByTestId("console-timer"));

  await screen.keyboard.press("?");
  await expect(screen.getByRole("dialog", { name: "Keyboard shortcuts" })).toContainText("Start or pause the timer");
  await screen.keyboard.press("Escape");
  await expect(screen.getByRole("dialog")).toHaveCount(0);

  // Space on a focused button presses that button and leaves the room's timer running; while the
  // list of keys is open (its Close button has focus), the screen's keys are read, not acted on.
  await screen.getByRole("button", { name: "Shortcuts: press ?" }).focus();
  await screen.keyboard.press(" ");
  const keys = screen.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(keys).toBeVisible();
  await screen.keyboard.press("t");
  await screen.keyboard.press("0");
  await expect(keys).toBeVisible();
  await screen.keyboard.press("Escape");
  await expect(screen.getByRole("dialog")).toHaveCount(0);
  // Once this key has changed the wall, one pressed before it would have reached the room too.
  await screen.keyboard.press("m");
  await expect(wallOf(screen)).toHaveAttribute("data-wall", "announcement");
  await expect(console_.getByTestId("console-wall")).not.toContainText("the teams");
  await expect(screen.locator('[data-timer-status="running"]')).toBeVisible();
  await expect(console_.locator('[data-timer-status="running"]')).toBeVisible();

  // A reload (or a laptop waking up) comes back to the same wall and the same countdown.
  await screen.keyboard.press("a");
  await expect(wallOf(screen)).toHaveAttribute("data-wall", "agenda");
  await screen.reload();
  await expect(wallOf(screen)).toHaveAttribute("data-wall", "agenda");
  await expect(screen.getByTestId("screen-phase")).toContainText("Kick-off evening");
  await expectSameCountdown(screen.getByTestId("screen-timer"), console_.getByTestId("console-timer"));

  // A dropped network: what changed meanwhile arrives once the screen is back.
  await projectorContext.setOffline(true);
  await expect(screen.locator('[data-status="offline"]')).toBeVisible();
  await console_.getByRole("button", { name: "Teams", exact: true }).click();
  await expect(console_.getByTestId("console-wall")).toContainText("the teams");
  await projectorContext.setOffline(false);
  await expect(wallOf(screen)).toHaveAttribute("data-wall", "teams");

  await projectorContext.close();
  await laptop.close();
});

test("the console and the big screen pass axe, the screen in both themes, and every wall fits 1920×1080", async ({ browser }) => {
  const event = await createEventFixture();
  await addAgenda(event.id, ["Kick-off evening", "Explore"]);
  await addBoardFixture(event.id, { title: "Big ideas", template: "ideas" });
  const laptop = await browser.newContext(projector);
  await signIn(laptop, event.organiser.id);
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}`);
  await console_.getByRole("button", { name: "Start next phase: Kick-off evening" }).click();
  await console_.getByRole("button", { name: "Start timer" }).click();
  await expectAccessible(console_);

  const screen = await laptop.newPage();
  await screen.goto(`/s/${event.slug}`);
  await expect(screen.getByTestId("screen-timer")).toBeVisible();
  await expectAccessible(screen);
  const walls = { t: "teams", a: "agenda", b: "board", v: "votes", m: "announcement", r: "rotate", j: "join" };
  for (const [key, wall] of Object.entries(walls)) {
    await screen.keyboard.press(key);
    await expect(wallOf(screen)).toHaveAttribute("data-wall", wall);
    await expectFitsProjector(screen);
  }
  await screen.keyboard.press("l");
  await expect(wallOf(screen)).toHaveAttribute("data-theme", "light");
  await expectAccessible(screen);
  await screen.keyboard.press("a");
  await expect(screen.getByTestId("wall-agenda")).toBeVisible();
  await expectAccessible(screen);
  // The theme is this projector's choice, kept across a reload.
  await screen.reload();
  await expect(wallOf(screen)).toHaveAttribute("data-theme", "light");
  await laptop.close();
});
