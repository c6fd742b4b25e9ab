import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { createAccount, createEventFixture, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";

test("an organiser signs in with email and password and lands on their events", async ({ page }) => {
  const { organiser } = await createEventFixture({ name: "Made in Testville" });

  await page.goto("/o");
  await expect(page).toHaveURL(/\/signin\?next=%2Fo$/);
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Email address").fill(organiser.email);
  await page.getByLabel("Password").fill(organiser.password);
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page).toHaveURL(/\/o$/);
  await expect(page.getByRole("heading", { name: "Your events", level: 1 })).toBeVisible();
  const card = page.getByRole("link", { name: /Made in Testville/ });
  await expect(card).toBeVisible();
  await expect(card).toContainText("Organiser");
  await expectAccessible(page);
});

test("a wrong password is refused without saying which half was wrong, and keeps the email", async ({ page }) => {
  const account = await createAccount();
  await page.goto("/signin");

  await page.getByLabel("Email address").fill(account.email.toUpperCase());
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();

  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "That email and password don't match. Check them and try again.",
  );
  await expect(page.getByLabel("Email address")).toHaveValue(account.email.toUpperCase());
  await expect(page).toHaveURL(/\/signin$/);
  await expectAccessible(page);

  // The same words for an email with no account behind it.
  await page.getByLabel("Email address").fill("nobody-at-all@fixture.example");
  await page.getByLabel("Password").fill("not the password at all");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByLabel("Email address")).toHaveValue("nobody-at-all@fixture.example");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "That email and password don't match. Check them and try again.",
  );
});

test("empty fields get their own messages", async ({ page }) => {
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email address.")).toBeVisible();
  await expect(page.getByText("Enter your password.")).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
});

test("repeated wrong passwords are slowed down with a clear message", async ({ page }) => {
  const account = await createAccount();
  await page.goto("/signin");
  for (let attempt = 1; attempt <= 10; attempt++) {
    await page.getByLabel("Email address").fill(account.email);
    await page.getByLabel("Password").fill(`wrong guess number ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toContainText("don't match");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Too many sign-in attempts for this email");
  await expect(page).toHaveURL(/\/signin$/);
  await expectAccessible(page);
});

test("after signing in, people go back to the page they asked for, never to another site", async ({ page }) => {
  const { slug, organiser } = await createEventFixture();
  await page.goto(`/o/${slug}`);
  await expect(page).toHaveURL(new RegExp(`/signin\\?next=%2Fo%2F${slug}$`));
  await page.getByLabel("Email address").fill(organiser.email);
  await page.getByLabel("Password").fill(organiser.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}$`));
  await expectAccessible(page);

  const other = await createAccount();
  await page.context().clearCookies();
  await page.goto(`/signin?next=${encodeURIComponent("//evil.example/steal")}`);
  await expectAccessible(page);
  await page.getByLabel("Email address").fill(other.email);
  await page.getByLabel("Password").fill(other.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/o$/);
  await expectAccessible(page);
});

test("signing out ends the session", async ({ page, context }) => {
  const account = await createAccount("Sam Signout");
  await signIn(context, account.id);
  await page.goto("/o");
  await expect(page.getByRole("heading", { name: "Your events" })).toBeVisible();
  await expect(page.getByText("You're not running any events yet.")).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await expectAccessible(page);

  await page.goto("/o");
  await expect(page).toHaveURL(/\/signin\?next=%2Fo$/);
  await expectAccessible(page);
});

test("signing out everywhere ends the person's sessions on every device, this one too", async ({ page, context, browser }) => {
  const account = await createAccount("Sam Everywhere");
  await signIn(context, account.id);
  const laptop = await browser.newContext();
  try {
    await signIn(laptop, account.id);
    const laptopPage = await laptop.newPage();
    await laptopPage.goto("/o");
    await expect(laptopPage.getByRole("heading", { name: "Your events", level: 1 })).toBeVisible();

    await page.goto("/o");
    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/signin\?signedOut=everywhere$/);
    await expect(page.getByRole("status")).toContainText("You're signed out on every device");
    await expectAccessible(page);

    await laptopPage.goto("/o");
    await expect(laptopPage).toHaveURL(/\/signin\?next=%2Fo$/);
  } finally {
    await laptop.close();
  }
});

test.describe("on a phone", () => {
  test.use(phone);

  test("the sign-in page fits the screen", async ({ page }) => {
    await page.goto("/signin");
    await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);
  });
});
