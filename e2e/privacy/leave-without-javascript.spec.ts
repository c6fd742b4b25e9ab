/**
 * Leaving on a page without JavaScript ends on the server, which can't reach what the browser
 * kept (a half-written note, a queue). The next page with JavaScript clears what it kept for
 * whoever this phone no longer holds, and only that: someone else on the same phone, in another
 * event, keeps their half-written note.
 */
import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { createEventFixture, joinAs } from "../support/fixtures";
import { phone } from "../support/viewports";

test.use(phone);

const amirasDraft = "I live at 4 Acre Lane and";
const bosDraft = "Late buses on Sundays and";

/** What the browser keeps in localStorage, as the page's origin has it. */
const kept = async (context: BrowserContext) =>
  JSON.stringify((await context.storageState()).origins.flatMap((o) => o.localStorage));

async function typeDraft(page: Page, slug: string, text: string) {
  await page.goto(`/p/${slug}`);
  await expect(page.locator('[data-status="online"]')).toBeVisible();
  await page.getByRole("textbox", { name: "Your note", exact: true }).fill(text);
}

/** Amira (in one event) and Bo (in another) share a phone; each leaves a note half written, with JavaScript. */
async function sharedPhoneWithDrafts(browser: Browser) {
  const amirasEvent = await createEventFixture();
  const bosEvent = await createEventFixture();
  const on = await browser.newContext(phone);
  await joinAs(on, amirasEvent.id, "Amira");
  await joinAs(on, bosEvent.id, "Bo");
  const page = await on.newPage();
  await typeDraft(page, amirasEvent.slug, amirasDraft);
  await typeDraft(page, bosEvent.slug, bosDraft);
  const state = await on.storageState();
  await on.close();
  expect(JSON.stringify(state.origins)).toContain(amirasDraft);
  return { amirasEvent, bosEvent, state };
}

/** Amira leaves with JavaScript off: the server forgets her, the browser still holds her words. */
async function leaveWithoutJavaScript(browser: Browser, slug: string, state: StorageState) {
  const off = await browser.newContext({ ...phone, javaScriptEnabled: false, storageState: state });
  const page = await off.newPage();
  await page.goto(`/p/${slug}/me`);
  await page.getByRole("button", { name: "Leave the event…" }).click();
  await page.getByRole("button", { name: "Yes, leave the event" }).click();
  await expect(page).toHaveURL(/\/j\?left=1$/);
  const afterLeaving = await off.storageState();
  await off.close();
  expect(JSON.stringify(afterLeaving.origins)).toContain(amirasDraft);
  return afterLeaving;
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

test("leaving without JavaScript: the next page with JavaScript forgets the leaver's draft, and the other person on the phone keeps theirs", async ({
  browser,
}) => {
  const { amirasEvent, bosEvent, state } = await sharedPhoneWithDrafts(browser);

  const afterLeaving = await leaveWithoutJavaScript(browser, amirasEvent.slug, state);

  // The next visit with JavaScript, to Bo's event: Amira's words go, Bo's half-written note is still his.
  const later = await browser.newContext({ ...phone, storageState: afterLeaving });
  const bo = await later.newPage();
  await bo.goto(`/p/${bosEvent.slug}`);
  await expect(bo.getByRole("textbox", { name: "Your note", exact: true })).toHaveValue(bosDraft);
  await expect.poll(() => kept(later)).not.toContain(amirasDraft);
  expect(await kept(later)).toContain(bosDraft);
  expect(await kept(later)).not.toContain(amirasEvent.id);

  // Amira joins her event again on this phone: a new start, with nothing of before.
  await bo.goto(`/j/${amirasEvent.joinCode}`);
  await bo.getByLabel("What should people call you?").fill("Amira");
  await bo.getByRole("button", { name: "Join" }).click();
  await bo.getByRole("link", { name: "Skip for now" }).click();
  await expect(bo.locator('[data-status="online"]')).toBeVisible();
  await expect(bo.getByRole("textbox", { name: "Your note", exact: true })).toHaveValue("");
  await later.close();
});

test("“You've left”, opened with JavaScript after leaving without it, clears the leaver's draft at once", async ({ browser }) => {
  const { amirasEvent, state } = await sharedPhoneWithDrafts(browser);
  const afterLeaving = await leaveWithoutJavaScript(browser, amirasEvent.slug, state);

  const later = await browser.newContext({ ...phone, storageState: afterLeaving });
  const left = await later.newPage();
  await left.goto("/j?left=1");
  await expect(left.getByText("You've left the event")).toBeVisible();
  await expect.poll(() => kept(later)).not.toContain(amirasDraft);
  expect(await kept(later)).toContain(bosDraft);
  await later.close();
});
