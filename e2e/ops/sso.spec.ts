/**
 * Staff single sign-on through a real OpenID Provider on 127.0.0.1, the real redirect flow in
 * Chromium: sign-in by verified email, refusal outside the council's domains, an invitation
 * accepted with a new SSO account, and a server with local passwords switched off.
 */
import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { accounts, eventStaff } from "@/db/schema";
import { requestPasswordReset } from "@/lib/accounts/password-reset";
import { accountSessionCookie } from "@/lib/auth/cookies";
import { createInvite } from "@/lib/invites/create-invite";
import { expectAccessible } from "../support/a11y";
import { type AppServer, startAppServer } from "../support/app-server";
import { e2ePort } from "../support/config";
import { createEventFixture, db } from "../support/fixtures";
import { startOidcProvider, type TestProvider } from "../support/oidc-provider";

const offsets = { withPasswords: 80, withoutPasswords: 81, provider: 85 };
const callback = (offset: number) => `http://127.0.0.1:${e2ePort + offset}/signin/sso/callback`;

let provider: TestProvider;
let withPasswords: AppServer;
let withoutPasswords: AppServer;

test.describe.configure({ mode: "serial" });
test.beforeAll(async () => {
  test.setTimeout(240_000);
  provider = await startOidcProvider(offsets.provider, [callback(offsets.withPasswords), callback(offsets.withoutPasswords)]);
  const sso = {
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    OIDC_NAME: "Council ID",
    OIDC_ALLOWED_DOMAINS: "council.example, partner.example",
  };
  // Settled, not all: a server that started is kept (and stopped in afterAll) even when the other fails.
  const [first, second] = await Promise.allSettled([
    startAppServer(offsets.withPasswords, sso),
    startAppServer(offsets.withoutPasswords, { ...sso, PASSWORD_SIGN_IN: "off" }),
  ]);
  if (first.status === "fulfilled") withPasswords = first.value;
  if (second.status === "fulfilled") withoutPasswords = second.value;
  for (const started of [first, second]) if (started.status === "rejected") throw started.reason;
});
test.afterAll(async () => {
  await Promise.all([withPasswords?.stop(), withoutPasswords?.stop()]);
  await provider?.stop();
});

/** The provider's own pages: sign in as `email`, then grant consent if it asks. */
async function signInAtProvider(page: Page, email: string) {
  await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/`));
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill("any password");
  await page.locator('button[type="submit"]').click();
  const consent = page.getByRole("button", { name: "Continue" });
  const home = new RegExp(
    `^http://127\\.0\\.0\\.1:${e2ePort + offsets.withPasswords}|^http://127\\.0\\.0\\.1:${e2ePort + offsets.withoutPasswords}`,
  );
  // The provider asks for consent the first time; either way the browser ends up back with us.
  await expect.poll(async () => home.test(page.url()) || (await consent.isVisible()), { timeout: 20_000 }).toBe(true);
  if (!home.test(page.url())) await consent.click();
  await expect(page).toHaveURL(home);
}

async function staffAccount(email: string, role: "organiser" | "facilitator", eventId: string) {
  const id = randomUUID();
  await (await db()).transact(async (tx) => {
    await tx.insert(accounts).values({ id, email, name: "Project lead, Public Realm", passwordHash: "sso:no-password" });
    await tx.insert(eventStaff).values({ eventId, accountId: id, role });
  });
  return id;
}

test("a facilitator signs in with the council's provider and lands on their events", async ({ page }) => {
  const event = await createEventFixture({ name: `Made in SSO ${randomUUID().slice(0, 4)}` });
  const email = `sam.${randomUUID().slice(0, 6)}@council.example`;
  await staffAccount(email, "facilitator", event.id);

  await page.goto(`${withPasswords.base}/signin`);
  await expect(page.getByLabel("Password")).toBeVisible(); // local passwords are still on here
  await page.getByRole("link", { name: "Sign in with Council ID" }).click();
  await signInAtProvider(page, email.toUpperCase()); // the provider's spelling doesn't matter

  await expect(page).toHaveURL(`${withPasswords.base}/o`);
  await expect(page.getByRole("heading", { name: "Your events", level: 1 })).toBeVisible();
  await expect(page.getByText(event.name)).toBeVisible();
  // The session is the app's own: an HttpOnly cookie, and the flow cookie is gone.
  const cookies = await page.context().cookies(withPasswords.base);
  expect(cookies.find((c) => c.name === "madein_sso")).toBeUndefined();
  expect(cookies.some((c) => c.httpOnly && c.name.includes("session"))).toBe(true);
  // The provider is asked again within 72 hours (OIDC_SESSION_HOURS's default), not in 30 days:
  // someone the council disables there is out within a weekend.
  const session = cookies.find((c) => c.name === "mi_session");
  expect(session?.expires).toBeGreaterThan(Date.now() / 1000);
  expect(session?.expires).toBeLessThanOrEqual(Date.now() / 1000 + 72 * 3600);
});

