/**
 * The "about you" form and leaving, on a phone without JavaScript (or one that taps before the
 * page has hydrated on slow venue Wi-Fi): both post to the server, store what was said through
 * the same command as the live page, show on the staff's open console at once, keep what was
 * typed when refused, and never put anything personal into an address.
 */
import { type Browser, expect, type Page, test } from "@playwright/test";
import { participantCookieName } from "@/lib/auth/cookies";
import { createEventFixture, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";

/** Every address the phone asked for, to check none carries what the person typed. */
function addressesOf(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (r) => seen.push(r.url()));
  return seen;
}

/**
 * A new event; `name` joined on a phone without JavaScript (on its welcome page); the organiser's
 * console open, with JavaScript, on a laptop, following the room live.
 */
async function phoneAndConsole(browser: Browser, name: string) {
  const event = await createEventFixture();
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(laptop, event.organiser.id);
  const off = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const page = await off.newPage();
  const addresses = addressesOf(page);
  await page.goto(`/j/${event.joinCode}`);
  await page.getByLabel("What should people call you?").fill(name);
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page.getByRole("heading", { name: `You're in, ${name}!` })).toBeVisible();
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}`);
  await expect(console_.getByTestId("overview-summary")).toContainText("1 person ·");
  return { event, off, page, addresses, laptop, console_ };
}

test.use(phone);

test("without JavaScript, the profile form saves what was said, keeps what was typed when refused, and puts none of it in an address", async ({
  browser,
}) => {
  const { event, off, page, addresses, laptop, console_ } = await phoneAndConsole(browser, "Jay Okafor");

  // One skill far too long: refused, with the reason, and every answer still as typed.
  const tooLong = "organising street parties and community gardens every summer";
  await page.getByRole("checkbox", { name: "drawing" }).check();
  await page.getByLabel("Anything else?").fill(`skateboarding, ${tooLong}`);
  await page.getByRole("radio", { name: "16 or 17" }).check();
  await page.getByLabel("Anything that would help you take part?").fill("A quiet space for breaks");
  await page.getByRole("checkbox", { name: /A parent or carer agrees|The organisers may contact me/ }).check();
  await page.getByLabel(/email or phone number/).fill("carer@example.test");
  await page.getByRole("button", { name: "Save and continue" }).click();
  const refusal = "Keep each skill to 40 characters or fewer";
  await expect(page.getByRole("alert").filter({ hasText: refusal })).toBeVisible();
  await expect(page.getByLabel("Anything else?")).toHaveAccessibleDescription(new RegExp(refusal));
  await expect(page.getByRole("checkbox", { name: "drawing" })).toBeChecked();
  await expect(page.getByLabel("Anything else?")).toHaveValue(`skateboarding, ${tooLong}`);
  await expect(page.getByRole("radio", { name: "16 or 17" })).toBeChecked();
  await expect(page.getByLabel("Anything that would help you take part?")).toHaveValue("A quiet space for breaks");
  await expect(page.getByLabel(/email or phone number/)).toHaveValue("carer@example.test");
  await page.screenshot({ path: "test-results/screenshots/no-js-profile-refused-390.png", fullPage: true });
  // Nothing was stored: the console still has no private details.
  await expect(console_.getByTestId("private-details")).toHaveCount(0);

  await page.getByLabel("Anything else?").fill("skateboarding, music");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${event.slug}$`));

  // The organiser's console, open all along, shows it without a reload.
  const details = console_.getByTestId("private-details");
  await expect(details).toContainText("Jay Okafor");
  await expect(details).toContainText("16 or 17");
  await expect(details).toContainText("A quiet space for breaks");
  await expect(details).toContainText("carer@example.test");

  // Stored: the page drawn again from the server has every answer.
  await page.goto(`/p/${event.slug}/me`);
  await expect(page.getByRole("checkbox", { name: "drawing" })).toBeChecked();
  await expect(page.getByLabel("Anything else?")).toHaveValue("skateboarding, music");
  await expect(page.getByRole("radio", { name: "16 or 17" })).toBeChecked();
  await expect(page.getByLabel(/email or phone number/)).toHaveValue("carer@example.test");

  // A later edit saves on the same page, and says so.
  await page.getByLabel("Your name").fill("Jay O");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expect(details).toContainText("Jay O");

  for (const address of addresses) {
    const query = new URL(address).searchParams;
    for (const personal of [
      "kind",
      "ageBand",
      "accessNeeds",
      "contact",
      "contactConsent",
      "skill",
      "otherSkills",
      "displayName",
    ]) {
      expect(query.has(personal), `${address} carries ${personal}`).toBe(false);
    }
    expect(address).not.toMatch(/quiet|carer|skateboarding|16_17/);
  }
  await off.close();
  await laptop.close();
});

