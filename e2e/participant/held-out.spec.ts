import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { e2eBaseUrl } from "../support/config";
import { addBoardFixture, createEventFixture, joinAs, setEventStatus, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";

/**
 * A phone kept out of a draft tries again at most half a minute apart, and of a finished event
 * at most five minutes apart, the first tries a few seconds apart (lib/realtime/client/connection.ts).
 * Each wait for a phone to come back allows for the gaps it may be in when the event reopens.
 */
const backFromDraft = { timeout: 45_000 };
const backFromFinished = { timeout: 60_000 };
/** Phones learning together that the event finished fetch their pages 5 s later, spread over 15 s more (lib/realtime/client/react.tsx). */
const redrawn = { timeout: 30_000 };

const setStatus = async (organiser: Page, label: "Draft" | "Published" | "Archived", saved: string) => {
  await organiser.getByRole("radio", { name: label }).check();
  await organiser.getByRole("button", { name: "Save status" }).click();
  await expect(organiser.getByText(saved)).toBeVisible();
};

test("archiving the event tells open phones it has finished (not that they're signed out), with what remains for them; published again, they are back in", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const event = await createEventFixture();
  const desk = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const handsetContext = await browser.newContext(phone);
  try {
    await signIn(desk, event.organiser.id);
    const organiser = await desk.newPage();
    await organiser.goto(`/o/${event.slug}`);

    await joinAs(handsetContext, event.id, "Amara");
    const handset = await handsetContext.newPage();
    await handset.goto(`/p/${event.slug}`);
    await expect(handset.locator('[data-status="online"]')).toBeVisible();
    await expect(handset.getByRole("heading", { name: "Hello, Amara" })).toBeVisible();

    await setStatus(organiser, "Archived", "Saved. The event is archived");

    // At once, the phone says why, in words that don't tell Amara she's signed out…
    await expect(handset.locator('output[data-status="finished"]')).toContainText(
      "This event has finished. Thank you for taking part.",
    );
    await expect(handset.getByText(/no longer signed in|Reload the page/)).toHaveCount(0);
    // …and then the page itself says so, with what is still there for her.
    const finished = handset.getByTestId("held-out");
    await expect(finished.getByRole("heading", { name: "This event has finished" })).toBeVisible(redrawn);
    await expect(finished.getByText("Thank you for taking part.")).toBeVisible();
    await expect(finished.getByRole("link", { name: /About this event and its briefs/ })).toHaveAttribute(
      "href",
      `/e/${event.slug}`,
    );
    await expect(finished.getByRole("link", { name: "Download your data" })).toHaveAttribute("href", `/p/${event.slug}/me/data`);
    await expect(handset.getByText(/no longer signed in|Not signed in/)).toHaveCount(0);
    await expectAccessible(handset);
    await handset.screenshot({ path: "e2e/.artifacts/held-out-finished-live.png", fullPage: true });

    // Published again (a mistake undone): back in the room, as herself, without a tap.
    await setStatus(organiser, "Published", "Saved. The event is published");
    await expect(handset.getByRole("heading", { name: "Hello, Amara" })).toBeVisible(backFromFinished);
    await expect(handset.locator('[data-status="online"]')).toBeVisible();
    await expect(handset.getByTestId("held-out")).toHaveCount(0);
  } finally {
    await handsetContext.close();
    await desk.close();
  }
});

test("a phone page opened while the event is a draft says it isn't open (not 'not found') and turns into the page once it is published; strangers still learn nothing", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { title: "Big ideas", template: "ideas" });
  const handsetContext = await browser.newContext(phone);
  try {
    await joinAs(handsetContext, event.id, "Amara");
    await setEventStatus(event.id, "draft");

    const handset = await handsetContext.newPage();
    const answer = await handset.goto(`/p/${event.slug}/b/${board.id}`);
    expect(answer?.status()).toBe(200);
    const closed = handset.getByTestId("held-out");
    await expect(closed.getByRole("heading", { name: "This event isn't open at the moment" })).toBeVisible();
    await expect(closed).toContainText("you'll be back in as soon as it opens again");
    await expect(handset.getByText(/not found|couldn't find/i)).toHaveCount(0);
    // Without waiting: a plain link asks for the page again.
    await expect(closed.getByRole("link", { name: "Try again now" })).toHaveAttribute("href", `/p/${event.slug}/b/${board.id}`);
    await expectAccessible(handset);
    await handset.screenshot({ path: "e2e/.artifacts/held-out-closed.png" });

    // Someone without Amara's cookie still finds nothing, and no name.
    const stranger = await fetch(`${e2eBaseUrl}/p/${event.slug}/b/${board.id}`, { redirect: "manual" });
    expect(stranger.status).toBe(404);
    expect(await stranger.text()).not.toContain(event.name);

    // Published: the page turns into the board by itself, and she can write on it.
    await setEventStatus(event.id, "published");
    await expect(handset.getByLabel("Your note")).toBeVisible(backFromDraft);
    await expect(handset.getByRole("heading", { name: "Big ideas" })).toBeVisible();
    await expect(handset.getByTestId("held-out")).toHaveCount(0);
  } finally {
    await handsetContext.close();
  }
});

test("a phone page opened after the weekend says it has finished, in the person's language, with their data a tap away", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const handsetContext = await browser.newContext({ ...phone, locale: "fr-FR" });
  try {
    await joinAs(handsetContext, event.id, "Amélie");
    await setEventStatus(event.id, "archived");
    const handset = await handsetContext.newPage();
    for (const path of [`/p/${event.slug}`, `/p/${event.slug}/me`, `/p/${event.slug}/presentations`]) {
      const answer = await handset.goto(path);
      expect(answer?.status(), path).toBe(200);
      const finished = handset.getByTestId("held-out");
      await expect(finished.getByRole("heading", { name: "Cet événement est terminé" }), path).toBeVisible();
      await expect(finished.getByText("Merci d’avoir participé.")).toBeVisible();
      // Nothing that looks like a room she could still use, nor a sign-in problem.
      await expect(handset.locator("[data-status]")).toHaveCount(0);
    }
    await expectAccessible(handset);
    await handset.screenshot({ path: "e2e/.artifacts/held-out-finished-fr.png", fullPage: true });
    // Her data is still hers to take.
    const download = await handset.request.get(`/p/${event.slug}/me/data`);
    expect(download.status()).toBe(200);
    expect(await download.text()).toContain("Amélie");
  } finally {
    await handsetContext.close();
  }
});
