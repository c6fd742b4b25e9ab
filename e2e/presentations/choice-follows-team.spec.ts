import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { commandSocket } from "../support/command-socket";
import { addStaff, createEventFixture } from "../support/fixtures";
import { phone } from "../support/viewports";
import { briefTeams, memberOf } from "./support";

/** A team's row in the people's choice on a phone: its vote button, or "Your team". */
const choiceRow = (page: Page, team: string) => page.getByRole("listitem").filter({ has: page.getByText(team, { exact: true }) });

test("the people's choice on a phone follows its person's team: moved by a facilitator, or by their own tap on another device, their dot on the new team is given back at once", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const [website, parks, health] = await briefTeams(event.id, [
    { title: "Lambeth Website", success: "- People find what they need", owner: "Head of Digital" },
    { title: "Love Your Space", success: "- Residents tested it", owner: "Project lead, Parks" },
    { title: "Healthwatch", success: "- Heard by the board", owner: "Healthwatch lead" },
  ]);
  if (!website || !parks || !health) throw new Error("teams not created");
  const phoneContext = await browser.newContext(phone);
  const laptopContext = await browser.newContext(phone);
  const others = await browser.newContext(phone);
  const facilitator = await addStaff(event.id, "facilitator");
  const staff = await commandSocket(event.id, facilitator.id);
  try {
    await memberOf(others, event.id, website.id, "Ben");
    await memberOf(others, event.id, parks.id, "Cy");
    // Healthwatch keeps a member when Amara moves, so it keeps its place in the running order.
    await memberOf(others, event.id, health.id, "Dee");
    const amara = await memberOf(phoneContext, event.id, health.id, "Amara");
    await staff.command("peoples-choice:open", { dotsPerPerson: 2, excludeOwnTeam: true });

    const page = await phoneContext.newPage();
    await page.goto(`/p/${event.slug}/presentations`);
    await expect(page.getByTestId("choice-left")).toContainText("You have 2 votes left.");
    await expect(choiceRow(page, "Healthwatch")).toContainText("Your team");
    await page.getByTestId("choice-Love Your Space").click();
    await expect(page.getByTestId("choice-Love Your Space")).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("choice-left")).toContainText("You have 1 vote left.");

    // A facilitator moves her to Love Your Space: her dot on it is taken back, and her phone
    // shows it at once: it is her team now, and she has both votes to give.
    await staff.command("participant:move", { participantId: amara.participantId, teamId: parks.id });
    await expect(choiceRow(page, "Love Your Space")).toContainText("Your team");
    await expect(page.getByTestId("choice-Love Your Space")).toHaveCount(0);
    await expect(page.getByTestId("choice-left")).toContainText("You have 2 votes left.");
    await expect(page.getByTestId("choice-Healthwatch")).toHaveAttribute("aria-pressed", "false");

    // She votes for Healthwatch, then joins it from her laptop: the phone follows that too.
    await page.getByTestId("choice-Healthwatch").click();
    await expect(page.getByTestId("choice-left")).toContainText("You have 1 vote left.");
    await laptopContext.addCookies(await phoneContext.cookies());
    const laptop = await laptopContext.newPage();
    await laptop.goto(`/p/${event.slug}`);
    await laptop.getByRole("button", { name: "Change team" }).click();
    await laptop.getByRole("button", { name: "Move to Healthwatch" }).click();
    await expect(laptop.getByTestId("my-team-name")).toHaveText("Healthwatch");
    await expect(choiceRow(page, "Healthwatch")).toContainText("Your team");
    await expect(page.getByTestId("choice-left")).toContainText("You have 2 votes left.");
    await expect(page.getByTestId("choice-Love Your Space")).toHaveAttribute("aria-pressed", "false");
    await expectAccessible(page);
    await page.screenshot({ path: "e2e/.artifacts/choice-follows-team.png", fullPage: true });
  } finally {
    staff.close();
    for (const context of [phoneContext, laptopContext, others]) await context.close();
  }
});

test("a showcase open on a phone follows its person's team: moved by a facilitator, the page edits the new team's showcase", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const [parks, health] = await briefTeams(event.id, [
    { title: "Love Your Space", success: "- Residents tested it", owner: "Project lead, Parks" },
    { title: "Healthwatch", success: "- Heard by the board", owner: "Healthwatch lead" },
  ]);
  if (!parks || !health) throw new Error("teams not created");
  const phoneContext = await browser.newContext(phone);
  const facilitator = await addStaff(event.id, "facilitator");
  const staff = await commandSocket(event.id, facilitator.id);
  try {
    const amara = await memberOf(phoneContext, event.id, health.id, "Amara");
    const page = await phoneContext.newPage();
    await page.goto(`/p/${event.slug}/showcase`);
    await expect(page.getByText("Team Healthwatch")).toBeVisible();
    await expect(page.locator('output[data-status="online"]')).toBeVisible();

    await staff.command("participant:move", { participantId: amara.participantId, teamId: parks.id });
    await expect(page.getByText("Team Love Your Space")).toBeVisible();
    await expect(page.getByText("Team Healthwatch")).toHaveCount(0);
    // What she writes now is her new team's: saved, without a refusal.
    await page.getByTestId("showcase-made").fill("A map of the park's quiet corners");
    await expect(page.getByText("All changes saved")).toBeVisible();
  } finally {
    staff.close();
    await phoneContext.close();
  }
});
