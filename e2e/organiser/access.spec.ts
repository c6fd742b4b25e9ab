import { rmSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { startAppServer } from "../support/app-server";
import { e2ePort } from "../support/config";
import { addStaff, createAccount, createEventFixture, signIn } from "../support/fixtures";

test("a facilitator sees the links but none of the organiser controls", async ({ page, context }) => {
  const event = await createEventFixture({ name: "Made in Facilitation" });
  const facilitator = await addStaff(event.id, "facilitator");
  await signIn(context, facilitator.id);

  await page.goto(`/o/${event.slug}`);
  await expect(page.getByRole("heading", { name: "Made in Facilitation", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: "Public event page" })).toHaveAttribute("href", `/e/${event.slug}`);
  await expect(page.getByRole("link", { name: "Join link" })).toHaveAttribute("href", `/j/${event.joinCode}`);
  await expect(page.getByRole("link", { name: "Big screen" })).toHaveAttribute("href", `/s/${event.slug}`);
  await expect(page.getByRole("link", { name: "Facilitator console" })).toHaveAttribute("href", `/f/${event.slug}`);
  await expect(page.getByTestId("join-code")).toHaveText(`${event.joinCode.slice(0, 3)}-${event.joinCode.slice(3)}`);

  await expect(page.getByRole("heading", { name: "Status" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Save status" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Create invitation link" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "People running this event" })).toHaveCount(0);
  await expect(page.getByText("Publishing it, changing its status and inviting people are for its organisers.")).toBeVisible();
  await expectAccessible(page);
});

test("an account that is not on the event's team is told it has no access", async ({ page, context }) => {
  const event = await createEventFixture({ name: "Made in Elsewhere" });
  const stranger = await createAccount("Stella Stranger");
  await signIn(context, stranger.id);

  await page.goto(`/o/${event.slug}`);
  await expect(page.getByRole("heading", { name: "You don't have access to this event" })).toBeVisible();
  // The whole code, as the organiser page shows it and as a link carries it: three letters alone
  // can turn up by chance inside other text on the page (a file name's hash in a script).
  const shown = `${event.joinCode.slice(0, 3)}-${event.joinCode.slice(3)}`;
  const text = await page.locator("body").innerText();
  expect(text).not.toContain(shown);
  expect(text).not.toContain(event.joinCode);
  await expect(page.getByRole("button", { name: "Create invitation link" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Facilitator console" })).toHaveCount(0);
  await expectAccessible(page);
});

test("an organiser publishes a draft, and the public can then see it", async ({ page, context, browser }) => {
  const event = await createEventFixture({ name: "Made in Publishing", status: "draft" });
  await signIn(context, event.organiser.id);

  const visitor = await browser.newContext();
  try {
    const visitorPage = await visitor.newPage();
    const before = await visitorPage.goto(`/e/${event.slug}`);
    expect(before?.status()).toBe(404);
    await expectAccessible(visitorPage);

    await page.goto(`/o/${event.slug}`);
    await page.getByRole("radio", { name: /^Published/ }).check();
    await page.getByRole("button", { name: "Save status" }).click();
    await expect(page.getByRole("status").filter({ hasText: "The event is published" })).toBeVisible();
    // The badge beside the event's name follows the saved status.
    await expect(page.getByRole("main").locator("header").getByText("Published", { exact: true })).toBeVisible();
    await expectAccessible(page);

    const after = await visitorPage.goto(`/e/${event.slug}`);
    expect(after?.status()).toBe(200);
    await expect(visitorPage.getByRole("heading", { name: "Made in Publishing", level: 1 })).toBeVisible();
    await expectAccessible(visitorPage);
  } finally {
    await visitor.close();
  }
});

test("the organiser pages send someone who is signed out to sign in", async ({ page }) => {
  const event = await createEventFixture();
  await page.goto(`/o/${event.slug}`);
  await expect(page).toHaveURL(/\/signin\?next=/);
  await expectAccessible(page);
});

test("set-up is closed once Made In has an account", async ({ page }) => {
  // The browser tests share one database; this makes sure it has at least one account.
  await createAccount();
  await page.goto("/setup");
  await expect(page.getByRole("heading", { name: "Made In is already set up" })).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("link", { name: "Sign in" })).toHaveAttribute("href", "/signin");
  await expectAccessible(page);

  await page.goto("/");
  await expect(page.getByRole("link", { name: "Set up Made In" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Sign in to organise" })).toBeVisible();
  await expectAccessible(page);
});

test("on a fresh install, the organiser pages and sign-in lead to set-up, and the server says where it is", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  // An empty database of its own: the shared one has accounts, so set-up is closed there.
  const file = `e2e/.artifacts/fresh-install-${e2ePort}.db`;
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
  const server = await startAppServer(93, { DATABASE_URL: `file:./${file}` });
  const context = await browser.newContext({ baseURL: server.base });
  try {
    // Whoever started it reads where to go in its start-up lines.
    const port = new URL(server.base).port;
    expect(server.lines().map((l) => l.msg)).toContain(`No organiser yet: open http://localhost:${port}/setup`);

    const page = await context.newPage();
    // As the README says: the organiser pages. With nobody to sign in as, set-up opens.
    await page.goto("/o");
    await expect(page).toHaveURL(/\/setup$/);
    await expect(page.getByRole("heading", { name: "Create the first organiser" })).toBeVisible();
    await expectAccessible(page);
    await page.goto("/signin");
    await expect(page).toHaveURL(/\/setup$/);

    await page.getByLabel("Your name").fill("Ada Organiser");
    await page.getByLabel("Email address").fill("ada@council.example");
    await page.getByLabel("Password", { exact: true }).fill("a long enough password");
    await page.getByLabel("Type the password again").fill("a long enough password");
    await page.getByRole("button", { name: "Create organiser account" }).click();
    await expect(page).toHaveURL(/\/o$/);

    // Set up: someone signed out is asked to sign in, as usual.
    const other = await browser.newContext({ baseURL: server.base });
    const signedOut = await other.newPage();
    await signedOut.goto("/o");
    await expect(signedOut).toHaveURL(/\/signin/);
    await expect(signedOut.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
    await other.close();
  } finally {
    await context.close();
    await server.stop();
  }
});
