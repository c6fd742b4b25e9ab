/**
 * An agenda and a brief's pack are lists of rows. Without JavaScript (a council laptop that blocks
 * scripts, or a tap before the page's script ran) they can still be filled, grown, reordered and
 * cut down: a spare blank row is always drawn, and Up, Down, Remove and Add post the form for the
 * server to draw the list again, changed, saving nothing. A refused save draws every row as typed,
 * each message beside the row it is about.
 */
import { type Browser, expect, type Page, test } from "@playwright/test";
import { asc, eq } from "drizzle-orm";
import { briefContacts, briefs, eventPhases, events, projects } from "@/db/schema";
import { createProject } from "@/lib/projects/create-project";
import { samplePdf } from "../briefs/fixtures";
import { addBrief, createEventFixture, dateEvent, db, signIn } from "../support/fixtures";

/** What a part drawn again as typed, but not saved, says. */
const unsaved = (button: string) => `Not saved yet: what you typed here is kept below. Press “${button}” to save it.`;

/** The page at a laptop's size and a phone's, for a look (e2e/.artifacts); on the phone, no wider than its screen. */
async function screenshots(page: Page, name: string) {
  await page.screenshot({ path: `e2e/.artifacts/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `e2e/.artifacts/${name}-390.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
}

const noScript = async (browser: Browser, accountId: string) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await signIn(context, accountId);
  return context;
};

test("an agenda is written, grown, reordered and cut down without JavaScript", async ({ browser }) => {
  const event = await createEventFixture({ status: "draft" });
  await dateEvent(event.id);
  const context = await noScript(browser, event.organiser.id);
  const page = await context.newPage();
  await page.goto(`/o/${event.slug}/edit`);

  // A spare row to fill in, from the start.
  await page.getByLabel("Phase (phase 1)").fill("Presentations");
  await page.getByLabel("Starts (phase 1)").fill("2027-03-07T15:00");
  await page.getByRole("button", { name: "Add a phase" }).click();
  await expect(page.getByLabel("Phase (phase 1)")).toHaveValue("Presentations");
  await page.getByLabel("Phase (phase 2)").fill("Kick-off evening");
  await page.getByLabel("Starts (phase 2)").fill("2027-03-05T18:00");
  await page.getByRole("button", { name: "Add a phase" }).click();
  await page.getByLabel("Phase (phase 3)").fill("Lunch nobody planned");
  await page.getByLabel("Starts (phase 3)").fill("2027-03-06T12:00");

  await page.getByRole("button", { name: "Move phase 2 up" }).click();
  await expect(page.getByLabel("Phase (phase 1)")).toHaveValue("Kick-off evening");
  await expect(page.getByLabel("Phase (phase 2)")).toHaveValue("Presentations");
  await expect(page.getByLabel("Starts (phase 2)")).toHaveValue("2027-03-07T15:00");
  await page.getByRole("button", { name: "Remove phase 3" }).click();
  await expect(page.getByLabel("Phase (phase 3)")).toHaveValue("");
  // Nothing is saved until Save.
  expect(await (await db()).read.select().from(eventPhases).where(eq(eventPhases.eventId, event.id))).toEqual([]);

  await page.getByRole("button", { name: "Save agenda" }).click();
  await expect(page.getByText("Saved. The agenda has 2 phases.")).toBeVisible();
  const saved = await (await db()).read
    .select()
    .from(eventPhases)
    .where(eq(eventPhases.eventId, event.id))
    .orderBy(asc(eventPhases.startsAt));
  expect(saved.map((p) => p.name)).toEqual(["Kick-off evening", "Presentations"]);
  // Drawn again from what is stored, with a spare row for the next phase.
  await expect(page.getByLabel("Phase (phase 3)")).toHaveValue("");
  await context.close();
});

test("a phase's mistake is said beside that phase, when a blank row stands before it", async ({ browser }) => {
  const event = await createEventFixture({ status: "draft" });
  const context = await noScript(browser, event.organiser.id);
  const page = await context.newPage();
  await page.goto(`/o/${event.slug}/edit`);
  await page.getByLabel("Phase (phase 1)").fill("Kick-off evening");
  await page.getByLabel("Starts (phase 1)").fill("2027-05-14T18:00");
  await page.getByRole("button", { name: "Add a phase" }).click();
  await page.getByRole("button", { name: "Add a phase" }).click();
  // Phase 2 left blank; phase 3 has a time but no name.
  await page.getByLabel("Starts (phase 3)").fill("2027-05-15T09:30");
  await page.getByRole("button", { name: "Save agenda" }).click();
  await expect(page.getByLabel("Phase (phase 3)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Phase (phase 3)")).toHaveAccessibleDescription(/Give this phase a name/);
  await expect(page.getByLabel("Phase (phase 2)")).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Starts (phase 3)")).toHaveValue("2027-05-15T09:30");
  await expect(page.getByLabel("Phase (phase 1)")).toHaveValue("Kick-off evening");
  await context.close();
});

test("a brief's refused save keeps every row typed in its pack, each message at its own row", async ({ browser }) => {
  const event = await createEventFixture({ status: "draft" });
  const briefId = await addBrief(event.id, { title: "Love Your Space", status: "draft" });
  const context = await noScript(browser, event.organiser.id);
  const page = await context.newPage();
  await page.goto(`/o/${event.slug}/briefs/${briefId}`);

  await page.getByLabel("The problem").fill("Small parks are under-used.");
  await page.getByRole("button", { name: "Add a data link" }).click();
  await page.getByLabel("Title (data link 2)").fill("Park usage counts");
  await page.getByLabel("Web address (data link 2)").fill("not a web address");
  await page.getByLabel("Role (contact 1)").fill("Parks team");
  await page.getByLabel("How to reach them (contact 1)").fill("In the room all weekend");
  await page.getByRole("button", { name: "Save brief" }).click();

  await expect(page.getByText("Nothing was saved yet: check the fields marked below.")).toBeVisible();
  await expect(page.getByLabel("Web address (data link 2)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Web address (data link 2)")).toHaveValue("not a web address");
  await expect(page.getByLabel("Title (data link 2)")).toHaveValue("Park usage counts");
  await expect(page.getByLabel("Role (contact 1)")).toHaveValue("Parks team");
  await expect(page.getByLabel("How to reach them (contact 1)")).toHaveValue("In the room all weekend");
  await expect(page.getByLabel("The problem")).toHaveValue("Small parks are under-used.");

  // Fixed and tidied without JavaScript: the blank first data link removed, then saved.
  await page.getByLabel("Web address (data link 2)").fill("https://data.example.org/parks");
  await page.getByRole("button", { name: "Remove data link 1" }).click();
  await expect(page.getByLabel("Title (data link 1)")).toHaveValue("Park usage counts");
  await page.getByRole("button", { name: "Save brief" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  const [saved] = await (await db()).read.select().from(briefs).where(eq(briefs.id, briefId));
  expect(saved).toMatchObject({ problem: "Small parks are under-used." });
  await expect(page.getByLabel("Title (data link 1)")).toHaveValue("Park usage counts");
  await context.close();
});

test("'Save status' without JavaScript keeps and saves the brief's words typed above it", async ({ browser }) => {
  const event = await createEventFixture({ status: "draft" });
  const briefId = await addBrief(event.id, { title: "Library opening hours", status: "draft" });
  const context = await noScript(browser, event.organiser.id);
  const page = await context.newPage();
  await page.goto(`/o/${event.slug}/briefs/${briefId}`);

  const typed = "Opening hours were cut in 2023 and nobody knows which branch is open on Sundays.";
  await page.getByLabel("The problem").fill(typed);
  await page.getByLabel("Why it matters").fill("People travel to a closed door.");
  await page.getByRole("radio", { name: /^Published/ }).check();
  await page.getByRole("button", { name: "Save status" }).click();

  await expect(
    page.getByText("Saved. The brief is published: it shows on the public event page once the event is published."),
  ).toBeVisible();
  await expect(page.getByLabel("The problem")).toHaveValue(typed);
  await expect(page.getByLabel("Why it matters")).toHaveValue("People travel to a closed door.");
  await expect(page.getByRole("radio", { name: /^Published/ })).toBeChecked();
  const [saved] = await (await db()).read.select().from(briefs).where(eq(briefs.id, briefId));
  expect(saved).toMatchObject({ status: "published", problem: typed, whyItMatters: "People travel to a closed door." });

  // And the other way: words typed, then "Save brief", leave the status chosen as it is stored;
  // a file's title typed meanwhile comes back as typed, for its upload.
  await page.getByLabel("Budget").fill("£2,000");
  await page.getByLabel("Title (optional)").fill("Branch survey 2025");
  await page.getByRole("button", { name: "Save brief" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  await expect(page.getByLabel("Title (optional)")).toHaveValue("Branch survey 2025");
  const [again] = await (await db()).read.select().from(briefs).where(eq(briefs.id, briefId));
  expect(again).toMatchObject({ status: "published", budget: "£2,000", problem: typed });
  await context.close();
});

test("saving one part of the event editor without JavaScript keeps what was typed in the others", async ({ browser }) => {
  const event = await createEventFixture({ status: "draft" });
  await dateEvent(event.id);
  const context = await noScript(browser, event.organiser.id);
  const page = await context.newPage();
  await page.goto(`/o/${event.slug}/edit`);

  const details = page.getByRole("region", { name: "Details" });
  await details.getByLabel("Short description").fill("Two days on making Stockwell's streets work for everyone.");
  await page.getByLabel(/^Who is responsible for people's data/).fill("London Borough of Lambeth");
  // An agenda row grown, then saved: the description and the privacy field above and below stay as typed.
  await page.getByLabel("Phase (phase 1)").fill("Kick-off evening");
  await page.getByLabel("Starts (phase 1)").fill("2027-03-05T18:00");
  await page.getByRole("button", { name: "Add a phase" }).click();
  await expect(details.getByLabel("Short description")).toHaveValue("Two days on making Stockwell's streets work for everyone.");
  await page.getByRole("button", { name: "Save agenda" }).click();
  await expect(page.getByText("Saved. The agenda has 1 phase.")).toBeVisible();
  await expect(details.getByLabel("Short description")).toHaveValue("Two days on making Stockwell's streets work for everyone.");
  await expect(page.getByLabel(/^Who is responsible for people's data/)).toHaveValue("London Borough of Lambeth");
  // Each part typed in says it is not saved yet, and which button saves it; the others say nothing.
  const privacy = page.getByRole("region", { name: "Privacy" });
  await expect(details.getByText(unsaved("Save details"))).toBeVisible();
  await expect(privacy.getByText(unsaved("Save privacy settings"))).toBeVisible();
  await expect(page.getByText(/^Not saved yet/)).toHaveCount(2);
  await screenshots(page, "editor-part-saved-no-js");
  const [stored] = await (await db()).read.select().from(events).where(eq(events.id, event.id));
  expect(stored?.description).toBe("");

  // Then the details, saved on their own: the agenda saved before stays, the privacy field still waits.
  await details.getByRole("button", { name: "Save details" }).click();
  await expect(details.getByText(/^Saved\./)).toBeVisible();
  await expect(page.getByLabel(/^Who is responsible for people's data/)).toHaveValue("London Borough of Lambeth");
  await expect(privacy.getByText(unsaved("Save privacy settings"))).toBeVisible();
  await expect(page.getByText(/^Not saved yet/)).toHaveCount(1);
  const [after] = await (await db()).read.select().from(events).where(eq(events.id, event.id));
  expect(after?.description).toBe("Two days on making Stockwell's streets work for everyone.");
  expect(
    (await (await db()).read.select().from(eventPhases).where(eq(eventPhases.eventId, event.id))).map((p) => p.name),
  ).toEqual(["Kick-off evening"]);
  await context.close();
});

test("uploading or removing a pack file without JavaScript keeps the brief's words typed beside it", async ({ browser }) => {
  const event = await createEventFixture({ status: "draft" });
  const briefId = await addBrief(event.id, { title: "Love Your Space", status: "draft" });
  const context = await noScript(browser, event.organiser.id);
  const page = await context.newPage();
  await page.goto(`/o/${event.slug}/briefs/${briefId}`);

  await page.getByLabel("The problem").fill("Small parks are under-used and under-loved.");
  await page.getByLabel("Role (contact 1)").fill("Parks team");
  // A contact says how to reach them, or the brief is refused at that row (as it rightly was here).
  await page.getByLabel("How to reach them (contact 1)").fill("In the room on Saturday");
  await page.getByLabel("Title (optional)").fill("Park survey 2025");
  await page
    .getByLabel("File", { exact: true })
    .setInputFiles({ name: "survey.pdf", mimeType: "application/pdf", buffer: samplePdf });
  await page.getByRole("button", { name: "Upload file" }).click();
  await expect(page.getByText("Uploaded Park survey 2025.")).toBeVisible();
  await expect(page.getByLabel("The problem")).toHaveValue("Small parks are under-used and under-loved.");
  await expect(page.getByLabel("Role (contact 1)")).toHaveValue("Parks team");
  await expect(page.getByLabel("How to reach them (contact 1)")).toHaveValue("In the room on Saturday");
  await expect(page.getByText(unsaved("Save brief"))).toBeVisible();
  await screenshots(page, "brief-file-uploaded-no-js");
  // Uploaded, not saved: the brief's words wait for "Save brief".
  const [before] = await (await db()).read.select().from(briefs).where(eq(briefs.id, briefId));
  expect(before?.problem).toBe("");

  await page.getByRole("button", { name: "Remove Park survey 2025" }).click();
  await expect(page.getByText("No files yet.")).toBeVisible();
  await expect(page.getByLabel("The problem")).toHaveValue("Small parks are under-used and under-loved.");
  await expect(page.getByText(unsaved("Save brief"))).toBeVisible();
  await page.getByRole("button", { name: "Save brief" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  await expect(page.getByText(/^Not saved yet/)).toHaveCount(0);
  const [after] = await (await db()).read.select().from(briefs).where(eq(briefs.id, briefId));
  expect(after?.problem).toBe("Small parks are under-used and under-loved.");
  const contacts = await (await db()).read.select().from(briefContacts).where(eq(briefContacts.briefId, briefId));
  expect(contacts.map((c) => [c.role, c.howToReach])).toEqual([["Parks team", "In the room on Saturday"]]);
  await context.close();
});

test("saving one part of a project's page without JavaScript keeps what was typed in the others", async ({ browser }) => {
  const event = await createEventFixture();
  const projectId = await (await db()).transact((tx) =>
    createProject(tx, {
      eventId: event.id,
      teamId: null,
      title: "Lights on the path",
      summary: "",
      ownerName: "Amélie",
      ownerRole: "Resident",
      coOwners: [],
    }),
  );
  const context = await noScript(browser, event.organiser.id);
  const page = await context.newPage();
  await page.goto(`/o/${event.slug}/projects/${projectId}`);

  await page.getByLabel("What has happened since last time?").fill("Two lamps are up on the north path.");
  await page.getByLabel("Owner's email (optional)").fill("amelie@example.org");
  await page.getByRole("button", { name: "Save checklist" }).click();
  await expect(page.getByText("Risk checklist saved.")).toBeVisible();
  await expect(page.getByLabel("What has happened since last time?")).toHaveValue("Two lamps are up on the north path.");
  await expect(page.getByLabel("Owner's email (optional)")).toHaveValue("amelie@example.org");
  await expect(page.getByText(unsaved("Save update"))).toBeVisible();
  await expect(page.getByText(unsaved("Save email"))).toBeVisible();
  await expect(page.getByText(/^Not saved yet/)).toHaveCount(2);
  await screenshots(page, "project-part-saved-no-js");

  // Another part's button: the check-in still waits, as typed, for its own.
  await page.getByRole("button", { name: "Save email" }).click();
  await expect(page.getByLabel("What has happened since last time?")).toHaveValue("Two lamps are up on the north path.");
  await expect(page.getByText(unsaved("Save update"))).toBeVisible();
  await expect(page.getByText(/^Not saved yet/)).toHaveCount(1);
  const [stored] = await (await db()).read.select().from(projects).where(eq(projects.id, projectId));
  expect(stored?.ownerEmail).toBe("amelie@example.org");
  await context.close();
});
