import { expect, test } from "@playwright/test";
import { createEventFixture, signIn } from "../support/fixtures";
import { projector } from "../support/viewports";
import { addAgenda } from "./support";

/**
 * Room controls are now or never: pressed on a console that has lost its connection they are
 * refused at once, in words, and nothing is sent when the laptop comes back (an hour later it
 * would override the room without anyone being told). What was typed stays in its box.
 */
test("a console offline refuses the timer, a phase and an announcement at once, keeps the text, and sends none of them later", async ({
  browser,
}) => {
  const event = await createEventFixture();
  await addAgenda(event.id, ["Kick-off evening", "Explore"]);
  const laptop = await browser.newContext(projector);
  await signIn(laptop, event.organiser.id);
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}`);
  const hall = await browser.newContext(projector);
  await signIn(hall, event.organiser.id);
  const screen = await hall.newPage();
  await screen.goto(`/s/${event.slug}`);
  await expect(screen.locator('[data-status="online"]')).toBeVisible();
  await expect(console_.locator('[data-status="online"]')).toBeVisible();

  await laptop.setOffline(true);
  await expect(console_.locator('[data-status="offline"]')).toBeVisible();
  const notSent = "Not connected, so nothing was sent to the room. Try again once the connection is back.";

  await console_.getByRole("button", { name: "Start timer" }).click();
  await expect(console_.locator("#timer").getByRole("alert")).toHaveText(notSent);
  await console_.getByRole("button", { name: "Start next phase: Kick-off evening" }).click();
  await expect(console_.locator("#agenda").getByRole("alert")).toHaveText(notSent);
  await console_.getByRole("button", { name: "Teams", exact: true }).click();
  await expect(console_.locator("#screen").getByRole("alert")).toHaveText(notSent);

  const box = console_.getByLabel("Message");
  await box.fill("Lunch is in the hall");
  await console_.getByRole("button", { name: "Send announcement" }).click();
  await expect(console_.locator("#announce").getByText(notSent)).toBeVisible();
  await expect(box).toHaveValue("Lunch is in the hall");
  // Nothing is waiting to be sent behind the facilitator's back.
  await expect(console_.getByText(/waiting to send/)).toHaveCount(0);

  await laptop.setOffline(false);
  await expect(console_.locator('[data-status="online"]')).toBeVisible();
  // Back online, the announcement goes when sent again; it is the only change the room sees.
  await console_.getByRole("button", { name: "Send announcement" }).click();
  await expect(screen.getByTestId("screen-announcement")).toContainText("Lunch is in the hall");
  await expect(box).toHaveValue("");
  await expect(screen.getByTestId("big-screen")).toHaveAttribute("data-wall", "join");
  await expect(screen.getByTestId("screen-phase")).toHaveCount(0);
  await expect(screen.locator('[data-timer-status="running"]')).toHaveCount(0);
  await expect(console_.locator('[data-timer-status="running"]')).toHaveCount(0);

  await hall.close();
  await laptop.close();
});
