import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { accounts } from "@/db/schema";
import { noPassword } from "@/lib/sso/complete-sign-in";
import { expectAccessible } from "../support/a11y";
import { createAccount, db, signIn } from "../support/fixtures";

/**
 * Staff who sign in with a password change it from Your events: the person's other devices are
 * signed out, this one stays, and only the new password signs in. Each test stands at an address
 * of its own (the e2e server trusts one proxy hop), so its wrong passwords count only there.
 */
const desktop = { width: 1280, height: 720 };
const newPassword = "a new sentence to remember";
test.use({ viewport: desktop });

const at = (address: number) => ({ "x-forwarded-for": `198.51.100.${address}` });

async function contextAt(browser: Browser, address: number, options: { javaScriptEnabled?: boolean } = {}) {
  return browser.newContext({ viewport: desktop, extraHTTPHeaders: at(address), ...options });
}

/** The person signed in on two devices at one address: this one and a laptop. */
async function twoDevices(browser: Browser, address: number, accountId: string, hereOptions = {}) {
  const here = await contextAt(browser, address, hereOptions);
  const laptop = await contextAt(browser, address);
  await signIn(here, accountId);
  await signIn(laptop, accountId);
  return { here, laptop, close: () => Promise.all([here.close(), laptop.close()]) };
}

const passwordSection = (page: Page) => page.getByRole("region", { name: "Change your password" });

async function fillChange(page: Page, typed: { current: string; password: string; confirm?: string }) {
  const section = passwordSection(page);
  await section.getByLabel("Current password", { exact: true }).fill(typed.current);
  await section.getByLabel("New password", { exact: true }).fill(typed.password);
  await section.getByLabel("The same password again", { exact: true }).fill(typed.confirm ?? typed.password);
  await section.getByRole("button", { name: "Change password" }).click();
}

/** Signs in on the sign-in page of a fresh context at `address`; true when it lands on Your events. */
async function signsIn(browser: Browser, address: number, email: string, password: string) {
  const context = await contextAt(browser, address);
  try {
    const page = await context.newPage();
    await page.goto("/signin");
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    const landed = page.getByRole("heading", { name: "Your events", level: 1 });
    const refused = page.getByRole("main").getByRole("alert");
    await expect(landed.or(refused)).toBeVisible();
    return landed.isVisible();
  } finally {
    await context.close();
  }
}

/** The other device, open on Your events: after the change it is sent to sign in. */
async function expectSignedOut(laptop: BrowserContext) {
  const page = await laptop.newPage();
  await page.goto("/o");
  await expect(page).toHaveURL(/\/signin\?next=%2Fo$/);
}

test("changing the password signs the person's other devices out, keeps this one, and only the new password signs in", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const account = await createAccount("Sam Newpassword");
  const { here, laptop, close } = await twoDevices(browser, 31, account.id);
  try {
    const laptopPage = await laptop.newPage();
    await laptopPage.goto("/o");
    await expect(laptopPage.getByRole("heading", { name: "Your events", level: 1 })).toBeVisible();

    const page = await here.newPage();
    await page.goto("/o");
    await expect(passwordSection(page).getByLabel("Current password", { exact: true })).toBeVisible();
    await expectAccessible(page);
    await fillChange(page, { current: account.password, password: newPassword });

    await expect(passwordSection(page).getByRole("status")).toHaveText(
      "Your password is changed. Every other device you were signed in on is now signed out; you're still signed in here.",
    );
    // The new password doesn't sit in the page once it is saved.
    await expect(passwordSection(page).getByLabel("New password", { exact: true })).toHaveValue("");
    await expectAccessible(page);

    // This device is still signed in; the laptop is not.
    await page.reload();
    await expect(page.getByRole("heading", { name: "Your events", level: 1 })).toBeVisible();
    await laptopPage.goto("/o");
    await expect(laptopPage).toHaveURL(/\/signin\?next=%2Fo$/);

    expect(await signsIn(browser, 31, account.email, account.password)).toBe(false);
    expect(await signsIn(browser, 31, account.email, newPassword)).toBe(true);
  } finally {
    await close();
  }
});

