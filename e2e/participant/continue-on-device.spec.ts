import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { participants } from "@/db/schema";
import { expectAccessible } from "../support/a11y";
import { createEventFixture, db, joinAs, setEventStatus } from "../support/fixtures";
import { holdConnection } from "../support/hold-connection";
import { phone } from "../support/viewports";

test("a participant moves to a new phone with their personal link and keeps their identity", async ({ browser }) => {
  const event = await createEventFixture();
  const oldPhone = await browser.newContext(phone);
  await joinAs(oldPhone, event.id, "Kofi");
  const page = await oldPhone.newPage();

  await page.goto(`/p/${event.slug}`);
  await page.getByLabel("Your note").fill("Written on my old phone");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByTestId("note").filter({ hasText: "Written on my old phone" })).toBeVisible();

  await page.getByRole("link", { name: /Continue on another device/ }).click();
  await expectAccessible(page);
  await page.getByRole("button", { name: "Show my personal link" }).click();
  const link = (await page.getByTestId("device-link").textContent())?.trim() ?? "";
  expect(link).toMatch(/\/c\/[A-Za-z0-9_-]{20,}$/);
  await expect(page.getByRole("img", { name: "QR code of your personal link" })).toBeVisible();
  await expectAccessible(page);

  const newPhone = await browser.newContext(phone);
  const second = await newPhone.newPage();
  await second.goto(new URL(link).pathname);
  // Opening the link uses nothing up (a mail scanner may open it first): the person says so.
  await expect(second.getByRole("heading", { name: "Continue on this device" })).toBeVisible();
  await expectAccessible(second);
  await second.reload();
  await second.getByRole("button", { name: "Continue here" }).click();
  await expect(second).toHaveURL(new RegExp(`/p/${event.slug}$`));
  await expect(second.getByRole("heading", { name: "Hello, Kofi" })).toBeVisible();
  // The note from the old phone is theirs on the new one too.
  await expect(second.getByTestId("note").filter({ hasText: "Written on my old phone" }).getByText("You")).toBeVisible();

  // A link made later switches the earlier one off. Each page is there before the next tap: a tap
  // on the room's link while the device page is still leaving can land on neither page.
  await page.getByRole("link", { name: "← Back to the room" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${event.slug}$`));
  await expect(page.getByRole("heading", { name: "Hello, Kofi" })).toBeVisible();
  await page.getByRole("link", { name: /Continue on another device/ }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${event.slug}/device$`));
  await page.getByRole("button", { name: "Show my personal link" }).click();
  await expect(page.getByTestId("device-link")).not.toHaveText(link);
  const third = await (await browser.newContext(phone)).newPage();
  await third.goto(new URL(link).pathname);
  await expect(third).toHaveURL(/\/j\?expired=1$/);
  // Nor can the old link be posted straight to its use.
  const posted = await third.request.post(`${new URL(link).pathname}/now`, { maxRedirects: 0 });
  expect(posted.headers().location).toBe("/j?expired=1");

  await oldPhone.close();
  await newPhone.close();
});

