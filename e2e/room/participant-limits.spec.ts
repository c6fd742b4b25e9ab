import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { createEventFixture, joinAs, signIn } from "../support/fixtures";
import { participantSocket } from "../support/participant-socket";
import { phone, projector } from "../support/viewports";

test.use(phone);

test("a participant is refused the facilitator console and the big screen", async ({ page, context }) => {
  const event = await createEventFixture();
  await joinAs(context, event.id, "Jo");

  await page.goto(`/f/${event.slug}`);
  await expect(page.getByRole("heading", { name: "This page is for the people running the event" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Send announcement" })).toHaveCount(0);
  await expectAccessible(page);

  await page.goto(`/s/${event.slug}`);
  await expect(page.getByRole("heading", { name: "The big screen is opened by the facilitator" })).toBeVisible();
  await page.getByRole("link", { name: "Go to my page" }).click();
  await expect(page.getByRole("heading", { name: "Hello, Jo" })).toBeVisible();
});

test("someone not signed in is sent to sign in before the console", async ({ page }) => {
  const event = await createEventFixture();
  await page.goto(`/f/${event.slug}`);
  await expect(page).toHaveURL(new RegExp(`/signin\\?next=${encodeURIComponent(`/f/${event.slug}`)}`));
});

test("a participant's socket cannot send a facilitator command: clear refusal, nothing changes", async ({ browser, context }) => {
  const event = await createEventFixture();
  await joinAs(context, event.id, "Mallory");

  const projectorContext = await browser.newContext(projector);
  await signIn(projectorContext, event.organiser.id);
  const screen = await projectorContext.newPage();
  await screen.goto(`/s/${event.slug}`);
  await expect(screen.locator('[data-status="online"]')).toBeVisible();

  // The participant's own cookie, driven by hand rather than by the page, as an attacker would.
  const socket = await participantSocket(context, event.id);
  try {
    const ack = await socket
      .timeout(5000)
      .emitWithAck("announcement:send", { id: "forged-announcement-1", payload: { text: "Free pizza upstairs" } });
    expect(ack).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(ack.error.message).toMatch(/facilitator or organiser/);

    // The same socket may still do what participants do, and that does reach the big screen,
    // which proves the screen was listening while the forged announcement was refused.
    const page = await context.newPage();
    await page.goto(`/p/${event.slug}`);
    await page.getByLabel("Your note").fill("Participants can post notes");
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(screen.getByTestId("screen-note").filter({ hasText: "Participants can post notes" })).toBeVisible();
    await expect(screen.getByTestId("screen-announcement")).toHaveCount(0);
  } finally {
    socket.close();
    await projectorContext.close();
  }
});

test("a phone adding notes faster than the room allows is told why one waits, and it arrives without retyping", async ({
  browser,
  context,
}) => {
  // 31 notes from one phone, then the server's one-minute note window has to pass.
  test.setTimeout(180_000);
  const event = await createEventFixture();
  await joinAs(context, event.id, "Quick Thinker");
  const page = await context.newPage();
  await page.goto(`/p/${event.slug}`);
  const otherContext = await browser.newContext(phone);
  await joinAs(otherContext, event.id, "Ben");
  const other = await otherContext.newPage();
  await other.goto(`/p/${event.slug}`);

  // 30 notes a minute each: the 31st is kept on the phone and says why it hasn't gone yet.
  for (let i = 1; i <= 31; i++) {
    await page.getByLabel("Your note").fill(`Idea number ${i}`);
    await page.getByRole("button", { name: "Add note" }).click();
  }
  await expect(other.getByTestId("note").filter({ hasText: "Idea number 30" })).toBeVisible();
  const waiting = page.getByText("That's a lot of notes very quickly. Yours will be added in a moment.");
  await expect(waiting).toBeVisible();
  await expect(other.getByTestId("note").filter({ hasText: "Idea number 31" })).toHaveCount(0);
  await expectAccessible(page);

  // Once the minute has passed it goes on its own, and reaches the other phone.
  await expect(other.getByTestId("note").filter({ hasText: "Idea number 31" })).toBeVisible({ timeout: 120_000 });
  await expect(waiting).toHaveCount(0);
  await otherContext.close();
});
