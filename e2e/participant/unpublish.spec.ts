import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { createEventFixture, joinAs, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";

/**
 * A phone kept out of a closed event tries again at most half a minute apart
 * (lib/realtime/client/connection.ts): the wait for it to come back allows for one such gap.
 */
const backWithin = { timeout: 45_000 };

test("taken back to draft, phones are told the event isn't open (not that they're signed out), and are back in as themselves once it is published", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const desk = await browser.newContext(projector);
  const handsetContext = await browser.newContext(phone);
  try {
    await signIn(desk, event.organiser.id);
    const organiser = await desk.newPage();
    await organiser.goto(`/o/${event.slug}`);
    const screen = await desk.newPage();
    await screen.goto(`/s/${event.slug}`);
    await expect(screen.locator('[data-status="online"]')).toBeVisible();
    const console_ = await desk.newPage();
    await console_.goto(`/f/${event.slug}`);
    await expect(console_.getByRole("heading", { name: "How people join" })).toBeVisible();
    await expect(console_.getByTestId("console-draft")).toHaveCount(0);

    await joinAs(handsetContext, event.id, "Amara");
    const handset = await handsetContext.newPage();
    await handset.goto(`/p/${event.slug}`);
    await expect(handset.locator('[data-status="online"]')).toBeVisible();
    await expect(handset.getByLabel("Your note")).toBeVisible();

    const setStatus = async (label: "Draft" | "Published", saved: string) => {
      await organiser.getByRole("radio", { name: label }).check();
      await organiser.getByRole("button", { name: "Save status" }).click();
      await expect(organiser.getByText(saved)).toBeVisible();
    };
    await setStatus("Draft", "Saved. The event is a draft again");

    // The phone says why, in words that don't tell Amara she's signed out or must join again.
    const pill = handset.locator('output[data-status="closed"]');
    await expect(pill).toContainText("This event isn't open at the moment");
    await expect(handset.getByText("no longer signed in")).toHaveCount(0);
    await expectAccessible(handset);
    // The staff screens say the phones can't reach it; they themselves carry on.
    await expect(console_.getByTestId("console-draft")).toContainText("This event is a draft");
    await expect(screen.getByTestId("join-draft")).toContainText("isn't open at the moment");
    await expect(screen.locator('[data-status="online"]')).toBeVisible();

    // What she writes meanwhile waits on the phone.
    await handset.getByLabel("Your note").fill("Written while the doors were shut");
    await handset.getByRole("button", { name: /Add note/ }).click();
    await expect(handset.getByText("1 waiting to send")).toBeVisible();

    await setStatus("Published", "Saved. The event is published");
    await expect(console_.getByTestId("console-draft")).toHaveCount(0);
    await expect(screen.getByTestId("join-draft")).toHaveCount(0);

    // Back in without a tap, as herself: her note goes, under her name, and the room sees it.
    await expect(handset.locator('[data-status="online"]')).toBeVisible(backWithin);
    await expect(handset.getByRole("heading", { name: "Hello, Amara" })).toBeVisible();
    const delivered = handset.getByTestId("note").filter({ hasText: "Written while the doors were shut" });
    await expect(delivered).toHaveCount(1);
    await expect(delivered).toContainText("Amara");
    await expect(handset.getByTestId("pending-note")).toHaveCount(0);
    await expect(screen.getByTestId("screen-note").filter({ hasText: "Written while the doors were shut" })).toHaveCount(1);
  } finally {
    await handsetContext.close();
    await desk.close();
  }
});
