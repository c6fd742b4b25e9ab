import { readFileSync } from "node:fs";
import { type Browser, expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { events, participants } from "@/db/schema";
import { seedWeekend } from "@/test/support/seeded-weekend";
import { expectAccessible } from "../support/a11y";
import { addStaff, createAccount, createEventFixture, db, joinAs, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";
import { joinByCode } from "../teams/support";

test.setTimeout(120_000);
const shots = "e2e/.artifacts/screens-privacy";
const laptop = { viewport: { width: 1280, height: 720 } };

test("the privacy notice at join fits one phone screen and says who, what, how long and what you can do", async ({ page }) => {
  const event = await createEventFixture();
  await (await db()).transact((tx) =>
    tx
      .update(events)
      .set({ dataController: "London Borough of Lambeth", privacyContact: "dpo@lambeth.example", retentionMonths: 6 })
      .where(eq(events.id, event.id)),
  );
  await page.setViewportSize(phone.viewport);
  await page.goto(`/j/${event.joinCode}`);
  await page.getByRole("link", { name: "How we use your information" }).click();
  await expect(page.getByRole("heading", { name: "How we use your information" })).toBeVisible();
  await expect(page.getByText("London Borough of Lambeth")).toBeVisible();
  await expect(page.getByText("dpo@lambeth.example")).toBeVisible();
  await expect(page.getByText("6 months after the event")).toBeVisible();
  await expect(page.getByText(/only initials if you're under 18/)).toBeVisible();
  await expect(page.getByText(/your age group, access needs and contact details/)).toBeVisible();
  // One screen: nothing to scroll on a 390×844 phone.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeLessThanOrEqual(844);
  await expectAccessible(page);
  await page.screenshot({ path: `${shots}/notice-390.png` });
  // The organisers change their settings while it is open: the notice says so without a reload.
  await (await db()).transact((tx) =>
    tx.update(events).set({ privacyContact: "privacy@lambeth.example", retentionMonths: 24 }).where(eq(events.id, event.id)),
  );
  await expect(page.getByText("privacy@lambeth.example")).toBeVisible();
  await expect(page.getByText("2 years after the event")).toBeVisible();
  await page.getByRole("link", { name: "Back to joining" }).click();
  await expect(page.getByLabel("What should people call you?")).toBeVisible();
});

test.describe("on a phone", () => {
  test.use(phone);

  test("a participant downloads everything the event holds about them from What you've shared", async ({ page }) => {
    const event = await createEventFixture();
    await joinByCode(page, event.joinCode, "Lou Marsh", { skills: ["writing"], kind: "Resident" });
    await page.goto(`/p/${event.slug}/me`);
    const yours = page.getByRole("region", { name: "Your data" });
    await expect(yours).toBeVisible();
    await expectAccessible(page);
    await yours.screenshot({ path: `${shots}/your-data-390.png` });
    await page.screenshot({ path: `${shots}/me-390.png`, fullPage: true });
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      yours.getByRole("link", { name: "Download your data" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${event.slug}-your-data.json`);
    const data = JSON.parse(readFileSync(await download.path(), "utf8"));
    expect(data).toMatchObject({
      format: "made-in/your-data",
      event: { name: event.name },
      profile: { name: "Lou Marsh", kind: "Resident", skills: ["writing"] },
      notes: [],
    });
    // The notice is linked from here too, and leads back.
    await yours.getByRole("link", { name: "How we use your information" }).click();
    await expect(page.getByRole("heading", { name: "How we use your information" })).toBeVisible();
    await page.getByRole("link", { name: "Back to what you've shared" }).click();
    await expect(page.getByRole("heading", { name: "What you've shared" })).toBeVisible();
  });
});

test("an organiser reads the audit log: who opened the private list and downloaded the contacts, and when", async ({
  browser,
}) => {
  const organiser = await createAccount("Organiser, Lambeth");
  const weekend = await seedWeekend(await db(), organiser.id);
  const slug = weekend.event.slug;
  const desk = await browser.newContext(laptop);
  await signIn(desk, organiser.id);
  const page = await desk.newPage();

  // The console opens the private list (access needs, contacts) for staff.
  await page.goto(`/f/${slug}`);
  await expect(page.getByTestId("private-details")).toContainText("step-free");
  await page.goto(`/o/${slug}/review`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "People who agreed to be contacted (CSV)" }).click(),
  ]);
  await download.path();

  await page.goto(`/o/${slug}`);
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  const rows = page.getByTestId("audit-entry");
  await expect(rows.filter({ hasText: "Table: People who agreed to be contacted (CSV)" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "Opened the private list" }).first()).toContainText("Organiser, Lambeth");
  await expect(rows.first()).toContainText(organiser.id);
  // The log names accesses, never the data.
  await expect(page.getByText("step-free")).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: `${shots}/audit-1280.png`, fullPage: true });
  await page.setViewportSize(projector.viewport);
  await page.screenshot({ path: `${shots}/audit-1920.png` });
  await page.setViewportSize(phone.viewport);
  await page.screenshot({ path: `${shots}/audit-390.png`, fullPage: true });

  // A facilitator cannot read it.
  const facilitator = await createAccount("Facilitator");
  const { eventStaff } = await import("@/db/schema");
  await (await db()).transact((tx) =>
    tx.insert(eventStaff).values({ eventId: weekend.event.id, accountId: facilitator.id, role: "facilitator" }),
  );
  const other = await browser.newContext(laptop);
  await signIn(other, facilitator.id);
  const theirs = await other.newPage();
  await theirs.goto(`/o/${slug}/audit`);
  await expect(theirs.getByRole("heading", { name: "Only organisers can read the audit log" })).toBeVisible();
  await other.close();
  await desk.close();
});

test("the audit log follows what another organiser does with personal data, without a reload", async ({ browser }) => {
  const event = await createEventFixture({ name: "Made in Audit" });
  const other = await addStaff(event.id, "organiser", "Olu Coorganiser");
  const [deskA, deskB] = await Promise.all([browser.newContext(laptop), browser.newContext(laptop)]);
  await signIn(deskA, event.organiser.id);
  await signIn(deskB, other.id);
  const audit = await deskA.newPage();
  await audit.goto(`/o/${event.slug}/audit`);
  const rows = audit.getByTestId("audit-entry");
  await expect(rows).toHaveCount(0);

  // Olu downloads the whole event: Amira's open log lists it.
  const b = await deskB.newPage();
  expect((await b.request.get(`/o/${event.slug}/export/json`)).status()).toBe(200);
  await expect(rows.filter({ hasText: "Downloaded an export" })).toContainText("Olu Coorganiser");
  // Olu opens the console, which reads the private list: so does it.
  await b.goto(`/f/${event.slug}`);
  await expect(rows.filter({ hasText: "Opened the private list" }).first()).toContainText("Olu Coorganiser");
  // Olu invites a facilitator, who accepts: joining the staff is an entry too.
  await b.goto(`/o/${event.slug}`);
  await b.getByRole("radio", { name: /^Facilitator/ }).check();
  await b.getByRole("button", { name: "Create invitation link" }).click();
  const link = await b.getByLabel(/^Invitation link for a/).inputValue();
  const fran = await createAccount("Fran Facilitator");
  const deskC = await browser.newContext(laptop);
  await signIn(deskC, fran.id);
  const c = await deskC.newPage();
  // The link carries the address phones use; Fran's cookies are this server's 127.0.0.1.
  await c.goto(new URL(link).pathname);
  await c.getByRole("button", { name: "Join Made in Audit as facilitator" }).click();
  await expect(c).toHaveURL(new RegExp(`/f/${event.slug}$`));
  await expect(rows.filter({ hasText: "Joined the event's staff" })).toContainText("Fran Facilitator");
  await audit.screenshot({ path: `${shots}/audit-followed-1280.png`, fullPage: true });
  await Promise.all([deskA.close(), deskB.close(), deskC.close()]);
});

async function settingsThenDeletion(browser: Browser, javaScriptEnabled: boolean) {
  const event = await createEventFixture();
  const participant = await browser.newContext(phone);
  await joinAs(participant, event.id, "Someone");
  await participant.close();
  const desk = await browser.newContext({ ...laptop, javaScriptEnabled });
  await signIn(desk, event.organiser.id);
  const page = await desk.newPage();
  await page.goto(`/o/${event.slug}/edit`);
  const privacy = page.getByRole("region", { name: "Privacy" });
  await privacy.getByLabel(/data controller/).fill("London Borough of Lambeth");
  await privacy.getByLabel("How people reach them about their data").fill("dpo@lambeth.example");
  await privacy.getByLabel("Keep people's details for").selectOption("18");
  await privacy.getByRole("button", { name: "Save privacy settings" }).click();
  await expect(page.getByText("Saved. The privacy notice people see when they join says this now.")).toBeVisible();
  const [saved] = await (await db()).read.select().from(events).where(eq(events.id, event.id));
  expect(saved).toMatchObject({
    dataController: "London Borough of Lambeth",
    privacyContact: "dpo@lambeth.example",
    retentionMonths: 18,
  });
  await page.getByRole("region", { name: "Privacy" }).screenshot({ path: `${shots}/settings-1280.png` });

  const danger = page.getByRole("region", { name: "Delete this event" });
  await danger.getByLabel(/Type the event's name/).fill("not the name");
  await danger.getByRole("button", { name: "Delete this event for good" }).click();
  await expect(page.getByText(/Nothing was deleted: type the event's name exactly/)).toBeVisible();
  // Said at the field it is about: a screen reader reads it with the field.
  const confirm = page.getByRole("region", { name: "Delete this event" }).getByLabel(/Type the event's name/);
  await expect(confirm).toHaveAttribute("aria-invalid", "true");
  await expect(confirm).toHaveAccessibleDescription(/Nothing was deleted: type the event's name exactly/);
  await page.getByRole("region", { name: "Delete this event" }).screenshot({ path: `${shots}/delete-1280.png` });
  await expect((await db()).read.select().from(events).where(eq(events.id, event.id))).resolves.toHaveLength(1);

  await page
    .getByRole("region", { name: "Delete this event" })
    .getByLabel(/Type the event's name/)
    .fill(event.name);
  await page
    .getByRole("region", { name: "Delete this event" })
    .getByRole("button", { name: "Delete this event for good" })
    .click();
  await expect(page.getByText("The event was deleted, with everything in it and its uploaded files.")).toBeVisible();
  await expect((await db()).read.select().from(events).where(eq(events.id, event.id))).resolves.toEqual([]);
  await expect((await db()).read.select().from(participants).where(eq(participants.eventId, event.id))).resolves.toEqual([]);
  await desk.close();
}

test("an organiser sets the retention period and contact, then deletes the event by typing its name", async ({ browser }) => {
  await settingsThenDeletion(browser, true);
});

// Posted before hydration, these forms once hung the server (an action bound in a Client
// Component; see app/(organiser)/use-kept-form.ts): they must answer as plain HTML forms.
test("the same without JavaScript", async ({ browser }) => {
  await settingsThenDeletion(browser, false);
});