test("an email outside the allowed domains is refused with a message", async ({ page }) => {
  await page.goto(`${withPasswords.base}/signin`);
  await page.getByRole("link", { name: "Sign in with Council ID" }).click();
  await signInAtProvider(page, `someone.${randomUUID().slice(0, 6)}@gmail.example`);

  await expect(page).toHaveURL(`${withPasswords.base}/signin?sso=domain_not_allowed`);
  await expect(page.getByText("isn't one this Made In accepts for single sign-on")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await expectAccessible(page);
});

test("an account someone else made with a password and this address is not entered until the address is proven", async ({
  page,
}) => {
  const email = `jane.${randomUUID().slice(0, 6)}@council.example`;
  // Anyone with an invitation link can type any address into its password form.
  const id = randomUUID();
  await (await db()).transact((tx) =>
    tx.insert(accounts).values({ id, email, name: "Not Jane", passwordHash: "scrypt:made-up-by-someone-else" }),
  );
  await page.goto(`${withPasswords.base}/signin`);
  await page.getByRole("link", { name: "Sign in with Council ID" }).click();
  await signInAtProvider(page, email);

  await expect(page).toHaveURL(`${withPasswords.base}/signin?sso=unconfirmed_account`);
  await expect(page.getByText("the address hasn’t been confirmed yet")).toBeVisible();
  await expect(page.getByRole("link", { name: "Forgot your password?" })).toBeVisible();
  const cookies = await page.context().cookies(withPasswords.base);
  expect(cookies.find((c) => c.name === accountSessionCookie)).toBeUndefined();
});

test("someone without an account is sent to ask for an invitation; with one, SSO makes their account", async ({ page }) => {
  const email = `new.${randomUUID().slice(0, 6)}@partner.example`;
  await page.goto(`${withPasswords.base}/signin`);
  await page.getByRole("link", { name: "Sign in with Council ID" }).click();
  await signInAtProvider(page, email);
  await expect(page.getByText("no Made In account for that email address yet")).toBeVisible();

  const event = await createEventFixture({ name: `Made in Invites ${randomUUID().slice(0, 4)}` });
  const invite = await (await db()).transact((tx) =>
    createInvite(tx, { eventId: event.id, role: "facilitator", createdBy: event.organiser.id }),
  );
  await page.goto(`${withPasswords.base}/invite/${invite.token}`);
  await page.getByRole("link", { name: "Sign in with Council ID" }).click();
  // The provider remembers them: straight back, invitation accepted, a facilitator on the console.
  await expect(page).toHaveURL(`${withPasswords.base}/f/${event.slug}`);
  await expect(page.getByRole("heading", { name: "Facilitator console", level: 1 })).toBeAttached();
});

test("with local passwords off, the password form is gone and SSO is the way in", async ({ page }) => {
  const event = await createEventFixture({ name: `Made in No Passwords ${randomUUID().slice(0, 4)}` });
  const email = `kim.${randomUUID().slice(0, 6)}@council.example`;
  await staffAccount(email, "organiser", event.id);

  await page.goto(`${withoutPasswords.base}/signin`);
  await expect(page.getByRole("link", { name: "Sign in with Council ID" })).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveCount(0);
  await expect(page.getByLabel("Email address")).toHaveCount(0);
  await expect(page.getByText("or with your email and password")).toHaveCount(0);
  await expectAccessible(page);

  // Nor can a password be reset, or set through a reset link made before they were switched off.
  const off = "Sign-in with a password is switched off here. Use the single sign-on button instead.";
  await page.goto(`${withoutPasswords.base}/signin/forgot`);
  await expect(page.getByText(off)).toBeVisible();
  await expect(page.getByLabel("Email address")).toHaveCount(0);
  const reset = await requestPasswordReset(await db(), email);
  if (!reset) throw new Error("no reset link");
  await page.goto(`${withoutPasswords.base}/signin/reset/${reset.token}`);
  await expect(page.getByText(off)).toBeVisible();
  await expect(page.getByLabel(/password/i)).toHaveCount(0);

  await page.goto(`${withoutPasswords.base}/signin`);
  await page.getByRole("link", { name: "Sign in with Council ID" }).click();
  await signInAtProvider(page, email);
  await expect(page).toHaveURL(`${withoutPasswords.base}/o`);
  await expect(page.getByText(event.name)).toBeVisible();
});
