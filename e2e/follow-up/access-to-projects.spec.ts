import { expect, test } from "@playwright/test";
import { eventStaff } from "@/db/schema";
import { createCatchUp } from "@/lib/projects/catch-up";
import { createProject } from "@/lib/projects/create-project";
import { expectAccessible } from "../support/a11y";
import { addStaff, createEventFixture, db, signIn } from "../support/fixtures";

const fields = { teamId: null, summary: "", ownerName: "Amara", ownerRole: "Resident", coOwners: [] };

test("an organiser stops an owner's link, and the project's page says it stays stopped until they make a new one", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const projectId = await (await db()).transact((tx) =>
    createProject(tx, { ...fields, eventId: event.id, title: "Street library", ownerEmail: "amara@example.org" }),
  );
  const desk = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(desk, event.organiser.id);
  const page = await desk.newPage();
  await page.goto(`/o/${event.slug}/projects/${projectId}`);
  await page.getByRole("button", { name: "Make the owner's link" }).click();
  await expect(page.locator("#owner-link")).toHaveValue(/\/u\//);

  await page.getByRole("button", { name: "Stop the link working" }).click();
  await expect(
    page.getByText("The link no longer works, and no reminder goes to the owner until you make a new one."),
  ).toBeVisible();
  await expect(
    page.getByText(/^You stopped the owner's link on .+: no reminders go to the owner until you make a new one\.$/),
  ).toBeVisible();
  await expect(page.getByText("No link yet.")).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: "e2e/.artifacts/owner-link-stopped-1280.png", fullPage: true });

  await page.getByRole("button", { name: "Make the owner's link" }).click();
  await expect(page.locator("#owner-link")).toHaveValue(/\/u\//);
  await expect(page.getByText(/^You stopped the owner's link on/)).toHaveCount(0);
  await desk.close();
});

test("a weekend's projects show on its catch-up to the weekend's organisers only: someone on the catch-up alone is told why", async ({
  browser,
}) => {
  const weekend = await createEventFixture({ name: "Made in Lambeth" });
  await (await db()).transact((tx) => createProject(tx, { ...fields, eventId: weekend.id, title: "Street library" }));
  const catchUp = await (await db()).transact((tx) =>
    createCatchUp(tx, {
      followsEventId: weekend.id,
      name: "30-day catch-up",
      place: "Brixton library",
      startsAt: Date.now() + 86_400_000,
      endsAt: Date.now() + 86_400_000 + 3 * 3_600_000,
      createdBy: weekend.organiser.id,
    }),
  );
  const colleague = await addStaff(catchUp.id, "organiser", "Catch-up colleague");

  const [mine, theirs] = await Promise.all([
    browser.newContext({ viewport: { width: 1280, height: 720 } }),
    browser.newContext({ viewport: { width: 1280, height: 720 } }),
  ]);
  await signIn(mine, weekend.organiser.id);
  await signIn(theirs, colleague.id);
  const organiserPage = await mine.newPage();
  await organiserPage.goto(`/o/${catchUp.slug}/projects`);
  await expect(organiserPage.getByRole("link", { name: "Street library" }).first()).toBeVisible();

  const colleaguePage = await theirs.newPage();
  await colleaguePage.goto(`/o/${catchUp.slug}/projects`);
  await expect(
    colleaguePage.getByText(
      "This catch-up follows Made in Lambeth. Its projects and people are shown to that weekend's organisers only: ask one of them to add you there.",
    ),
  ).toBeVisible();
  await expect(colleaguePage.getByText("Street library")).toHaveCount(0);
  await colleaguePage.screenshot({ path: "e2e/.artifacts/catch-up-not-yours-1280.png", fullPage: true });

  // Added to the weekend, they see its projects.
  await (await db()).transact((tx) =>
    tx.insert(eventStaff).values({ eventId: weekend.id, accountId: colleague.id, role: "organiser" }),
  );
  await colleaguePage.reload();
  await expect(colleaguePage.getByRole("link", { name: "Street library" }).first()).toBeVisible();
  await Promise.all([mine.close(), theirs.close()]);
});

test("Enter in the owner's email saves the email, not another part of the project's page", async ({ browser }) => {
  const event = await createEventFixture();
  const projectId = await (await db()).transact((tx) =>
    createProject(tx, { ...fields, eventId: event.id, title: "Street library" }),
  );
  const desk = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(desk, event.organiser.id);
  const page = await desk.newPage();
  await page.goto(`/o/${event.slug}/projects/${projectId}`);
  await page.getByLabel("Owner's email (optional)").fill("amara@example.org");
  await page.getByLabel("Owner's email (optional)").press("Enter");
  await expect(page.getByText(/^Saved\. Reminders and the owner's link go to this address/)).toBeVisible();
  // The page's first button is "Make the owner's link": no link was made.
  await expect(page.locator("#owner-link")).toHaveCount(0);
  await desk.close();
});