test("a wrong current password changes nothing and says so; what was typed stays in the boxes", async ({ browser }) => {
  test.setTimeout(120_000);
  const account = await createAccount("Sam Mistyped");
  const { here, laptop, close } = await twoDevices(browser, 32, account.id);
  try {
    const page = await here.newPage();
    await page.goto("/o");
    // Sent by the page's script, the form keeps what was typed (posted before it runs, see the no-JavaScript test).
    await page.waitForLoadState("networkidle");
    await fillChange(page, { current: "not my password at all", password: newPassword });

    await expect(passwordSection(page).getByRole("alert")).toHaveText(
      "That isn't your current password, so nothing has changed. Check it and try again.",
    );
    await expect(passwordSection(page).getByLabel("New password", { exact: true })).toHaveValue(newPassword);
    await expectAccessible(page);

    // Nobody was signed out, and the old password still signs in.
    const laptopPage = await laptop.newPage();
    await laptopPage.goto("/o");
    await expect(laptopPage.getByRole("heading", { name: "Your events", level: 1 })).toBeVisible();
    expect(await signsIn(browser, 32, account.email, account.password)).toBe(true);
  } finally {
    await close();
  }
});

test("without JavaScript: a refusal explains the empty boxes, and the change signs the other device out", async ({ browser }) => {
  test.setTimeout(180_000);
  const account = await createAccount("Sam Noscript");
  const { here, laptop, close } = await twoDevices(browser, 33, account.id, { javaScriptEnabled: false });
  try {
    const page = await here.newPage();
    await page.goto("/o");

    // A new password that breaks the rules: each box says what is wrong.
    await fillChange(page, { current: account.password, password: "too short", confirm: "too shortt" });
    const section = passwordSection(page);
    await expect(section.getByText("Use at least 10 characters for your password.")).toBeVisible();
    await expect(section.getByText("The two new passwords are different. Type the same one in both boxes.")).toBeVisible();

    // The wrong current password: told so, and why the boxes came back empty (passwords are never sent back).
    await fillChange(page, { current: "not my password at all", password: newPassword });
    await expect(section.getByRole("alert")).toHaveText(
      "That isn't your current password, so nothing has changed. Check it and try again.",
    );
    await expect(section).toContainText("passwords are never sent back to this page");
    for (const label of ["Current password", "New password", "The same password again"]) {
      await expect(section.getByLabel(label, { exact: true })).toHaveValue("");
    }
    // (Its accessibility is checked with JavaScript above: axe cannot run where scripts are off.)
    expect(await page.content()).not.toContain(newPassword);

    await fillChange(page, { current: account.password, password: newPassword });
    await expect(section.getByRole("status")).toContainText("Your password is changed.");
    await page.goto("/o");
    await expect(page.getByRole("heading", { name: "Your events", level: 1 })).toBeVisible();
    await expectSignedOut(laptop);
    expect(await signsIn(browser, 33, account.email, newPassword)).toBe(true);
  } finally {
    await close();
  }
});

test("guesses at the current password are slowed down as sign-in's are, and count with them", async ({ browser }) => {
  // Eleven real scrypt verifications at 128 MiB each.
  test.setTimeout(300_000);
  const account = await createAccount("Sam Guessed");
  const here = await contextAt(browser, 34);
  try {
    await signIn(here, account.id);
    const page = await here.newPage();
    await page.goto("/o");
    const section = passwordSection(page);
    for (let guess = 1; guess <= 10; guess++) {
      await fillChange(page, { current: `guess number ${guess}`, password: newPassword });
      await expect(section.getByRole("alert")).toContainText("isn't your current password", { timeout: 60_000 });
      await expect(section.getByRole("button", { name: "Change password" })).toBeEnabled({ timeout: 60_000 });
    }
    await fillChange(page, { current: account.password, password: newPassword });
    await expect(section.getByRole("alert")).toContainText("Too many wrong passwords from here");
    // Held back at sign-in too, from this address, for this account.
    expect(await signsIn(browser, 34, account.email, account.password)).toBe(false);
    // Nothing changed: from anywhere else, the old password signs in.
    expect(await signsIn(browser, 35, account.email, account.password)).toBe(true);
  } finally {
    await here.close();
  }
});

test("someone who signs in through their organisation sees that their password is managed there, and no form", async ({
  page,
  context,
}) => {
  const account = await createAccount("Sam Single-sign-on");
  await (await db()).transact((tx) => tx.update(accounts).set({ passwordHash: noPassword }).where(eq(accounts.id, account.id)));
  await signIn(context, account.id);
  await page.goto("/o");
  const section = passwordSection(page);
  await expect(section).toContainText("your password is managed by your organisation");
  await expect(section.getByLabel("Current password", { exact: true })).toHaveCount(0);
  await expectAccessible(page);
});
