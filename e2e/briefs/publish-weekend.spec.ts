import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { createAccount, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";
import { samplePdf } from "./fixtures";

test.setTimeout(150_000);

const dangerousBackground = [
  "## Who uses the parks",
  "Residents say the **small parks** are empty.",
  "",
  '<script>window.__pwned = 1; alert("script ran")</script>',
  "",
  "[Click me](javascript:alert(document.domain)) and [data link](data:text/html,<script>alert(1)</script>)",
  "",
  `<img src="x" onerror="alert('handler ran')"> <b onmouseover="alert(1)">hover</b>`,
].join("\n");

/** Any alert, confirm or prompt on the page fails the test: nothing typed may ever run. */
function failOnDialog(page: Page) {
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return dialogs;
}

async function addBrief(page: Page, title: string) {
  await page.getByLabel("New brief's title").fill(title);
  await page.getByRole("button", { name: "Add brief" }).click();
  await expect(page.getByRole("heading", { name: title, level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/\/o\/[a-z0-9-]+\/briefs\/[0-9a-f-]{36}$/);
}

async function publishBrief(page: Page) {
  await page.getByLabel("Published").check();
  await page.getByRole("button", { name: "Save status" }).click();
  await expect(page.getByText("Saved. The brief is published")).toBeVisible();
}

test("an organiser sets up and publishes a weekend; a signed-out phone sees it", async ({ page, context, browser }) => {
  const dialogs = failOnDialog(page);
  const account = await createAccount("Ada Organiser");
  await signIn(context, account.id);
  const name = `Made in Stockwell ${Date.now().toString(36)}`;

  // The event.
  await page.goto("/o");
  await page.getByLabel("Event name").fill(name);
  await page.getByLabel("Where (optional)").fill("Stockwell Community Centre, London SW9");
  await page.getByLabel("Starts").fill("2027-05-14T18:00");
  await page.getByLabel("Ends").fill("2027-05-16T17:30");
  await page.getByRole("button", { name: "Create event" }).click();
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  const slug = new URL(page.url()).pathname.split("/")[2]!;

  // Details, mantras, practical details and the agenda.
  await page.getByRole("link", { name: "Edit details and agenda" }).click();
  await expect(page.getByRole("heading", { name: "Edit event", level: 1 })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("Short description").fill("Two days on making Stockwell's streets work for everyone.");
  await page.getByLabel("Goals and mantras").fill("Less talking, more doing\nVote with your feet\n\nDivide and conquer");
  await page.getByLabel("Access", { exact: true }).fill("Step-free entrance on Studley Road. Hearing loop in the hall.");
  await page.getByLabel("Childcare (crèche)").fill("Free crèche, Saturday and Sunday, ages 2 to 11.");
  await page.getByLabel("Food").fill("Lunch both days; tell us about allergies.");
  await page.getByLabel("What to bring").fill("A phone or laptop if you have one.");
  await page.getByRole("button", { name: "Save details" }).click();
  await expect(page.getByText("Saved. The public event page shows the new details.")).toBeVisible();

  await page.getByRole("button", { name: "Add a phase" }).click();
  await page.getByLabel("Phase (phase 1)").fill("Presentations");
  await page.getByLabel("Starts (phase 1)").fill("2027-05-16T15:00");
  await page.getByRole("button", { name: "Add a phase" }).click();
  await page.getByLabel("Phase (phase 2)").fill("Kick-off evening");
  await page.getByLabel("Starts (phase 2)").fill("2027-05-14T18:00");
  await page.getByLabel("Ends (optional) (phase 2)").fill("2027-05-14T21:00");
  await page.getByRole("button", { name: "Move phase 2 up" }).click();
  await expect(page.getByLabel("Phase (phase 1)")).toHaveValue("Kick-off evening");
  await page.getByRole("button", { name: "Save agenda" }).click();
  await expect(page.getByText("Saved. The agenda has 2 phases.")).toBeVisible();
  await expectAccessible(page);

  // Three briefs: two published (one with a full pack), one left as a draft.
  await page.getByRole("link", { name }).click();
  await addBrief(page, "Love Your Space");
  await expectAccessible(page);
  await page.getByLabel("The problem").fill("Small parks are under-used and under-loved.");
  await page.getByLabel("Budget").fill("£3,000 including insurance");
  await page.getByLabel("Timescale").fill("30 days");
  await page.getByLabel("Role", { exact: true }).fill("Project lead, Public Realm services");
  await page.getByLabel("Organisation", { exact: true }).fill("Lambeth Council");
  await page.getByLabel("Background").fill(dangerousBackground);
  await page.getByRole("button", { name: "Add a data link" }).click();
  await page.getByLabel("Title (data link 1)").fill("London Borough Profiles");
  await page.getByLabel("Web address (data link 1)").fill("https://data.london.gov.uk/dataset/london-borough-profiles");
  await page.getByRole("button", { name: "Add a contact" }).click();
  await page.getByLabel("Role (contact 1)").fill("Chair, Friends of Larkhall Park");
  await page.getByLabel("How to reach them (contact 1)").fill("In the room on Saturday");
  await page.getByRole("button", { name: "Add a contact" }).click();
  await page.getByLabel("Role (contact 2)").fill("Parks events officer");
  await page.getByLabel("How to reach them (contact 2)").fill("Ask at the welcome desk");
  await page.getByRole("button", { name: "Save brief" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();

  await page.getByLabel("Title (optional)").fill("Park survey 2025");
  await page
    .getByLabel("File", { exact: true })
    .setInputFiles({ name: "park survey.pdf", mimeType: "application/pdf", buffer: samplePdf });
  await page.getByRole("button", { name: "Upload file" }).click();
  await expect(page.getByText("Uploaded Park survey 2025.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Park survey 2025" })).toBeVisible();
  await publishBrief(page);
  await page.reload();
  await expect(page.getByLabel("Role (contact 2)")).toHaveValue("Parks events officer");
  await expectAccessible(page);

  await page.getByRole("link", { name }).click();
  await addBrief(page, "Healthwatch");
  await page.getByLabel("The problem").fill("People's experiences of care are collected but rarely heard.");
  await page.getByRole("button", { name: "Save brief" }).click();
  await expect(page.getByText("Saved.", { exact: true })).toBeVisible();
  await publishBrief(page);

  await page.getByRole("link", { name }).click();
  await addBrief(page, "Secret draft brief");

  // Running order: Healthwatch first. Then publish the event.
  await page.getByRole("link", { name }).click();
  await page.getByRole("button", { name: "Move Healthwatch up" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: "Healthwatch" }).first()).toContainText("1");
  await page.getByLabel("Published").check();
  await page.getByRole("button", { name: "Save status" }).click();
  await expect(page.getByText("Saved. The event is published")).toBeVisible();
  await expectAccessible(page);
  expect(dialogs).toEqual([]);

  // A signed-out phone.
  const visitor = await browser.newContext(phone);
  try {
    const phonePage = await visitor.newPage();
    const phoneDialogs = failOnDialog(phonePage);
    await phonePage.goto(`/e/${slug}`);
    await expect(phonePage.getByRole("heading", { name, level: 1 })).toBeVisible();
    await expect(phonePage.getByRole("link", { name: "Join this event" })).toBeInViewport();
    await expect(phonePage.getByText("Less talking, more doing")).toBeVisible();
    await expect(phonePage.getByText("Step-free entrance on Studley Road.")).toBeVisible();
    const agenda = phonePage.getByRole("region", { name: "Agenda" });
    await expect(agenda.getByRole("listitem")).toHaveText([
      /Kick-off evening.*Friday 14 May, 6pm to 9pm/,
      /Presentations.*Sunday 16 May, 3pm/,
    ]);

    const briefs = phonePage.getByRole("article");
    await expect(briefs).toHaveCount(2);
    await expect(briefs.first()).toHaveAccessibleName("Healthwatch");
    await expect(phonePage.getByText("Secret draft brief")).toHaveCount(0);

    const parks = phonePage.getByRole("article", { name: "Love Your Space" });
    await expect(parks).toContainText("Owned by Project lead, Public Realm services, Lambeth Council");
    await parks.getByText("Project pack").click();
    await expect(parks.getByText("Chair, Friends of Larkhall Park")).toBeVisible();
    await expect(parks.getByText("Ask at the welcome desk")).toBeVisible();
    await expect(parks.getByRole("link", { name: "London Borough Profiles" })).toHaveAttribute(
      "href",
      "https://data.london.gov.uk/dataset/london-borough-profiles",
    );
    // The Markdown's HTML is shown as typed; its links to javascript: and data: are plain text.
    await expect(parks.getByText('<script>window.__pwned = 1; alert("script ran")</script>')).toBeVisible();
    await expect(parks.getByRole("heading", { name: "Who uses the parks" })).toBeVisible();
    await expect(parks.getByText("Click me")).toBeVisible();
    await expect(parks.getByRole("link", { name: "Click me" })).toHaveCount(0);
    await expect(parks.getByRole("link", { name: "data link" })).toHaveCount(0);
    await expect(parks.locator("script, img, b[onmouseover]")).toHaveCount(0);
    await parks.getByText("hover").hover();
    expect(await phonePage.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(phoneDialogs).toEqual([]);
    expect(await phonePage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(phonePage);

    // The file, with headers that stop it being sniffed or run, named after the brief: the name
    // it was uploaded under ("park survey.pdf") is the organisers' (e2e/privacy/pack-file-names.spec.ts).
    const fileHref = await parks.getByRole("link", { name: "Park survey 2025" }).getAttribute("href");
    const file = await visitor.request.get(fileHref!);
    expect(file.status()).toBe(200);
    expect(file.headers()["content-type"]).toBe("application/pdf");
    expect(file.headers()["x-content-type-options"]).toBe("nosniff");
    expect(file.headers()["content-disposition"]).toBe(
      "attachment; filename=\"love-your-space-1.pdf\"; filename*=UTF-8''love-your-space-1.pdf",
    );
    expect(file.headers()["content-security-policy"]).toMatch(/^default-src 'none'/);
    expect(Buffer.from(await file.body()).equals(samplePdf)).toBe(true);

    // The calendar file.
    const ics = await visitor.request.get(
      await phonePage
        .getByRole("link", { name: /Add to your calendar/ })
        .getAttribute("href")
        .then((h) => h!),
    );
    expect(ics.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
    const text = await ics.text();
    expect(text).toContain(`SUMMARY:${name}\r\n`);
    expect(text).toContain("DTSTART:20270514T170000Z\r\n"); // 6pm in London in May is 5pm UTC
    expect(text).toContain("LOCATION:Stockwell Community Centre\\, London SW9\r\n");

    // Link previews.
    await expect(phonePage.locator('meta[property="og:title"]')).toHaveAttribute("content", name);
    await expect(phonePage.locator('meta[property="og:description"]')).toHaveAttribute(
      "content",
      "Two days on making Stockwell's streets work for everyone.",
    );
  } finally {
    await visitor.close();
  }
});