test("a personal link works once, the first phone is told, and the person signs the other device out", async ({ browser }) => {
  // Several browsers and servers at once: on a busy 2-core machine this takes over a minute.
  test.setTimeout(150_000);
  const event = await createEventFixture();
  const firstPhone = await browser.newContext(phone);
  const page = await firstPhone.newPage();
  // Joined through the form, as people do: this browser is recorded as one of Ama's devices.
  await page.goto(`/j/${event.joinCode}`);
  await page.getByLabel("What should people call you?").fill("Ama");
  await page.getByRole("button", { name: "Join" }).click();
  // The join has answered (its cookie is set) before this phone goes anywhere else.
  await expect(page).toHaveURL(new RegExp(`/p/${event.slug}/me\\?welcome=1$`));
  await page.goto(`/p/${event.slug}`);
  await expect(page.getByRole("heading", { name: "Hello, Ama" })).toBeVisible();
  await expect(page.locator('output[data-status="online"]')).toBeVisible();

  const linkPage = await firstPhone.newPage();
  await linkPage.goto(`/p/${event.slug}/device`);
  await linkPage.getByRole("button", { name: "Show my personal link" }).click();
  const link = (await linkPage.getByTestId("device-link").textContent())?.trim() ?? "";
  expect(link).toMatch(/\/c\//);
  // This page lists the devices signed in as Ama, and follows them: one now.
  await expect(linkPage.getByTestId("devices").getByRole("listitem")).toHaveCount(1);
  await expect(linkPage.locator('output[data-status="online"]')).toBeVisible();

  // The second device opens it; the first phone hears about it at once.
  const secondPhone = await browser.newContext(phone);
  const second = await secondPhone.newPage();
  await second.goto(new URL(link).pathname);
  await second.getByRole("button", { name: "Continue here" }).click();
  await expect(second.getByRole("heading", { name: "Hello, Ama" })).toBeVisible();
  await expect(page.getByTestId("device-notice")).toContainText("Another device just signed in as you");
  // The list open on the first phone shows the new device, without a reload, and keeps the link shown.
  await expect(linkPage.getByTestId("devices").getByRole("listitem")).toHaveCount(2);
  await expect(linkPage.getByTestId("device-link")).toHaveText(link);
  await expectAccessible(page);
  await page.screenshot({ path: "e2e/.artifacts/device-notice-390.png" });

  // Used once: a forwarded copy is refused.
  const forwarded = await (await browser.newContext(phone)).newPage();
  await forwarded.goto(new URL(link).pathname);
  await expect(forwarded).toHaveURL(/\/j\?expired=1$/);
  await expect(forwarded.getByText(/each link works once/)).toBeVisible();

  // The first phone lists both devices and signs the other one out.
  await page
    .getByTestId("device-notice")
    .getByRole("link", { name: /see your devices/ })
    .click();
  const devices = page.getByTestId("devices");
  await expect(devices.getByRole("listitem")).toHaveCount(2);
  await expect(devices.getByText("(this device)")).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: "e2e/.artifacts/devices-390.png", fullPage: true });
  await expect(second.locator('output[data-status="online"]')).toBeVisible();
  // One more page of the first phone's, drawn now but connected only after the sign-out.
  const late = await firstPhone.newPage();
  const releaseLate = await holdConnection(late);
  await late.goto(`/p/${event.slug}/device`);
  await expect(late.getByTestId("devices").getByRole("listitem")).toHaveCount(2);
  await devices.getByRole("button", { name: /Sign out/ }).click();
  await expect(devices.getByRole("listitem")).toHaveCount(1);
  await expect(linkPage.getByTestId("devices").getByRole("listitem")).toHaveCount(1);
  // It follows too, once connected: it was told what it missed.
  await releaseLate();
  await expect(late.getByTestId("devices").getByRole("listitem")).toHaveCount(1);
  // Its open page is cut off at once, and it is nobody here any more.
  await expect(second.locator('output[data-status="refused"]')).toBeVisible();
  await second.reload();
  await expect(second).toHaveURL(new RegExp(`/j/${event.joinCode}$`));
  // The first phone carries on.
  await page.goto(`/p/${event.slug}`);
  await expect(page.getByRole("heading", { name: "Hello, Ama" })).toBeVisible();

  await firstPhone.close();
  await secondPhone.close();
});

test("a personal link to a finished (archived) event says so and lets no one in", async ({ browser }) => {
  const event = await createEventFixture({ name: "Made in Peckham" });
  const oldPhone = await browser.newContext(phone);
  await joinAs(oldPhone, event.id, "Kofi");
  const page = await oldPhone.newPage();
  await page.goto(`/p/${event.slug}`);
  await page.getByRole("link", { name: /Continue on another device/ }).click();
  // The device page is there (and its form ready) before the tap: a tap on a page still arriving can land on neither.
  await expect(page).toHaveURL(new RegExp(`/p/${event.slug}/device$`));
  await expect(page.getByRole("heading", { name: "Continue on another device" })).toBeVisible();
  await page.getByRole("button", { name: "Show my personal link" }).click();
  const link = new URL((await page.getByTestId("device-link").textContent())?.trim() ?? "").pathname;
  await setEventStatus(event.id, "archived");

  const newPhone = await browser.newContext(phone);
  const second = await newPhone.newPage();
  await second.goto(link);
  await expect(second.getByRole("heading", { name: "This event isn't open" })).toBeVisible();
  await expect(second.getByText("Made in Peckham has finished, so this link no longer opens it.")).toBeVisible();
  await expect(second.getByRole("button", { name: "Continue here" })).toHaveCount(0);
  await expectAccessible(second);
  // Posting to the link's use directly signs nobody in either.
  const posted = await second.request.post(`${link}/now`, { maxRedirects: 0 });
  expect(posted.headers().location).toBe(link);
  await second.goto(`/p/${event.slug}`);
  await expect(second.getByRole("heading", { name: "Hello, Kofi" })).toHaveCount(0);

  await oldPhone.close();
  await newPhone.close();
});

