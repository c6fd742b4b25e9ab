import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { events } from "@/db/schema";
import { expectAccessible } from "../support/a11y";
import {
  addBrief,
  addStaff,
  createAccount,
  createEventFixture,
  dateEvent,
  db,
  setEventStatus,
  signIn,
} from "../support/fixtures";
import { phone, projector } from "../support/viewports";

async function eventWithBriefs(status: "draft" | "published" = "published") {
  const name = `Made in Parkside ${Math.random().toString(36).slice(2, 7)}`;
  const event = await createEventFixture({ name, status });
  await addBrief(event.id, {
    title: "Love Your Space",
    position: 1,
    problem: "Small parks are under-used and under-loved.",
    whyItMatters: "Friends-of groups want more people to help look after them.",
    successLooksLike: "A first event in one park, run by residents, within 30 days.",
    budget: "£3,000 including insurance",
    timescale: "30 days",
    mayNotChange: "Park by-laws.",
    ownerRole: "Project lead, Public Realm services",
    ownerOrganisation: "Lambeth Council",
  });
  await addBrief(event.id, { title: "Secret unfinished brief", position: 2, status: "draft" });
  await addBrief(event.id, { title: "Withdrawn brief", position: 3, status: "withdrawn" });
  return { ...event, name };
}

test("the public event page shows the event and its published briefs, and hides the rest", async ({ page }) => {
  const event = await eventWithBriefs();
  await page.goto(`/e/${event.slug}`);

  await expect(page.getByRole("heading", { name: event.name, level: 1 })).toBeVisible();
  await expect(page.getByText("Test Town Hall")).toBeVisible();
  const brief = page.getByRole("article", { name: "Love Your Space" });
  await expect(brief).toContainText("Small parks are under-used and under-loved.");
  await expect(brief).toContainText("Friends-of groups want more people");
  await expect(brief).toContainText("A first event in one park");
  await expect(brief).toContainText("£3,000 including insurance");
  await expect(brief).toContainText("30 days");
  await expect(brief).toContainText("Park by-laws.");
  await expect(brief).toContainText("Project lead, Public Realm services, Lambeth Council");
  await expect(page.getByText("Secret unfinished brief")).toHaveCount(0);
  await expect(page.getByText("Withdrawn brief")).toHaveCount(0);

  await expect(page.getByRole("link", { name: "Join this event" })).toHaveAttribute("href", `/j/${event.joinCode}`);
  await expectAccessible(page);
});

test("user text is shown as text, never as HTML", async ({ page }) => {
  const event = await createEventFixture();
  await addBrief(event.id, { title: "<img src=x onerror=alert(1)> Brief", problem: "<b>bold?</b>" });
  await page.goto(`/e/${event.slug}`);
  await expect(page.getByText("<img src=x onerror=alert(1)> Brief")).toBeVisible();
  await expect(page.getByText("<b>bold?</b>")).toBeVisible();
  await expect(page.locator("main img")).toHaveCount(0);
  await expectAccessible(page);
});