test("without JavaScript, leaving takes two steps, takes the person out of the room live, and forgets the phone", async ({
  browser,
}) => {
  const { event, off, page, laptop, console_ } = await phoneAndConsole(browser, "Lou");

  await page.goto(`/p/${event.slug}/me`);
  // The second step is closed until asked for: the first tap can't leave.
  await expect(page.getByRole("button", { name: "Yes, leave the event" })).toBeHidden();
  await page.getByRole("button", { name: "Leave the event…" }).click();
  await page.getByRole("checkbox", { name: "Also delete the notes I wrote" }).check();
  await page.screenshot({ path: "test-results/screenshots/no-js-leave-390.png", fullPage: true });
  await page.getByRole("button", { name: "Yes, leave the event" }).click();
  await expect(page).toHaveURL(/\/j\?left=1$/);
  await expect(page.getByText("You've left the event")).toBeVisible();

  await expect(console_.getByTestId("overview-summary")).toContainText("0 people");
  expect((await off.cookies()).map((c) => c.name)).not.toContain(participantCookieName(event.id));
  await off.close();
  await laptop.close();
});

test("without JavaScript, “Clear my answer” clears it for everyone live, and the page says nothing needs JavaScript", async ({
  browser,
}) => {
  const { event, off, page, laptop, console_ } = await phoneAndConsole(browser, "Rae");
  // Its forms all post without JavaScript: no notice says it's needed, on the welcome step or later.
  const needsJavaScript = page.getByText(/need JavaScript/);
  await expect(needsJavaScript).toHaveCount(0);
  await page.getByRole("radio", { name: "Resident" }).check();
  await page.getByLabel("Anything that would help you take part?").fill("Step-free access");
  await page.getByRole("button", { name: "Save and continue" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${event.slug}$`));
  const details = console_.getByTestId("private-details");
  await expect(details).toContainText("Resident");

  await page.goto(`/p/${event.slug}/me`);
  await expect(page.getByRole("heading", { name: "What you've shared" })).toBeVisible();
  await expect(needsJavaScript).toHaveCount(0);
  await expect(page.getByRole("radio", { name: "Resident" })).toBeChecked();
  await page.getByRole("button", { name: "Clear my answer" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");
  await expect(page.getByRole("radio", { name: "Resident" })).not.toBeChecked();
  await expect(page.getByRole("button", { name: "Clear my answer" })).toHaveCount(0);
  // The rest of what was shared stays as it was.
  await expect(page.getByLabel("Anything that would help you take part?")).toHaveValue("Step-free access");

  // The console, open all along, follows without a reload.
  await expect(details).toContainText("Step-free access");
  await expect(details).not.toContainText("Resident");
  // Stored: the page drawn again has no answer.
  await page.goto(`/p/${event.slug}/me`);
  await expect(page.getByRole("radio", { name: "Resident" })).not.toBeChecked();

  // With JavaScript, the same button clears the choice on the page, saved with the rest.
  const on = await browser.newContext({ ...phone, storageState: await off.storageState() });
  const live = await on.newPage();
  await live.goto(`/p/${event.slug}/me`);
  // The page's redraw after a save (router.refresh) is held back, as on a slow phone: the next save
  // must not take the choice just saved and then cleared for "unchanged".
  let redraw = () => {};
  const redrawn = new Promise<void>((resolve) => {
    redraw = resolve;
  });
  await live.route(`**/p/${event.slug}/me**`, async (route) => {
    if (route.request().headers().rsc) await redrawn;
    await route.continue();
  });
  await live.getByRole("radio", { name: "Designer" }).check();
  await live.getByRole("button", { name: "Save changes" }).click();
  // The form's own answer (the connection pill beside the title is a status too).
  await expect(live.locator("form").getByRole("status")).toHaveText("Saved.");
  await expect(details).toContainText("Designer");
  await live.getByRole("button", { name: "Clear my answer" }).click();
  await expect(live.getByRole("radio", { name: "Designer" })).not.toBeChecked();
  await expect(live.getByRole("button", { name: "Clear my answer" })).toHaveCount(0);
  await live.getByRole("button", { name: "Save changes" }).click();
  await expect(details).not.toContainText("Designer");
  redraw();
  await live.unrouteAll({ behavior: "ignoreErrors" });
  await on.close();
  await off.close();
  await laptop.close();
});
