import { expect, test } from "@playwright/test";
import { addStaff, createEventFixture, joinAs, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";

test("a note written offline waits on the phone, then arrives exactly once when the Wi-Fi returns", async ({ browser }) => {
  const event = await createEventFixture();
  const facilitator = await addStaff(event.id, "facilitator");
  const laptop = await browser.newContext(projector);
  await signIn(laptop, facilitator.id);
  const screen = await laptop.newPage();
  await screen.goto(`/s/${event.slug}`);
  await expect(screen.locator('[data-status="online"]')).toBeVisible();

  const handsetContext = await browser.newContext(phone);
  await joinAs(handsetContext, event.id, "Dev");
  const handset = await handsetContext.newPage();
  await handset.goto(`/p/${event.slug}`);
  await expect(handset.locator('[data-status="online"]')).toBeVisible();
  // The board has loaded (its form shows) before the Wi-Fi goes.
  await expect(handset.getByLabel("Your note")).toBeVisible();

  await handsetContext.setOffline(true);
  await expect(handset.locator('[data-status="offline"]')).toBeVisible();
  await handset.getByLabel("Your note").fill("Typed in the lift with no signal");
  await handset.getByRole("button", { name: /Add note/ }).click();
  const pending = handset.getByTestId("pending-note").filter({ hasText: "Typed in the lift with no signal" });
  await expect(pending).toContainText("Waiting for connection");
  await expect(handset.getByText("1 waiting to send")).toBeVisible();
  await expect(screen.getByTestId("screen-note")).toHaveCount(0);

  await handsetContext.setOffline(false);
  const delivered = handset.getByTestId("note").filter({ hasText: "Typed in the lift with no signal" });
  await expect(delivered).toHaveCount(1);
  await expect(pending).toHaveCount(0);
  await expect(screen.getByTestId("screen-note").filter({ hasText: "Typed in the lift with no signal" })).toHaveCount(1);

  // After a reload the server's copy is the only one: nothing was queued twice.
  await handset.reload();
  await expect(handset.locator('[data-status="online"]')).toBeVisible();
  await expect(handset.getByTestId("note").filter({ hasText: "Typed in the lift with no signal" })).toHaveCount(1);
  await expect(handset.getByTestId("pending-note")).toHaveCount(0);

  await handsetContext.close();
  await laptop.close();
});

test("a note queued offline survives closing the page and is sent on the next visit", async ({ browser }) => {
  const event = await createEventFixture();
  const handsetContext = await browser.newContext(phone);
  await joinAs(handsetContext, event.id, "Rae");
  const handset = await handsetContext.newPage();
  await handset.goto(`/p/${event.slug}`);
  await expect(handset.locator('[data-status="online"]')).toBeVisible();
  // The board has loaded (its form shows) before the Wi-Fi goes.
  await expect(handset.getByLabel("Your note")).toBeVisible();

  await handsetContext.setOffline(true);
  await handset.getByLabel("Your note").fill("Queued, then the battery died");
  await handset.getByRole("button", { name: /Add note/ }).click();
  await expect(handset.getByTestId("pending-note")).toContainText("Waiting for connection");
  await handset.close();

  await handsetContext.setOffline(false);
  const back = await handsetContext.newPage();
  await back.goto(`/p/${event.slug}`);
  await expect(back.getByTestId("note").filter({ hasText: "Queued, then the battery died" })).toHaveCount(1);
  await expect(back.getByTestId("pending-note")).toHaveCount(0);
  await handsetContext.close();
});

test("a half-written note is still in the box after a reload", async ({ browser }) => {
  const event = await createEventFixture();
  const handsetContext = await browser.newContext(phone);
  await joinAs(handsetContext, event.id, "Lee");
  const handset = await handsetContext.newPage();
  await handset.goto(`/p/${event.slug}`);
  await handset.getByLabel("Your note").fill("Half a thought about the par");
  await handset.reload();
  await expect(handset.getByLabel("Your note")).toHaveValue("Half a thought about the par");
  await handsetContext.close();
});