test("a draft event is not found by the public, but its staff see it marked as a draft", async ({ page, context, browser }) => {
  const event = await eventWithBriefs("draft");

  const response = await page.goto(`/e/${event.slug}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We can't find that page" })).toBeVisible();
  await expect(page.getByText(event.name)).toHaveCount(0);
  await expectAccessible(page);

  await page.goto("/");
  await expect(page.getByRole("link", { name: new RegExp(event.name) })).toHaveCount(0);
  await expectAccessible(page);

  const facilitator = await addStaff(event.id, "facilitator");
  await signIn(context, facilitator.id);
  await page.goto(`/e/${event.slug}`);
  await expect(page.getByText("Draft: only the people running this event can see this page.")).toBeVisible();
  await expect(page.getByRole("article", { name: "Love Your Space" })).toBeVisible();
  await expectAccessible(page);

  // Signed in, but not on this event's team: still not found.
  const outsider = await browser.newContext();
  try {
    const someone = await createAccount();
    await signIn(outsider, someone.id);
    const outsiderPage = await outsider.newPage();
    expect((await outsiderPage.goto(`/e/${event.slug}`))?.status()).toBe(404);
    await expectAccessible(outsiderPage);
  } finally {
    await outsider.close();
  }
});

test("a published event is listed on the home page", async ({ page }) => {
  const event = await eventWithBriefs();
  await page.goto("/");
  await expectAccessible(page);
  await page.getByRole("link", { name: new RegExp(event.name) }).click();
  await expect(page).toHaveURL(new RegExp(`/e/${event.slug}$`));
  await expectAccessible(page);
});

test("an open home page follows events being published and unpublished, without a reload", async ({ page }) => {
  const event = await createEventFixture({ status: "draft" });
  let loads = 0;
  page.on("load", () => loads++);
  await page.goto("/");
  const listed = page.getByRole("link", { name: new RegExp(event.name) });
  await expect(listed).toHaveCount(0);
  await setEventStatus(event.id, "published");
  await expect(listed).toBeVisible();
  await setEventStatus(event.id, "draft");
  await expect(listed).toHaveCount(0);
  expect(loads).toBe(1);
});

test("an archived event keeps its page but no longer takes people", async ({ page }) => {
  const event = await eventWithBriefs();
  await setEventStatus(event.id, "archived");
  await page.goto(`/e/${event.slug}`);
  await expect(page.getByText("This weekend has finished.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Join this event" })).toHaveCount(0);
  await expect(page.getByRole("article", { name: "Love Your Space" })).toBeVisible();
  await expectAccessible(page);
});

test("an unknown address gets a page that looks like the product", async ({ page }) => {
  const response = await page.goto("/e/no-such-weekend-anywhere");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We can't find that page" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the home page" })).toBeVisible();
  await expectAccessible(page);
});

test.describe("on a phone", () => {
  test.use(phone);

  test("the event page fits and the join button is easy to reach", async ({ page }) => {
    const event = await eventWithBriefs();
    await page.goto(`/e/${event.slug}`);
    const join = page.getByRole("link", { name: "Join this event" });
    await expect(join).toBeInViewport();
    const box = await join.boundingBox();
    expect(box?.height).toBeGreaterThanOrEqual(44);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page);
  });

  test("a long link typed into the details wraps: neither the event page nor the organiser's list is wider than the phone", async ({
    page,
    context,
  }) => {
    const event = await eventWithBriefs();
    const link = `https://www.google.com/maps/place/Stockwell+Community+Centre/@51.4723,-0.1227,17z/data=${"4m6!3m5!1s0x0".repeat(8)}`;
    await (await db()).transact((tx) =>
      tx
        .update(events)
        .set({ goals: ["Less talking, more doing", link], accessInfo: `Step-free entrance: ${link}`, place: link })
        .where(eq(events.id, event.id)),
    );
    await page.goto(`/e/${event.slug}`);
    await expect(page.getByText("Less talking, more doing")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await signIn(context, event.organiser.id);
    await page.goto("/o");
    await expect(page.getByRole("heading", { name: event.name })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test.describe("on a projector", () => {
  test.use(projector);

  test("the event page reads well full screen", async ({ page }) => {
    const event = await eventWithBriefs();
    await page.goto(`/e/${event.slug}`);
    await expect(page.getByRole("article", { name: "Love Your Space" })).toBeVisible();
    await expectAccessible(page);
  });
});

test("an open public event page follows the organisers' changes without a reload; a draft's fingerprint is not found", async ({
  browser,
}) => {
  const event = await eventWithBriefs();
  await dateEvent(event.id);
  const visitor = await browser.newContext(phone);
  const page = await visitor.newPage();
  await page.goto(`/e/${event.slug}`);
  await expect(page.getByRole("article", { name: "Love Your Space" })).toBeVisible();
  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });

  // An organiser publishes another brief and renames the event, on their laptop.
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(laptop, event.organiser.id);
  const organiser = await laptop.newPage();
  await addBrief(event.id, { title: "Streets for people", position: 4 });
  await organiser.goto(`/o/${event.slug}/edit`);
  await organiser.getByRole("region", { name: "Details" }).getByLabel("Event name").fill("Made in Parkside and Streets");
  await organiser.getByRole("region", { name: "Details" }).getByRole("button", { name: "Save details" }).click();
  await expect(organiser.getByText("Saved. The public event page shows the new details.")).toBeVisible();

  await expect(page.getByRole("heading", { name: "Made in Parkside and Streets", level: 1 })).toBeVisible();
  await expect(page.getByRole("article", { name: "Streets for people" })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

  // A stranger asking after a draft's fingerprint learns nothing of it.
  const draft = await eventWithBriefs("draft");
  expect((await visitor.request.get(`/e/${draft.slug}/version`)).status()).toBe(404);
  expect((await visitor.request.get(`/e/${event.slug}/version?page=progress`)).status()).toBe(200);
  await visitor.close();
  await laptop.close();
});
