import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { briefFiles, briefs, eventPhases, events } from "@/db/schema";
import { expectAccessible } from "../support/a11y";
import { addBrief, createEventFixture, db, signIn } from "../support/fixtures";
import { fakePdf, samplePdf } from "./fixtures";

test("a brief without a title gets a message at the field, keeps what was typed and saves nothing", async ({ page, context }) => {
  const event = await createEventFixture({ status: "draft" });
  const briefId = await addBrief(event.id, { title: "Healthwatch", status: "draft" });
  await signIn(context, event.organiser.id);
  await page.goto(`/o/${event.slug}/briefs/${briefId}`);

  await page.getByLabel("Title", { exact: true }).fill("  ");
  await page.getByLabel("The problem").fill("Stories are collected but rarely heard.");
  await page.getByRole("button", { name: "Add a contact" }).click();
  await page.getByLabel("Role (contact 1)").fill("Engagement lead");
  await page.getByRole("button", { name: "Add a useful link" }).click();
  await page.getByLabel("Title (useful link 1)").fill("Healthwatch");
  await page.getByLabel("Web address (useful link 1)").fill("javascript:alert(1)");
  await page.getByRole("button", { name: "Save brief" }).click();

  await expect(page.getByText("Nothing was saved yet: check the fields marked below.")).toBeVisible();
  await expect(page.getByText("Give the brief a title.")).toBeVisible();
  await expect(page.getByLabel("Title", { exact: true })).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Say how to reach them: in the room, an email address, a phone number.")).toBeVisible();
  await expect(page.getByText("Enter a full web address, starting with https://")).toBeVisible();
  await expect(page.getByLabel("The problem")).toHaveValue("Stories are collected but rarely heard.");
  await expect(page.getByLabel("Role (contact 1)")).toHaveValue("Engagement lead");
  await expectAccessible(page);

  const [saved] = await (await db()).read.select().from(briefs).where(eq(briefs.id, briefId));
  expect(saved).toMatchObject({ title: "Healthwatch", problem: "" });
});

