import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { addStaff, createEventFixture, joinAs, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";

test("presence is live: a phone joining and leaving changes the count on the console", async ({ browser }) => {
  const event = await createEventFixture();
  const facilitator = await addStaff(event.id, "facilitator");
  const laptop = await browser.newContext(projector);
  await signIn(laptop, facilitator.id);
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}`);
  await expect(console_.getByTestId("console-participants")).toHaveText("0");
  await expectAccessible(console_);

  const phoneContext = await browser.newContext(phone);
  await joinAs(phoneContext, event.id, "Priya");
  const handset = await phoneContext.newPage();
  await handset.goto(`/p/${event.slug}`);
  await expect(console_.getByTestId("console-participants")).toHaveText("1");
  // The phone counts the people who joined: the facilitator at the console is staff, not one of them.
  await expect(handset.getByTestId("people-here")).toHaveText("1");

  // A second tab of the same person is still one person.
  const secondTab = await phoneContext.newPage();
  await secondTab.goto(`/p/${event.slug}`);
  await expect(secondTab.getByTestId("people-here")).toHaveText("1");
  await expect(console_.getByTestId("console-participants")).toHaveText("1");

  await phoneContext.close();
  await expect(console_.getByTestId("console-participants")).toHaveText("0");
  await laptop.close();
});

test("a facilitator's announcement pops up on every phone and on the big screen", async ({ browser }) => {
  const event = await createEventFixture();
  const laptop = await browser.newContext(projector);
  await signIn(laptop, event.organiser.id);
  const screen = await laptop.newPage();
  await screen.goto(`/s/${event.slug}`);
  await expect(screen.getByTestId("screen-code")).toHaveText(`${event.joinCode.slice(0, 3)}-${event.joinCode.slice(3)}`);
  await expect(screen.getByRole("img", { name: /QR code to join/ })).toBeVisible();
  // Nobody has joined yet: the organiser signed in on the projector is not counted as someone here.
  await expect(screen.getByTestId("screen-people")).toHaveText("0");
  await expect(screen.getByText("people here")).toBeVisible();
  await expectAccessible(screen);

  const phoneContext = await browser.newContext(phone);
  await joinAs(phoneContext, event.id, "Sam");
  const handset = await phoneContext.newPage();
  await handset.goto(`/p/${event.slug}`);
  await expect(screen.getByTestId("screen-people")).toHaveText("1");
  await expect(screen.getByText("person here")).toBeVisible();

  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}`);
  await console_.getByLabel("Message").fill("Lunch is ready in the foyer");
  await console_.getByRole("button", { name: "Send announcement" }).click();
  await expect(console_.getByText("Sent to every phone and the big screen.")).toBeVisible();

  await expect(handset.getByTestId("announcement")).toHaveText("Lunch is ready in the foyer");
  await expect(screen.getByTestId("screen-announcement")).toHaveText("Lunch is ready in the foyer");
  await expectAccessible(handset);

  // A phone that arrives later still sees the current announcement (it is in the snapshot).
  const late = await phoneContext.newPage();
  await late.goto(`/p/${event.slug}`);
  await expect(late.getByTestId("announcement")).toHaveText("Lunch is ready in the foyer");

  await phoneContext.close();
  await laptop.close();
});
