import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { addBoardFixture, addStaff, createEventFixture, joinAs, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";
import { joinByCode } from "../teams/support";
import { addAgenda, expectSameCountdown, shownSeconds } from "./support";

test("the console starts the next phase and the timer; a phone with a wrong clock shows the same countdown and follows a nudge", async ({
  browser,
}) => {
  const event = await createEventFixture();
  await addAgenda(event.id, ["Kick-off evening", "Explore", "Make"]);
  const board = await addBoardFixture(event.id, { title: "Big ideas", template: "ideas" });
  const facilitator = await addStaff(event.id, "facilitator", "Sam, facilitator");

  const laptop = await browser.newContext(projector);
  await signIn(laptop, facilitator.id);
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}`);

  const handsetContext = await browser.newContext(phone);
  // This phone's clock is 97 seconds fast: the countdown must not care.
  await handsetContext.addInitScript(() => {
    const realNow = Date.now.bind(Date);
    Date.now = () => realNow() + 97_000;
  });
  await joinAs(handsetContext, event.id, "Priya");
  const handset = await handsetContext.newPage();
  await handset.goto(`/p/${event.slug}`);
  await expect(handset.locator('[data-status="online"]')).toBeVisible();

  await console_.getByRole("button", { name: "Start next phase: Kick-off evening" }).click();
  await expect(console_.getByTestId("console-phase")).toContainText("Kick-off evening");
  await expect(console_.getByTestId("room-last-change")).toContainText("Sam, facilitator started Kick-off evening");
  await expect(handset.getByTestId("room-phase")).toHaveText("Kick-off evening");
  await expect(handset.getByTestId("nudge")).toContainText("Now: Kick-off evening");
  await handset.getByTestId("nudge").getByRole("button", { name: "OK" }).click();
  await expect(handset.getByTestId("nudge")).toHaveCount(0);

  // A length that can't be is refused with the reason, and the timer is left alone.
  const refusals: [string, string][] = [
    ["0", "A timer needs more than 0 minutes"],
    ["ten", "Minutes must be a number"],
  ];
  for (const [typed, reason] of refusals) {
    await console_.getByLabel("Minutes").fill(typed);
    await console_.getByRole("button", { name: "Reset" }).click();
    await expect(console_.getByRole("alert").filter({ hasText: reason })).toBeVisible();
    await expect(console_.getByLabel("Minutes")).toHaveValue(typed);
  }
  await console_.getByLabel("Minutes").fill("10");
  await console_.getByRole("button", { name: "Start fresh" }).click();
  const consoleTimer = console_.getByTestId("console-timer");
  const phoneTimer = handset.getByTestId("room-timer");
  await expect(phoneTimer).toHaveText(/^(10:00|9:5\d)$/);
  await expectSameCountdown(consoleTimer, phoneTimer);

  await console_.getByRole("button", { name: "Start next phase: Explore" }).click();
  await expect(handset.getByTestId("room-phase")).toHaveText("Explore");

  // Pause: both stop on the same second.
  await console_.getByRole("button", { name: "Pause" }).click();
  await expect(handset.locator('[data-timer-status="paused"]')).toBeVisible();
  await expect(phoneTimer).toHaveText((await consoleTimer.textContent()) ?? "");
  const paused = await shownSeconds(consoleTimer);
  await console_.getByRole("button", { name: "+ 1 minute" }).click();
  await expect.poll(() => shownSeconds(phoneTimer)).toBe(paused + 60);
  await console_.getByRole("button", { name: "Resume" }).click();
  await expect(handset.locator('[data-timer-status="running"]')).toBeVisible();
  await expectSameCountdown(consoleTimer, phoneTimer);

  // Sending the room to a board: the phone is invited, not moved.
  await console_.getByRole("button", { name: "Show board Big ideas" }).click();
  await expect(console_.getByTestId("console-wall")).toContainText("the board Big ideas");
  const nudge = handset.getByTestId("nudge");
  await expect(nudge).toContainText("Everyone to the board Big ideas");
  await expect(nudge).toContainText("from Sam, facilitator");
  await expect(handset).toHaveURL(new RegExp(`/p/${event.slug}$`));
  await expectAccessible(handset);
  await nudge.getByRole("link", { name: "Go to the board" }).click();
  await expect(handset).toHaveURL(new RegExp(`/p/${event.slug}/b/${board.id}$`));
  await expect(handset.getByRole("heading", { level: 1, name: "Big ideas" })).toBeVisible();
  // On the board it was sent to, the invitation is not repeated; the countdown still shows.
  await expect(handset.getByTestId("nudge")).toHaveCount(0);
  await expectSameCountdown(consoleTimer, handset.getByTestId("room-timer"));

  await console_.getByRole("button", { name: "Reset" }).click();
  await expect(consoleTimer).toHaveText("10:00");
  await expectAccessible(console_);

  await handsetContext.close();
  await laptop.close();
});

test("a participant's page gets no facilitator controls, and the console refuses a participant", async ({ browser }) => {
  const event = await createEventFixture();
  const context = await browser.newContext(phone);
  await joinAs(context, event.id, "Mallory");
  const page = await context.newPage();
  await page.goto(`/f/${event.slug}`);
  await expect(page.getByRole("heading", { name: "This page is for the people running the event" })).toBeVisible();
  await expect(page.getByRole("button", { name: /Start next phase/ })).toHaveCount(0);
  await context.close();
});

test("the console reads the people's private details once when it opens and once when someone joins, for both panels that show them", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const laptop = await browser.newContext(projector);
  await signIn(laptop, event.organiser.id);
  const console_ = await laptop.newPage();
  let reads = 0;
  console_.on("websocket", (ws) =>
    ws.on("framesent", (frame) => {
      if (String(frame.payload).includes('"participants:details"')) reads++;
    }),
  );
  await console_.goto(`/f/${event.slug}`);
  await expect(console_.getByText("Nobody matches.")).toBeVisible();
  await expect.poll(() => reads).toBe(1);

  const handset = await browser.newContext(phone);
  await joinByCode(await handset.newPage(), event.joinCode, "Amara Osei");
  await expect(console_.getByTestId("people-moderation").getByRole("listitem").filter({ hasText: "Amara" })).toBeVisible();
  await expect.poll(() => reads).toBe(2);
  await laptop.close();
  await handset.close();
});
