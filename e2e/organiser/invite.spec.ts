import { expect, type Page, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { events } from "@/db/schema";
import { expectAccessible } from "../support/a11y";
import { createAccount, createEventFixture, db, signIn } from "../support/fixtures";

/** As the organiser on the event's admin page: makes an invitation link and reads it off the page. */
async function makeInviteLink(page: Page, role: "Facilitator" | "Co-organiser") {
  await page.getByRole("radio", { name: new RegExp(`^${role}`) }).check();
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const field = page.getByLabel(/^Invitation link for a/);
  await expect(field).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  // Its address is the one the join link shows (this machine's on the network, for the invitee's
  // own device); the accounts signed in here are 127.0.0.1's, so the test opens its path there.
  return new URL(await field.inputValue()).pathname;
}

test("an invitation link made by an organiser brings a second account onto the event", async ({ page, context, browser }) => {
  // Several browsers and servers at once: on a busy 2-core machine this takes over a minute.
  test.setTimeout(150_000);
  const { slug, organiser } = await createEventFixture({ name: "Made in Invitations" });
  await signIn(context, organiser.id);
  await page.goto(`/o/${slug}`);
  await expectAccessible(page);

  const link = await makeInviteLink(page, "Facilitator");
  await expect(page.getByText("Copy it now: it is shown only once.")).toBeVisible();
  const waiting = page.getByRole("region", { name: "Invite a co-organiser or facilitator" });
  await expect(waiting.getByRole("button", { name: /^Revoke facilitator invitation/ })).toHaveCount(1);
  await expectAccessible(page);

  const guest = await createAccount("Fola Facilitator");
  const guestContext = await browser.newContext();
  try {
    await signIn(guestContext, guest.id);
    const guestPage = await guestContext.newPage();
    await guestPage.goto(link);
    await expect(guestPage.getByRole("heading", { name: "Help run Made in Invitations as a facilitator" })).toBeVisible();
    await expectAccessible(guestPage);

    await guestPage.getByRole("button", { name: "Join Made in Invitations as facilitator" }).click();
    // A facilitator came to run the room: they land on the console.
    await expect(guestPage).toHaveURL(new RegExp(`/f/${slug}$`));
    await expect(guestPage.getByRole("heading", { name: "Facilitator console" })).toBeAttached();

    await guestPage.goto("/o");
    await expect(guestPage.getByRole("link", { name: /Made in Invitations/ })).toContainText("Facilitator");
    await expectAccessible(guestPage);

    // The link is single-use.
    await guestPage.goto(link);
    await expect(guestPage.getByRole("heading", { name: "This invitation has already been used" })).toBeVisible();
    await expectAccessible(guestPage);
  } finally {
    await guestContext.close();
  }

  // The organiser's page follows without a reload: the facilitator is on the staff, the invitation used.
  const staff = page.getByRole("region", { name: "People running this event" });
  await expect(staff.getByText("Fola Facilitator", { exact: true }).first()).toBeVisible();
  await expect(page.getByText("No open invitations.")).toBeVisible();
  await expectAccessible(page);
});

test("someone without an account creates one from the invitation and joins as co-organiser", async ({
  page,
  context,
  browser,
}) => {
  const { slug, organiser } = await createEventFixture({ name: "Made in New Faces" });
  await signIn(context, organiser.id);
  await page.goto(`/o/${slug}`);
  const link = await makeInviteLink(page, "Co-organiser");

  const newcomer = await browser.newContext();
  try {
    const newPage = await newcomer.newPage();
    await newPage.goto(link);
    await expect(newPage.getByRole("heading", { name: "Help run Made in New Faces as a co-organiser" })).toBeVisible();
    await expectAccessible(newPage);

    const email = `new-${Date.now().toString(36)}@fixture.example`;
    await newPage.getByLabel("Your name").fill("Nia Newcomer");
    await newPage.getByLabel("Email address").fill(email);
    await newPage.getByLabel("Choose a password").fill("short");
    await newPage.getByRole("button", { name: "Create account and join" }).click();
    await expect(newPage.getByText("Use at least 10 characters for your password.")).toBeVisible();
    await expect(newPage.getByLabel("Your name")).toHaveValue("Nia Newcomer");
    await expect(newPage.getByLabel("Email address")).toHaveValue(email);
    await expectAccessible(newPage);

    await newPage.getByLabel("Choose a password").fill("a sensible long password");
    await newPage.getByRole("button", { name: "Create account and join" }).click();
    await expect(newPage).toHaveURL(new RegExp(`/o/${slug}$`));
    await expect(newPage.getByRole("heading", { name: "Status" })).toBeVisible();
    await expect(newPage.getByRole("region", { name: "People running this event" }).getByText("Nia Newcomer")).toBeVisible();
    await expectAccessible(newPage);
  } finally {
    await newcomer.close();
  }
});

test("a revoked invitation stops working", async ({ page, context, browser }) => {
  const { slug, organiser } = await createEventFixture();
  await signIn(context, organiser.id);
  await page.goto(`/o/${slug}`);
  const link = await makeInviteLink(page, "Facilitator");

  await page.getByRole("button", { name: /^Revoke facilitator invitation/ }).click();
  await expect(page.getByText("No open invitations.")).toBeVisible();
  await expectAccessible(page);

  const stranger = await browser.newContext();
  try {
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(link);
    await expect(strangerPage.getByRole("heading", { name: "This invitation link doesn't work" })).toBeVisible();
    await expect(strangerPage.getByRole("button", { name: /Join/ })).toHaveCount(0);
    await expectAccessible(strangerPage);
  } finally {
    await stranger.close();
  }
});

test("an invitation's open page follows it: the event renamed, then the invitation revoked", async ({
  page,
  context,
  browser,
}) => {
  const { slug, organiser, id } = await createEventFixture({ name: "Made in Stockwell" });
  await signIn(context, organiser.id);
  await page.goto(`/o/${slug}`);
  const link = await makeInviteLink(page, "Facilitator");

  const invitee = await browser.newContext();
  try {
    const theirs = await invitee.newPage();
    await theirs.goto(link);
    await expect(theirs.getByRole("heading", { name: /Made in Stockwell/ })).toBeVisible();
    await theirs.getByLabel("Your name").fill("Rae Facilitator");

    await (await db()).transact((tx) => tx.update(events).set({ name: "Made in Stockwell Green" }).where(eq(events.id, id)));
    await expect(theirs.getByRole("heading", { name: /Made in Stockwell Green/ })).toBeVisible();
    await expect(theirs.getByLabel("Your name")).toHaveValue("Rae Facilitator");

    await page.getByRole("button", { name: /^Revoke facilitator invitation/ }).click();
    await expect(theirs.getByRole("heading", { name: "This invitation link doesn't work" })).toBeVisible();
    await expect(theirs.getByLabel("Your name")).toHaveCount(0);
  } finally {
    await invitee.close();
  }
});

test("a signed-out invitee can sign in and come straight back to accept", async ({ page, context, browser }) => {
  const { slug, organiser } = await createEventFixture({ name: "Made in Returning" });
  await signIn(context, organiser.id);
  await page.goto(`/o/${slug}`);
  const link = await makeInviteLink(page, "Facilitator");

  const existing = await createAccount("Rae Returning");
  const theirs = await browser.newContext();
  try {
    const theirPage = await theirs.newPage();
    await theirPage.goto(link);
    await theirPage.getByRole("link", { name: "Sign in", exact: true }).last().click();
    await expect(theirPage.getByRole("heading", { name: "Sign in" })).toBeVisible();
    await expectAccessible(theirPage);
    await theirPage.getByLabel("Email address").fill(existing.email);
    await theirPage.getByLabel("Password").fill(existing.password);
    await theirPage.getByRole("button", { name: "Sign in" }).click();
    await expect(theirPage.getByRole("button", { name: "Join Made in Returning as facilitator" })).toBeVisible();
    await expectAccessible(theirPage);
  } finally {
    await theirs.close();
  }
});