test("a brief with only a title is not published: the message names the problem it needs, and keeps what was typed", async ({
  page,
  context,
}) => {
  const event = await createEventFixture({ status: "published" });
  const briefId = await addBrief(event.id, { title: "Fewer calls to report one pothole", status: "draft" });
  await signIn(context, event.organiser.id);
  await page.goto(`/o/${event.slug}/briefs/${briefId}`);
  // The event is live: a published brief shows at once, and the choice says so.
  await expect(page.getByRole("radio", { name: /^Published/ })).toHaveAccessibleName(/people's phones/);

  await page.getByLabel("Why it matters").fill("Residents give up after the third call.");
  await page.getByRole("radio", { name: /^Published/ }).check();
  await page.getByRole("button", { name: "Save status" }).click();
  await expect(
    page.getByText(/^Nothing was saved yet: a published brief needs “The problem”, what isn't working and for whom\./),
  ).toBeVisible();
  await expect(page.getByLabel("The problem")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("The problem")).toHaveAccessibleDescription(/Write the problem before the brief is published/);
  await expect(page.getByLabel("Why it matters")).toHaveValue("Residents give up after the third call.");
  await expect(page.getByRole("radio", { name: /^Published/ })).toBeChecked();
  await expectAccessible(page);
  const read = async () => (await (await db()).read.select().from(briefs).where(eq(briefs.id, briefId)))[0];
  expect(await read()).toMatchObject({ status: "draft", whyItMatters: "" });

  // Written: published, and said as an event already live has it.
  await page.getByLabel("The problem").fill("Reporting one pothole takes three calls and a form.");
  await page.getByRole("button", { name: "Save status" }).click();
  await expect(
    page.getByText("Saved. The brief is published: it shows on the public event page and people's phones now."),
  ).toBeVisible();
  expect(await read()).toMatchObject({ status: "published", whyItMatters: "Residents give up after the third call." });

  // Emptying the problem of a published brief is held back the same way.
  await page.getByLabel("The problem").fill("");
  await page.getByRole("button", { name: "Save brief" }).click();
  await expect(page.getByText(/^Nothing was saved yet: a published brief needs “The problem”/)).toBeVisible();
  expect(await read()).toMatchObject({ status: "published", problem: "Reporting one pothole takes three calls and a form." });
});

test("an event that ends before it starts, or a phase that does, is refused at the field", async ({ page, context }) => {
  const event = await createEventFixture({ status: "draft" });
  await signIn(context, event.organiser.id);
  await page.goto(`/o/${event.slug}/edit`);

  await page.getByLabel("Event name").fill("Renamed weekend");
  await page.getByLabel("Starts", { exact: true }).fill("2027-05-14T18:00");
  await page.getByLabel("Ends", { exact: true }).fill("2027-05-13T17:00");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("The end must be after the start.")).toBeVisible();
  await expect(page.getByLabel("Event name")).toHaveValue("Renamed weekend");

  await page.getByRole("button", { name: "Add a phase" }).click();
  await page.getByLabel("Phase (phase 1)").fill("Explore");
  await page.getByLabel("Starts (phase 1)").fill("2027-05-15T17:00");
  await page.getByLabel("Ends (optional) (phase 1)").fill("2027-05-15T09:30");
  await page.getByRole("button", { name: "Add a phase" }).click();
  await page.getByLabel("Starts (phase 2)").fill("2027-05-16T09:30");
  await page.getByRole("button", { name: "Save agenda" }).click();
  await expect(page.getByText("Nothing was saved yet: check the phases marked below.")).toBeVisible();
  await expect(page.getByLabel("Ends (optional) (phase 1)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Give this phase a name, like Kick-off evening.")).toBeVisible();
  await expect(page.getByLabel("Phase (phase 1)")).toHaveValue("Explore");
  await expectAccessible(page);

  const phases = await (await db()).read.select().from(eventPhases).where(eq(eventPhases.eventId, event.id));
  expect(phases).toEqual([]);
  await page.reload();
  await expect(page.getByLabel("Event name")).toHaveValue(event.name);
});

test("a phase outside the event's dates is refused, named with the dates; new dates keep the phases they leave out, and say so", async ({
  page,
  context,
}) => {
  const event = await createEventFixture({ status: "draft" });
  // Friday 19 to Sunday 21 March 2027, London (GMT then).
  await (await db()).transact((tx) =>
    tx
      .update(events)
      .set({ startsAt: Date.UTC(2027, 2, 19, 18), endsAt: Date.UTC(2027, 2, 21, 17) })
      .where(eq(events.id, event.id)),
  );
  await signIn(context, event.organiser.id);
  await page.goto(`/o/${event.slug}/edit`);

  await page.getByLabel("Phase (phase 1)").fill("Kick-off evening");
  await page.getByLabel("Starts (phase 1)").fill("2027-03-19T18:00");
  await page.getByRole("button", { name: "Add a phase" }).click();
  // A month out: the slip the organiser meant as 21 March.
  await page.getByLabel("Phase (phase 2)").fill("Presentations");
  await page.getByLabel("Starts (phase 2)").fill("2027-04-21T14:00");
  await page.getByRole("button", { name: "Save agenda" }).click();
  await expect(
    page.getByText(/^Nothing was saved yet: a phase falls outside the event's dates \(.*19.*21 March 2027.*\)/),
  ).toBeVisible();
  await expect(page.getByLabel("Starts (phase 2)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Starts (phase 2)")).toHaveAccessibleDescription(
    /“Presentations” \(21 Apr 2027, 2pm\) falls outside the event's dates/,
  );
  await expect(page.getByLabel("Starts (phase 1)")).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Phase (phase 2)")).toHaveValue("Presentations");
  await expect(page.getByLabel("Starts (phase 2)")).toHaveValue("2027-04-21T14:00");
  await expectAccessible(page);
  const read = async () => (await db()).read.select().from(eventPhases).where(eq(eventPhases.eventId, event.id));
  expect(await read()).toEqual([]);

  await page.getByLabel("Starts (phase 2)").fill("2027-03-21T14:00");
  await page.getByRole("button", { name: "Save agenda" }).click();
  await expect(page.getByText("Saved. The agenda has 2 phases.")).toBeVisible();

  // The weekend is cut to Friday and Saturday: the phases stay, and the organiser is told which now fall outside.
  const details = page.getByRole("region", { name: "Details" });
  await details.getByLabel("Ends", { exact: true }).fill("2027-03-20T17:00");
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(
    details.getByText(/One phase of the agenda is now outside these dates: Presentations \(21 Mar 2027, 2pm\)\. They are kept/),
  ).toBeVisible();
  expect((await read()).map((p) => p.name).sort()).toEqual(["Kick-off evening", "Presentations"]);
  await page.reload();
  await expect(page.getByTestId("agenda-outside-dates")).toContainText("Presentations (21 Mar 2027, 2pm)");
  await expect(page.getByLabel("Phase (phase 2)")).toHaveValue("Presentations");
});

test("an oversized or disallowed file gets a clear message and nothing is stored", async ({ page, context }) => {
  const event = await createEventFixture({ status: "draft" });
  const briefId = await addBrief(event.id, { title: "Love Your Space", status: "draft" });
  await signIn(context, event.organiser.id);
  await page.goto(`/o/${event.slug}/briefs/${briefId}`);
  const file = page.getByLabel("File", { exact: true });

  await page.getByLabel("Title (optional)").fill("Huge survey");
  await file.setInputFiles({ name: "huge.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x25) });
  await expect(page.getByText("This file is 10.1 MB. Files can be up to 10 MB.")).toBeVisible();
  await page.getByRole("button", { name: "Upload file" }).click();
  await expect(file).toHaveAttribute("aria-invalid", "true");

  await file.setInputFiles({ name: "survey.pdf", mimeType: "application/pdf", buffer: fakePdf });
  await page.getByRole("button", { name: "Upload file" }).click();
  await expect(page.getByText("This file's contents don't match its name: it doesn't look like a PDF file.")).toBeVisible();
  await expect(page.getByLabel("Title (optional)")).toHaveValue("Huge survey");

  await file.setInputFiles({ name: "page.html", mimeType: "text/html", buffer: Buffer.from("<script>alert(1)</script>") });
  await page.getByRole("button", { name: "Upload file" }).click();
  await expect(page.getByText(/^Files of this type can't be uploaded\. Use PDF, Word/)).toBeVisible();
  await expect(page.getByText("No files yet.")).toBeVisible();
  await expectAccessible(page);

  const stored = await (await db()).read.select().from(briefFiles).where(eq(briefFiles.briefId, briefId));
  expect(stored).toEqual([]);
});

test("files of a draft brief are served to staff only", async ({ page, context, browser }) => {
  const event = await createEventFixture({ status: "published" });
  const briefId = await addBrief(event.id, { title: "Not ready yet", status: "draft" });
  await signIn(context, event.organiser.id);
  await page.goto(`/o/${event.slug}/briefs/${briefId}`);
  await page
    .getByLabel("File", { exact: true })
    .setInputFiles({ name: "notes.pdf", mimeType: "application/pdf", buffer: samplePdf });
  await page.getByRole("button", { name: "Upload file" }).click();
  const href = await page.getByRole("link", { name: "File 1" }).getAttribute("href");
  expect((await context.request.get(href!)).status()).toBe(200);

  const stranger = await browser.newContext();
  try {
    expect((await stranger.request.get(href!)).status()).toBe(404);
  } finally {
    await stranger.close();
  }
});

test("a file upload sent again without JavaScript (a reload of its answer) stores one copy", async ({ browser }) => {
  const event = await createEventFixture({ status: "draft" });
  const briefId = await addBrief(event.id, { title: "Love Your Space", status: "draft" });
  const context = await browser.newContext({ javaScriptEnabled: false });
  await signIn(context, event.organiser.id);
  const page = await context.newPage();
  await page.goto(`/o/${event.slug}/briefs/${briefId}`);
  await page.getByLabel("Title (optional)").fill("Park survey 2025");
  await page
    .getByLabel("File", { exact: true })
    .setInputFiles({ name: "survey.pdf", mimeType: "application/pdf", buffer: samplePdf });
  await page.getByRole("button", { name: "Upload file" }).click();
  await expect(page.getByText("Uploaded Park survey 2025.")).toBeVisible();
  // The reload must send the form again, or this test could not fail.
  const postedAgain = page.waitForRequest((request) => request.isNavigationRequest() && request.method() === "POST");
  await page.reload();
  expect((await postedAgain).postDataBuffer()?.includes("survey.pdf")).toBe(true);
  await expect(page.getByRole("region", { name: "Files" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Park survey 2025" })).toHaveCount(1);
  expect(await (await db()).read.select().from(briefFiles).where(eq(briefFiles.briefId, briefId))).toHaveLength(1);
  await context.close();
});
