import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { events } from "@/db/schema";
import { expectAccessible } from "../support/a11y";
import { createAccount, createEventFixture, dateEvent, db, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";

test("an organiser creates an event from their dashboard", async ({ page, context }) => {
  const account = await createAccount("Ada Organiser");
  await signIn(context, account.id);
  const name = `Made in Brixton ${Date.now().toString(36)}`;

  await page.goto("/o");
  await expect(page.getByRole("heading", { name: "Create an event" })).toBeVisible();
  await expectAccessible(page);

  // A mistake first: what was typed stays, and each problem is named beside its field.
  await page.getByLabel("Event name").fill(name);
  await page.getByLabel("Where (optional)").fill("Brixton Library, London SW2");
  await page.getByLabel("Description (optional)").fill("Two days on making the high street work for everyone.");
  await page.getByLabel("Starts").fill("2027-05-14T18:00");
  await page.getByLabel("Ends").fill("2027-05-13T17:00");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByText("The end must be after the start.")).toBeVisible();
  await expect(page.getByLabel("Event name")).toHaveValue(name);
  await expect(page.getByLabel("Description (optional)")).toHaveValue("Two days on making the high street work for everyone.");
  await expectAccessible(page);

  await page.getByLabel("Ends").fill("2027-05-16T17:00");
  await page.getByRole("button", { name: "Create event" }).click();

  await expect(page).toHaveURL(/\/o\/made-in-brixton-[a-z0-9-]+$/);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await expect(page.getByText("Friday 14 May, 6pm to Sunday 16 May 2027, 5pm · Brixton Library, London SW2")).toBeVisible();
  await expect(page.getByText("Draft", { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId("join-code")).toHaveText(/^[A-Z0-9]{3}-[A-Z0-9]{3}$/);
  await expectAccessible(page);

  await page.getByRole("link", { name: "Your events" }).first().click();
  await expect(page.getByRole("link", { name: new RegExp(name) })).toContainText("Organiser");
  await expectAccessible(page);
});

test("an event needs a name and dates", async ({ page, context }) => {
  const account = await createAccount();
  await signIn(context, account.id);
  await page.goto("/o");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByText("Give the event a name.")).toBeVisible();
  await expect(page.getByText("Say when the event starts.")).toBeVisible();
  await expect(page.getByText("Say when the event ends.")).toBeVisible();
  await expectAccessible(page);
});

test("a year slipped while typing is refused at its field, without JavaScript, on every form that takes an event's dates", async ({
  browser,
}) => {
  // Chrome's date field turns a typed "26" into the year 0026, which was saved as 1926: the
  // retention sweep then erased the event's people's data within the hour.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const account = await createAccount();
  await signIn(context, account.id);
  const name = `Slipped year ${Date.now().toString(36)}`;
  await page.goto("/o");
  await page.getByLabel("Event name").fill(name);
  await page.getByLabel("Starts").fill("0026-05-14T18:00");
  await page.getByLabel("Ends").fill("2027-05-16T17:00");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByLabel("Starts")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Starts")).toHaveAccessibleDescription(/Enter a date between the years 2000 and 2099\./);
  await expect(page.getByLabel("Event name")).toHaveValue(name);
  await expect(page).toHaveURL(/\/o$/);

  const event = await createEventFixture();
  await signIn(context, event.organiser.id);
  await dateEvent(event.id);
  await page.goto(`/o/${event.slug}/edit`);
  await page.getByLabel("Ends", { exact: true }).fill("2100-03-07T17:00");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByLabel("Ends", { exact: true })).toHaveAccessibleDescription(
    /Enter a date between the years 2000 and 2099\./,
  );
  const [stored] = await (await db()).read.select({ endsAt: events.endsAt }).from(events).where(eq(events.id, event.id));
  expect(new Date(stored!.endsAt!).getUTCFullYear()).toBe(2027);
  await context.close();
});

test.describe("on a phone", () => {
  test.use(phone);

  test("the dashboard and its form fit the screen", async ({ page, context }) => {
    const account = await createAccount();
    await signIn(context, account.id);
    await page.goto("/o");
    await expect(page.getByRole("heading", { name: "Create an event" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);
  });
});

test("without JavaScript, the create form posted twice (a double tap) makes one event", async ({ browser }) => {
  const account = await createAccount("Double tap organiser");
  const context = await browser.newContext({ javaScriptEnabled: false });
  await signIn(context, account.id);
  const page = await context.newPage();
  await page.goto("/o");
  const name = `Made in Stockwell ${Date.now().toString(36)}`;
  await page.getByLabel("Event name").fill(name);
  await page.getByLabel("Starts").fill("2027-05-14T18:00");
  await page.getByLabel("Ends").fill("2027-05-16T17:00");
  // The post as the browser sent it, to send again as a second tap would.
  let sent: { body: Buffer; type: string } | null = null;
  await page.route("**/o", async (route) => {
    const request = route.request();
    if (request.method() === "POST")
      sent = { body: request.postDataBuffer() as Buffer, type: request.headers()["content-type"] ?? "" };
    await route.continue();
  });
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const first = page.url();
  expect(sent).not.toBeNull();
  const { body, type } = sent as unknown as { body: Buffer; type: string };
  const again = await context.request.post("/o", { headers: { "content-type": type }, data: body, maxRedirects: 0 });
  expect(again.status()).toBeLessThan(400);
  // Answered with the event the first made, and no second one.
  expect(new URL(again.headers().location ?? "", first).pathname).toBe(new URL(first).pathname);
  const mine = await (await db()).read.select({ slug: events.slug }).from(events).where(eq(events.createdBy, account.id));
  expect(mine).toHaveLength(1);
  await context.close();
});
