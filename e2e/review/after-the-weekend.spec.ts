import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { unzipSync } from "fflate";
import { briefFiles } from "@/db/schema";
import { addBriefFile } from "@/lib/briefs/add-brief-file";
import { seedWeekend, weekendText } from "@/test/support/seeded-weekend";
import { storage, tinyPng } from "../reliability/support/world";
import { expectAccessible } from "../support/a11y";
import { createAccount, db, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";

// A whole weekend reviewed, exported, followed up on a phone and made public: minutes of driving pages on a busy machine.
test.setTimeout(360_000);

const shots = "e2e/.artifacts/screens-review";

async function downloadText(page: Page, linkName: string) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: linkName }).click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, "utf8"), path };
}

test("after a weekend: review, exports, a project followed up by its owner on a phone, the public record", async ({
  browser,
}) => {
  const organiser = await createAccount("Organiser, Lambeth");
  const weekend = await seedWeekend(await db(), organiser.id);
  const slug = weekend.event.slug;
  // A project pack on the parks brief, uploaded as the organiser would.
  const pack = await addBriefFile(await db(), storage(), {
    eventId: weekend.event.id,
    briefId: weekend.ids.parksBrief,
    title: "Site map",
    file: { name: "site map.png", size: tinyPng.byteLength, bytes: new Uint8Array(tinyPng) },
    uploadedBy: organiser.id,
  });
  if (!pack.ok) throw new Error(pack.message);

  const desk = await browser.newContext(projector);
  await signIn(desk, organiser.id);
  const page = await desk.newPage();

  // The review: attendance, then one page per team.
  await page.goto(`/o/${slug}`);
  await page.getByRole("link", { name: "Review and export" }).click();
  await expect(page.getByRole("heading", { name: weekend.event.name, level: 1 })).toBeVisible();
  await expect(page.getByText("4 people joined; 4 stayed to the end.")).toBeVisible();
  await expect(page.getByText("talking to people ×2")).toBeVisible();
  const parks = page.getByRole("article", { name: "Team: Parks team" });
  await expect(parks.getByText(weekendText.parksReframe)).toBeVisible();
  await expect(parks.getByText(weekendText.groupTitle)).toBeVisible();
  await expect(parks.getByRole("table").getByRole("row", { name: `1 3 ${weekendText.winningNote}` })).toBeVisible();
  await expect(parks.getByText("Shortlist carried forward")).toBeVisible();
  // The team's presentation: showcase, reactions, feedback (typed HTML stays text), judging.
  const showcase = parks.getByTestId("review-showcase");
  await expect(showcase.getByText(weekendText.showcaseTitle)).toBeVisible();
  await expect(showcase.getByText("Open on two Saturdays in spring")).toBeVisible();
  await expect(showcase.getByText("Project lead, Public Realm services")).toBeVisible();
  await expect(showcase.getByText("Presented 2nd in the running order.")).toBeVisible();
  await expect(showcase.getByText("Reactions: Applause 3, Great idea 1.")).toBeVisible();
  await expect(parks.getByText(weekendText.feedback)).toBeVisible();
  await expect(parks.locator("b", { hasText: "friends of the park" })).toHaveCount(0);
  const results = parks.getByTestId("review-results");
  await expect(results.getByText("Judges' total: 4.5 out of 5")).toBeVisible();
  await expect(results.getByRole("row", { name: `${weekendText.parksCriterion} 4.5 2` })).toBeVisible();
  await expect(results.getByText("People's choice: 2 votes, ranked 1.")).toBeVisible();
  await expect(results.getByText("Overall: ranked 1")).toBeVisible();
  const website = page.getByRole("article", { name: "Team: Website team" });
  await expect(website.getByTestId("review-results").getByRole("row", { name: "It could be built 4 1" })).toBeVisible();
  await expect(website.getByText("Overall: ranked 2")).toBeVisible();
  await expect(page.getByTestId("review-team")).toHaveCount(2);
  await expectAccessible(page);
  await page.screenshot({ path: `${shots}/review-1920.png`, fullPage: true });
  await parks.screenshot({ path: `${shots}/review-parks-1920.png` });
  await page.setViewportSize(phone.viewport);
  await page.screenshot({ path: `${shots}/review-390.png`, fullPage: true });
  await parks.getByTestId("review-showcase").screenshot({ path: `${shots}/review-showcase-390.png` });
  await results.screenshot({ path: `${shots}/review-results-390.png` });
  await page.setViewportSize(projector.viewport);
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: `${shots}/review-print.png`, fullPage: true });
  await parks.screenshot({ path: `${shots}/review-parks-print.png` });
  await page.emulateMedia({ media: "screen" });

  // Markdown: a readable report, where typed text cannot become a link or a heading.
  const md = await downloadText(page, "Report (Markdown)");
  expect(md.name).toBe(`${slug}-report.md`);
  expect(md.text).toContain(`# ${weekend.event.name}`);
  expect(md.text).toContain("## Team: Parks team");
  expect(md.text).toContain(`> ${weekendText.parksReframe}`);
  expect(md.text).toContain("| 1 | 3 | Pop-up café by the playground |");
  expect(md.text).toContain("Who locks the gates?  \n\\# not a heading");
  expect(md.text).toContain(`### Showcase\n\n**${weekendText.showcaseTitle}**`);
  expect(md.text).toContain("A café that gets people \\[into the park\\](http://evil.example)");
  expect(md.text).toContain("- What we made: A pop-up café by the playground  \n\\# run by residents");
  expect(md.text).toContain("- Talk to the \\<b\\>friends of the park\\</b\\> group — Designer from Kennington");
  expect(md.text).toContain(`| ${weekendText.parksCriterion} | 4.5 | 2 |`);
  expect(md.text).toContain("People's choice: 2 votes, ranked 1.");

  // CSV: only consenting people, formulas neutralised, quoting intact.
  const people = await downloadText(page, "People who agreed to be contacted (CSV)");
  expect(people.text).toContain(
    `${weekendText.consentingName},Resident,knowing the area; talking to people,'${weekendText.consentingContact},Parks team`,
  );
  expect(people.text).toContain(`'=cmd|' /C calc'!A0`);
  expect(people.text).not.toContain(weekendText.privateName);
  expect(people.text).not.toContain(weekendText.privateContact);
  const notesCsv = await downloadText(page, "Notes (CSV)");
  expect(notesCsv.text).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
  expect(notesCsv.text).toContain(`Parks ideas,Parks team,Ideas,${weekendText.groupTitle},${weekendText.winningNote}`);
  const votesCsv = await downloadText(page, "Vote results (CSV)");
  expect(votesCsv.text).toContain(`Parks ideas,1,revealed,1,3,${weekendText.winningNote},yes`);
  const showcasesCsv = await downloadText(page, "Showcases (CSV)");
  expect(showcasesCsv.name).toBe(`${slug}-showcases.csv`);
  expect(showcasesCsv.text).toContain(`Parks team,${weekendText.showcaseTitle},`);
  expect(showcasesCsv.text).toContain(`"Project lead, Public Realm services"`);
  expect(showcasesCsv.text).toContain(`'${weekendText.showcaseNeeds}`);
  const judgingCsv = await downloadText(page, "Judging (CSV)");
  expect(judgingCsv.text).toContain(`Parks team,${weekendText.parksCriterion},4.5,2`);
  expect(judgingCsv.text).toContain("Website team,People can find things,2.5,2");
  const feedbackCsv = await downloadText(page, "Feedback to each team (CSV)");
  expect(feedbackCsv.text).toContain(`Parks team,Designer from Kennington,${weekendText.feedback},`);
  const resultsCsv = await downloadText(page, "Presentation results (CSV)");
  expect(resultsCsv.text.split("\r\n")[1]).toMatch(/^Parks team,1,95,4\.5,5,2,2,1,/);
  const teamsCsv = await downloadText(page, "Teams (CSV)");
  expect(teamsCsv.text).toContain(`Parks team,${weekendText.parksBrief},${weekendText.parksReframe},3`);

  // JSON: versioned and complete.
  const json = await downloadText(page, "Everything (JSON)");
  const data = JSON.parse(json.text);
  expect(data).toMatchObject({ format: "made-in/event", version: 1, event: { name: weekend.event.name } });
  expect(data.teams).toHaveLength(2);
  expect(data.boards.find((b: { title: string }) => b.title === "Parks ideas").notes).toHaveLength(4);
  expect(data.voteRounds[0].votes).toHaveLength(5);
  expect(json.text).not.toContain(weekendText.privateContact);
  expect(data.presentations.showcases[0].title).toBe(weekendText.showcaseTitle);
  expect(data.presentations.scores).toHaveLength(5);
  expect(json.text).not.toContain(organiser.id);

  // The archive: the same JSON, the report, every table, and the uploaded file's own bytes.
  // (From a fresh tab: Chromium drops the 11th download started from one page.)
  const archivePage = await desk.newPage();
  await archivePage.goto(`/o/${slug}/review`);
  const [archiveDownload] = await Promise.all([
    archivePage.waitForEvent("download"),
    archivePage.getByRole("link", { name: /Everything with the files/ }).click(),
  ]);
  expect(archiveDownload.suggestedFilename()).toBe(`${slug}-archive.zip`);
  const archive = unzipSync(new Uint8Array(readFileSync(await archiveDownload.path())));
  const inside = Object.keys(archive);
  expect(JSON.parse(new TextDecoder().decode(archive[`${slug}.made-in.json`]))).toMatchObject({
    format: "made-in/event",
    teams: data.teams,
  });
  expect(new TextDecoder().decode(archive[`${slug}-report.md`])).toContain(weekendText.showcaseTitle);
  expect(inside).toContain(`csv/${slug}-notes.csv`);
  // The pack's image as stored: decoded and re-encoded on upload (lib/files/images.ts), so not the bytes sent.
  const [packRow] = await (await db()).read.select().from(briefFiles).where(eq(briefFiles.id, pack.id));
  const stored = await storage().read(packRow!.storageKey);
  expect(stored?.byteLength).toBeGreaterThan(0);
  expect(Buffer.from(archive[`files/brief-files/${pack.id}-site-map.png`] ?? [])).toEqual(Buffer.from(stored!));
  expect(inside).not.toContain("MISSING.txt");
  await archivePage.close();

  // A team's output becomes a project.
  await page.getByRole("link", { name: "Projects after the event" }).click();
  await expect(page.getByRole("heading", { name: "Projects", level: 1 })).toBeVisible();
  await page.getByLabel("Team whose output this is").selectOption({ label: "Parks team" });
  await page.getByLabel("Project name").fill("Pop-up café in the park");
  await page.getByLabel("Owner", { exact: true }).fill(weekendText.consentingName);
  await page.getByLabel("Owner's role (optional)").fill("Resident");
  await page.getByLabel("Co-owners (optional)").fill("Parks officer, Council officer\nYoung person, Resident");
  await page.getByRole("button", { name: "Create project" }).click();
  await expect(page.getByRole("heading", { name: "Pop-up café in the park", level: 1 })).toBeVisible();
  await expect(page.getByText("With Parks officer, Council officer; Young person, Resident")).toBeVisible();

  // Milestones: the first one's date is moved to last week, so it is overdue.
  const lastWeek = new Date(Date.now() - 7 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await page.locator("#field-title-0").fill("Café open one Saturday");
  // A slip of the year is refused beside its row, keeping what was typed.
  await page.locator("#field-dueAt-0").fill("2020-01-01");
  await page.getByRole("button", { name: "Save milestones" }).click();
  await expect(page.locator("#field-dueAt-0-error")).toContainText(
    "A milestone can't be due more than a year before the project started",
  );
  await expect(page.locator("#field-title-0")).toHaveValue("Café open one Saturday");
  await page.locator("#field-dueAt-0").fill(lastWeek);
  await page.getByRole("button", { name: "Save milestones" }).click();
  await expect(page.getByText("Milestones saved.")).toBeVisible();

  // The risk checklist, with who checked it.
  await page.getByRole("group", { name: "Food safety" }).getByLabel("Checked", { exact: false }).first().check();
  await page.locator("#field-notes-food_safety").fill("Level 2 food hygiene for both volunteers");
  await page.getByRole("button", { name: "Save checklist" }).click();
  await expect(page.locator("#field-checkedBy-food_safety-error")).toHaveText("Say who checked it, so people know whom to ask.");
  await page.locator("#field-checkedBy-food_safety").fill("Parks officer");
  await page.getByRole("button", { name: "Save checklist" }).click();
  await expect(page.getByText("Risk checklist saved.")).toBeVisible();

  await page.getByRole("button", { name: "Show it on the public page" }).click();
  await expect(page.getByRole("button", { name: "Take it off the public page" })).toBeVisible();
  await page.getByRole("button", { name: "Make the owner's link" }).click();
  const ownerLink = await page.locator("#owner-link").inputValue();
  expect(ownerLink).toMatch(/\/u\/[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page);
  await page.screenshot({ path: `${shots}/project-1920.png`, fullPage: true });

  await page.getByRole("link", { name: "Projects", exact: true }).click();
  const nudges = page.getByTestId("nudges");
  await expect(nudges.getByRole("link", { name: "Pop-up café in the park" })).toBeVisible();
  await expect(nudges.getByText(/Check-in overdue by \d+ days \(was due/)).toBeVisible();
  await expectAccessible(page);
  await page.screenshot({ path: `${shots}/projects-1920.png`, fullPage: true });
  // And on the organiser's dashboard, across their events.
  await page.goto("/o");
  const dashboardNudges = page.getByRole("region", { name: "Projects that need a nudge" });
  await expect(dashboardNudges.getByRole("link", { name: "Pop-up café in the park" })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/o/${slug}/projects`);

  // The owner, on a phone, without an account.
  const ownerPhone = await browser.newContext(phone);
  const mobile = await ownerPhone.newPage();
  await mobile.goto(new URL(ownerLink).pathname);
  await expect(mobile).toHaveURL(/\/update\/[0-9a-f-]{36}$/);
  await expect(mobile.getByRole("heading", { name: "Pop-up café in the park", level: 1 })).toBeVisible();
  await expect(mobile.getByText(/Check-in overdue/)).toBeVisible();
  await expectAccessible(mobile);
  await mobile.getByRole("button", { name: "Save update" }).click();
  await expect(mobile.getByText("Say how the project is going: on track, at risk, stuck or done.")).toBeVisible();
  await mobile.getByText("On track", { exact: true }).click();
  await mobile.getByLabel("What has happened since last time?").fill("Café opened on two Saturdays by the playground.");
  await mobile.getByLabel("Numbers (optional)").fill("people served: 120\nvolunteers: 6");
  await mobile.getByLabel("Links (optional)").fill("https://example.test/cafe");
  await mobile.getByLabel("What have you learned? (optional)").fill("Ask parents at the school gate first.");
  await mobile.getByLabel("What help do you need? (optional)").fill("A second gazebo");
  await mobile.screenshot({ path: `${shots}/owner-390-form.png`, fullPage: true });
  await mobile.getByRole("button", { name: "Save update" }).click();
  await expect(mobile.getByText("Thank you: your update is saved.")).toBeVisible();
  await expect(mobile.getByText("Café opened on two Saturdays by the playground.")).toBeVisible();
  await expectAccessible(mobile);
  await mobile.screenshot({ path: `${shots}/owner-390.png`, fullPage: true });

  // No longer overdue, but still nudged: the owner asked for help (issue 20).
  await page.reload();
  await expect(page.getByTestId("nudges").getByText("Asks for help: A second gazebo")).toBeVisible();
  await expect(page.getByText(/Up to date; next check-in by/).first()).toBeVisible();

  // The open record, for anyone.
  const visitor = await browser.newContext(phone);
  const publicPage = await visitor.newPage();
  await publicPage.goto(`/e/${slug}/progress`);
  const card = publicPage.getByTestId("progress-project");
  await expect(card.getByRole("heading", { name: "Pop-up café in the park" })).toBeVisible();
  // The lead by their role, never by name: an owner has no age band, and this page is for anyone.
  await expect(card).toContainText("led by Resident");
  await expect(card).not.toContainText(weekendText.consentingName);
  await expect(card.getByText("Now: On track")).toBeVisible();
  await expect(card.getByText("Café opened on two Saturdays by the playground.")).toBeVisible();
  await expect(card.getByText("people served")).toBeVisible();
  await expect(card.getByText("Ask parents at the school gate first.")).toBeVisible();
  // What help the owner needs is for the organisers, not the public page.
  await expect(card.getByText("A second gazebo")).toHaveCount(0);
  await expectAccessible(publicPage);
  await publicPage.screenshot({ path: `${shots}/progress-390.png`, fullPage: true });
  await publicPage.setViewportSize(projector.viewport);
  await publicPage.screenshot({ path: `${shots}/progress-1920.png`, fullPage: true });

  // The JSON export brings the event into another instance's organiser (here: a new event).
  await page.goto("/o/import");
  await expectAccessible(page);
  await page.getByLabel("Event export (.zip or .json)").setInputFiles(json.path);
  await page.getByRole("button", { name: "Import as a new event" }).click();
  // The JSON carries no files: the project pack's one file is said to be missing.
  await expect(page).toHaveURL(new RegExp(`/o/${slug}-2\\?imported=1&files=0&missing=1$`));
  await expect(page.getByTestId("imported-notice")).toContainText("1 file named in the export was not in what you uploaded");
  await expect(page.getByRole("heading", { name: weekend.event.name, level: 1 })).toBeVisible();
  // The copy's review shows the same presentations.
  await page.goto(`/o/${slug}-2/review`);
  const copied = page.getByRole("article", { name: "Team: Parks team" });
  await expect(copied.getByTestId("review-showcase").getByText(weekendText.showcaseTitle)).toBeVisible();
  await expect(copied.getByTestId("review-results").getByText("Judges' total: 4.5 out of 5")).toBeVisible();

  await Promise.all([desk.close(), ownerPhone.close(), visitor.close()]);
});

test("exports and the review are for the event's organisers only", async ({ browser, request }) => {
  const organiser = await createAccount("Organiser");
  const weekend = await seedWeekend(await db(), organiser.id);
  const slug = weekend.event.slug;
  expect((await request.get(`/o/${slug}/export/json`)).status()).toBe(401);
  const stranger = await createAccount("Organiser of another event");
  const context = await browser.newContext();
  await signIn(context, stranger.id);
  expect((await context.request.get(`/o/${slug}/export/csv/people`)).status()).toBe(403);
  expect((await context.request.get(`/o/${slug}/export/markdown`)).status()).toBe(403);
  const page = await context.newPage();
  await page.goto(`/o/${slug}/review`);
  await expect(page.getByText("Only organisers of this event can do that.")).toBeVisible();
  await expect(page.getByText(weekendText.winningNote)).toHaveCount(0);
  await context.close();
});

test("an owner link that has been replaced stops working", async ({ browser }) => {
  const { newOwnerLink } = await import("@/lib/projects/owner-link");
  const { createProject } = await import("@/lib/projects/create-project");
  const organiser = await createAccount("Organiser");
  const weekend = await seedWeekend(await db(), organiser.id);
  const database = await db();
  const projectId = await database.transact((tx) =>
    createProject(tx, {
      eventId: weekend.event.id,
      teamId: weekend.ids.parksTeam,
      title: "Café",
      summary: "",
      ownerName: "Owner",
      ownerRole: "",
      coOwners: [],
    }),
  );
  const first = await database.transact((tx) => newOwnerLink(tx, projectId));
  const context = await browser.newContext(phone);
  const page = await context.newPage();
  await page.goto(`/u/${first}`);
  await expect(page.getByRole("button", { name: "Save update" })).toBeVisible();
  await database.transact((tx) => newOwnerLink(tx, projectId));
  await page.reload();
  await expect(page.getByRole("heading", { name: "This link doesn't work any more" })).toBeVisible();
  await page.goto(`/u/${first}`);
  await expect(page.getByRole("heading", { name: "This link doesn't work any more" })).toBeVisible();
  await context.close();
});