test("an expired personal link says so, lets no one in, and a new one from the phone works", async ({ browser }) => {
  const event = await createEventFixture({ name: "Made in Brixton" });
  const oldPhone = await browser.newContext(phone);
  const joined = await joinAs(oldPhone, event.id, "Kofi");
  const page = await oldPhone.newPage();
  await page.goto(`/p/${event.slug}/device`);
  await page.getByRole("button", { name: "Show my personal link" }).click();
  await expect(page.getByText("it works once, for two days")).toBeVisible();
  const link = new URL((await page.getByTestId("device-link").textContent())?.trim() ?? "").pathname;
  // Made three days ago, as if it had sat in an inbox since the last weekend.
  await (await db()).transact((tx) =>
    tx
      .update(participants)
      .set({ resumeTokenMadeAt: Date.now() - 3 * 24 * 60 * 60 * 1000 })
      .where(eq(participants.id, joined.participantId)),
  );

  const newPhone = await browser.newContext(phone);
  const second = await newPhone.newPage();
  await second.goto(link);
  await expect(second.getByRole("heading", { name: "This link has expired" })).toBeVisible();
  const why = second.getByText(/no longer opens Made in Brixton/);
  await expect(why).toBeVisible();
  await expect(why).toContainText("“Continue on another device” on the phone you joined with");
  await expect(second.getByRole("button", { name: "Continue here" })).toHaveCount(0);
  await expectAccessible(second);
  await second.screenshot({ path: "e2e/.artifacts/personal-link-expired-390.png" });
  // Posting to the link's use directly signs nobody in, and leaves the link as it was.
  const posted = await second.request.post(`${link}/now`, { maxRedirects: 0 });
  expect(posted.headers().location).toBe(link);
  await second.goto(`/p/${event.slug}`);
  await expect(second.getByRole("heading", { name: "Hello, Kofi" })).toHaveCount(0);
  await second.goto(link);
  await expect(second.getByRole("heading", { name: "This link has expired" })).toBeVisible();

  // A new link from the person's own phone works.
  await page.reload();
  await page.getByRole("button", { name: "Show my personal link" }).click();
  await expect(page.getByTestId("device-link")).toBeVisible();
  const fresh = new URL((await page.getByTestId("device-link").textContent())?.trim() ?? "").pathname;
  expect(fresh).not.toBe(link);
  await second.goto(fresh);
  await second.getByRole("button", { name: "Continue here" }).click();
  await expect(second.getByRole("heading", { name: "Hello, Kofi" })).toBeVisible();

  await oldPhone.close();
  await newPhone.close();
});

test("without JavaScript, a participant shows their personal link and continues with it on another phone", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const oldPhone = await browser.newContext({ ...phone, javaScriptEnabled: false });
  await joinAs(oldPhone, event.id, "Kofi");
  const page = await oldPhone.newPage();
  await page.goto(`/p/${event.slug}/device`);
  await page.getByRole("button", { name: "Show my personal link" }).click();
  const link = (await page.getByTestId("device-link").textContent())?.trim() ?? "";
  expect(link).toMatch(/\/c\/[A-Za-z0-9_-]{20,}$/);
  await expect(page.getByRole("img", { name: "QR code of your personal link" })).toBeVisible();
  // Copying needs a script: no button that would do nothing.
  await expect(page.getByRole("button", { name: "Copy link" })).toHaveCount(0);
  // No axe here: run on this page with JavaScript off, it posts the form again. The first test
  // checks the same panel with JavaScript.
  await page.screenshot({ path: "e2e/.artifacts/screenshots/device-link-no-js-phone.png", fullPage: true });
  // The browser sends the form again (a reload): the same link, not a new one that would switch off the copy already sent.
  await page.reload();
  await expect(page.getByTestId("device-link")).toHaveText(link);

  const newPhone = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const second = await newPhone.newPage();
  await second.goto(new URL(link).pathname);
  await second.getByRole("button", { name: "Continue here" }).click();
  await expect(second).toHaveURL(new RegExp(`/p/${event.slug}$`));
  await expect(second.getByRole("heading", { name: "Hello, Kofi" })).toBeVisible();

  // Used, it is not brought back by sending the old form once more: the page says so, and makes a new one on request.
  await page.reload();
  await expect(page.getByText("The link this page made has been used or replaced since.")).toBeVisible();
  await page.getByRole("button", { name: "Show my personal link" }).click();
  await expect(page.getByTestId("device-link")).not.toHaveText(link);
  await oldPhone.close();
  await newPhone.close();
});
