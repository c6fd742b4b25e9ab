import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { briefReframes } from "@/db/schema";
import { expectAccessible } from "../support/a11y";
import { addBrief, addStaff, createEventFixture, db, joinAs, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";
import { addPackFixture, createTeamFixture } from "./fixtures";

test.use(phone);

async function weekendWithTeams() {
  const event = await createEventFixture();
  const briefId = await addBrief(event.id, {
    title: "Love Your Space",
    problem: "Small parks are under-used and under-loved.",
    successLooksLike: "A first event in one park, run by residents, within 30 days.",
    budget: "£3,000 including insurance",
    background: "Three small parks are within **ten minutes' walk** of the hall.",
  });
  await addPackFixture(briefId, {
    links: [
      { kind: "data", title: "London Borough Profiles", url: "https://data.london.gov.uk/dataset/london-borough-profiles" },
    ],
    contacts: [{ role: "Parks events officer", howToReach: "Ask at the welcome desk" }],
  });
  const otherBrief = await addBrief(event.id, { title: "Healthwatch", problem: "Stories are rarely heard." });
  return { event, briefId, otherBrief };
}

test("a team tears up its brief; the original and the reframe are both shown to others", async ({ page, context, browser }) => {
  const { event, briefId, otherBrief } = await weekendWithTeams();
  const amara = await joinAs(context, event.id, "Amara");
  const other = await browser.newContext(phone);
  const ben = await joinAs(other, event.id, "Ben");
  await createTeamFixture({ eventId: event.id, briefId, name: "Park Rangers", participantIds: [amara.participantId] });
  await createTeamFixture({ eventId: event.id, briefId: otherBrief, name: "Care Voices", participantIds: [ben.participantId] });

  try {
    await page.goto(`/p/${event.slug}/brief/${briefId}`);
    await expect(page.getByRole("heading", { name: "Love Your Space", level: 1 })).toBeVisible();
    await expect(page.getByText("Park Rangers · your brief")).toBeVisible();
    await expect(page.getByTestId("original-problem")).toContainText("Small parks are under-used and under-loved.");
    await expect(page.getByRole("link", { name: "London Borough Profiles" })).toBeVisible();
    await expect(page.getByText("Parks events officer")).toBeVisible();
    await expect(page.getByText("ten minutes' walk")).toBeVisible();
    await expectAccessible(page);

    // An empty reframe is refused at the field.
    await page.getByRole("button", { name: "Save our reframed problem" }).click();
    await expect(page.getByText("Write the problem as your team now sees it.")).toBeVisible();

    const reframe = "Parks aren't empty: people don't know they may use them. Nobody has told them the parks are theirs.";
    await page.getByLabel("The problem as your team now sees it").fill(reframe);
    await page.getByRole("button", { name: "Save our reframed problem" }).click();
    await expect(page.getByText("Saved. Your reframed problem is now shown next to the original.")).toBeVisible();
    const card = page.getByTestId("reframe");
    await expect(card).toContainText("Reframed by Park Rangers (your team)");
    await expect(card).toContainText(reframe);
    await expect(card).toContainText("Amara");
    await expect(page.getByTestId("original-problem")).toContainText("Small parks are under-used and under-loved.");
    await expectAccessible(page);

    // A second version keeps the first in the history.
    await page
      .getByLabel("The problem as your team now sees it")
      .fill("Families with young children can't find a park that feels safe.");
    await page.getByRole("button", { name: "Save a new version" }).click();
    await expect(card).toContainText("Families with young children");
    await card.getByText("Earlier versions (1)").click();
    await expect(card).toContainText(reframe);

    // Someone in another team sees both versions, and cannot reframe a brief that is not theirs.
    const benPage = await other.newPage();
    await benPage.goto(`/p/${event.slug}/brief/${briefId}`);
    await expect(benPage.getByTestId("original-problem")).toContainText("Small parks are under-used and under-loved.");
    await expect(benPage.getByTestId("reframe")).toContainText("Reframed by Park Rangers");
    await expect(benPage.getByTestId("reframe")).toContainText("Families with young children");
    await expect(benPage.getByRole("heading", { name: "Tear up the brief" })).toHaveCount(0);
    await expectAccessible(benPage);
  } finally {
    await other.close();
  }
});

test("a saved reframe reaches teammates' open brief pages live, and never overwrites what one of them is typing", async ({
  page,
  context,
  browser,
}) => {
  const { event, briefId, otherBrief } = await weekendWithTeams();
  const amara = await joinAs(context, event.id, "Amara");
  const mateContext = await browser.newContext(phone);
  const otherContext = await browser.newContext(phone);
  try {
    const cy = await joinAs(mateContext, event.id, "Cy");
    const ben = await joinAs(otherContext, event.id, "Ben");
    await createTeamFixture({
      eventId: event.id,
      briefId,
      name: "Park Rangers",
      participantIds: [amara.participantId, cy.participantId],
    });
    await createTeamFixture({ eventId: event.id, briefId: otherBrief, name: "Care Voices", participantIds: [ben.participantId] });

    const cyPage = await mateContext.newPage();
    const benPage = await otherContext.newPage();
    for (const p of [page, cyPage, benPage]) {
      await p.goto(`/p/${event.slug}/brief/${briefId}`);
      await expect(p.locator("[data-status=online]")).toBeVisible();
    }
    // Cy starts writing their own version while Amara saves hers.
    const cyBox = cyPage.getByLabel("The problem as your team now sees it");
    const cyWords = "Maybe the parks are fine and the gates are the problem";
    await cyBox.fill(cyWords);
    const reframe = "People don't know the parks are theirs to use.";
    await page.getByLabel("The problem as your team now sees it").fill(reframe);
    await page.getByRole("button", { name: "Save our reframed problem" }).click();
    await expect(page.getByText("Saved. Your reframed problem is now shown next to the original.")).toBeVisible();

    // Without a reload: Cy sees it, keeps every word they typed, and is told it changed under them.
    await expect(cyPage.getByTestId("reframe")).toContainText(reframe);
    await expect(cyPage.getByTestId("reframe")).toContainText("Reframed by Park Rangers (your team)");
    await expect(cyBox).toHaveValue(cyWords);
    await expect(cyPage.getByText("Your team has just saved a new version, shown above.")).toBeVisible();
    await expect(cyPage.getByRole("button", { name: "Save a new version" })).toBeVisible();
    // Someone in another team reading the brief sees it too; Amara, who saved it, is told nothing more.
    await expect(benPage.getByTestId("reframe")).toContainText(reframe);
    await expect(page.getByText("Your team has just saved a new version")).toHaveCount(0);
    await expectAccessible(cyPage);

    // Cy saves theirs after all: it becomes the team's current version, on every open page.
    await cyPage.getByRole("button", { name: "Save a new version" }).click();
    await expect(cyPage.getByText("Your team has just saved a new version")).toHaveCount(0);
    for (const p of [page, cyPage, benPage]) await expect(p.getByTestId("reframe").locator("p").nth(1)).toHaveText(cyWords);
    await expect(page.getByTestId("reframe")).toContainText("Earlier versions (1)");
  } finally {
    await mateContext.close();
    await otherContext.close();
  }
});

test("a facilitator can reframe for a team; someone who has not joined is sent to join", async ({ page, context, browser }) => {
  const { event, briefId } = await weekendWithTeams();
  await createTeamFixture({ eventId: event.id, briefId, name: "Park Rangers", participantIds: [] });
  const facilitator = await addStaff(event.id, "facilitator");
  await signIn(context, facilitator.id);

  await page.goto(`/p/${event.slug}/brief/${briefId}`);
  await page.getByLabel("For which team").selectOption({ label: "Park Rangers" });
  await page.getByLabel("The problem as your team now sees it").fill("Start from the people who already use the parks.");
  await page.getByRole("button", { name: "Save our reframed problem" }).click();
  await expect(page.getByTestId("reframe")).toContainText("Fixture facilitator");
  await expectAccessible(page);

  const stranger = await browser.newContext(phone);
  try {
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(`/p/${event.slug}/brief/${briefId}`);
    await expect(strangerPage).toHaveURL(new RegExp(`/j/${event.joinCode}$`));
  } finally {
    await stranger.close();
  }
});

test("a draft brief is not found by participants", async ({ page, context }) => {
  const event = await createEventFixture();
  const draft = await addBrief(event.id, { title: "Not ready", status: "draft" });
  await joinAs(context, event.id, "Amara");
  const response = await page.goto(`/p/${event.slug}/brief/${draft}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Not ready")).toHaveCount(0);
});

test("a reframe sent again without JavaScript (a reload of its answer) is saved once; changed after going back, it is a new one", async ({
  browser,
}) => {
  const { event, briefId } = await weekendWithTeams();
  const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
  const amara = await joinAs(context, event.id, "Amara");
  await createTeamFixture({ eventId: event.id, briefId, name: "Park Rangers", participantIds: [amara.participantId] });
  const page = await context.newPage();
  const saved = () => db().then((d) => d.read.select().from(briefReframes).where(eq(briefReframes.briefId, briefId)));
  try {
    await page.goto(`/p/${event.slug}/brief/${briefId}`);
    await page.getByLabel("The problem as your team now sees it").fill("People don't know the parks are theirs.");
    await page.getByRole("button", { name: "Save our reframed problem" }).click();
    await expect(page.getByText("Saved. Your reframed problem is now shown next to the original.")).toBeVisible();
    await page.reload();
    await expect(page.getByText("Saved. Your reframed problem is now shown next to the original.")).toBeVisible();
    expect((await saved()).map((r) => r.text)).toEqual(["People don't know the parks are theirs."]);

    // Back to the form as it was, words changed, sent: a new version, not taken for the first sent again.
    await page.goBack();
    await page.getByLabel("The problem as your team now sees it").fill("Families don't know the parks are theirs.");
    await page.getByRole("button", { name: /Save/ }).click();
    await expect(page.getByText("Saved. Your reframed problem is now shown next to the original.")).toBeVisible();
    await expect.poll(async () => (await saved()).length).toBe(2);
  } finally {
    await context.close();
  }
});
