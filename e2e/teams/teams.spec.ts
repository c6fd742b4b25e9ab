import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { addStaff, createEventFixture, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";
import { addTeam, briefsWithTeams, joinByCode } from "./support";

const teamCard = (page: Page, name: string) =>
  page.getByTestId("overview-team").filter({ has: page.getByRole("heading", { name, exact: true }) });
const headcount = (page: Page, name: string) => teamCard(page, name).getByTestId("team-headcount");

test("three phones join by code, pick skills and teams; a move shows on every phone, the console and the big screen", async ({
  browser,
}) => {
  // Five pages and three axe runs on a 2-core machine.
  test.setTimeout(180_000);
  const event = await createEventFixture();
  await briefsWithTeams(event.id, ["Lambeth Website", "Healthwatch"]);
  const facilitator = await addStaff(event.id, "facilitator");
  const laptop = await browser.newContext(projector);
  await signIn(laptop, facilitator.id);
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}`);
  const screen = await laptop.newPage();
  await screen.goto(`/s/${event.slug}`);
  await expect(headcount(console_, "Healthwatch")).toHaveText("0");
  await expect(headcount(screen, "Healthwatch")).toHaveText("0");

  const people = [
    { name: "Amara", skills: ["talking to people", "knowing the area"], kind: "Resident", team: "Lambeth Website" },
    { name: "Ben", skills: ["making websites"], kind: "Developer", team: "Lambeth Website" },
    { name: "Chi", skills: ["spreadsheets", "organising"], kind: "Council officer", team: "Healthwatch" },
  ];
  const phones: Page[] = [];
  for (const [i, person] of people.entries()) {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await joinByCode(page, event.joinCode, person.name, { skills: person.skills, kind: person.kind });
    if (i === 0) await expectAccessible(page);
    await page.getByRole("button", { name: `Join ${person.team}` }).click();
    await expect(page.getByTestId("my-team-name")).toHaveText(person.team);
    phones.push(page);
  }
  const [amara, ben, chi] = phones as [Page, Page, Page];
  await expectAccessible(amara);

  await expect(headcount(console_, "Lambeth Website")).toHaveText("2");
  await expect(headcount(console_, "Healthwatch")).toHaveText("1");
  await expect(teamCard(console_, "Lambeth Website").getByText("making websites")).toBeVisible();
  await expect(teamCard(console_, "Healthwatch").getByTestId("team-flag")).toHaveText(["Only one person", "No residents yet"]);
  await expect(headcount(screen, "Lambeth Website")).toHaveText("2");
  await expect(amara.getByTestId("team-mates")).toContainText("Ben");

  // Ben votes with his feet.
  await ben.getByRole("button", { name: "Change team" }).click();
  await expectAccessible(ben);
  await ben.getByRole("button", { name: "Move to Healthwatch" }).click();
  await expect(ben.getByTestId("my-team-name")).toHaveText("Healthwatch");

  await expect(amara.getByText("Nobody else here yet")).toBeVisible();
  await expect(chi.getByTestId("team-mates")).toContainText("Ben");
  await expect(headcount(console_, "Lambeth Website")).toHaveText("1");
  await expect(headcount(console_, "Healthwatch")).toHaveText("2");
  await expect(headcount(screen, "Lambeth Website")).toHaveText("1");
  await expect(headcount(screen, "Healthwatch")).toHaveText("2");
  await expect(teamCard(screen, "Healthwatch").getByTestId("team-flag")).toHaveText(["No residents yet"]);
  await expectAccessible(console_);
  await expectAccessible(screen);

  for (const page of phones) await page.context().close();
  await laptop.close();
});

test("a full team can't be joined: the button says so, and a late tap is told clearly", async ({ browser }) => {
  const event = await createEventFixture();
  await addTeam(event.id, "Young Lambeth Co-op", 1);
  await addTeam(event.id, "Connectors");
  const first = await (await browser.newContext(phone)).newPage();
  const second = await (await browser.newContext(phone)).newPage();
  await joinByCode(first, event.joinCode, "Dev");
  await joinByCode(second, event.joinCode, "Efe");
  await expect(second.getByRole("button", { name: "Join Young Lambeth Co-op" })).toBeEnabled();

  await first.getByRole("button", { name: "Join Young Lambeth Co-op" }).click();
  await expect(first.getByTestId("my-team-name")).toHaveText("Young Lambeth Co-op");
  await expect(second.getByRole("button", { name: "Young Lambeth Co-op is full" })).toBeDisabled();
  await expect(
    second.getByTestId("team-option").filter({ hasText: "Young Lambeth Co-op" }).getByTestId("team-places"),
  ).toHaveText("1 of 1 places taken");
  await expectAccessible(second);
  await first.context().close();
  await second.context().close();
});

test("a team named as another already is refused with a word, keeping what was typed; phones never list two alike", async ({
  browser,
}) => {
  const event = await createEventFixture();
  await briefsWithTeams(event.id, ["Lambeth Website", "Healthwatch"]);
  await addTeam(event.id, "Love Your Space (parks)");
  const laptop = await browser.newContext(projector);
  await signIn(laptop, event.organiser.id);
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}`);
  await expect(teamCard(console_, "Healthwatch")).toBeVisible();
  const handset = await (await browser.newContext(phone)).newPage();
  await joinByCode(handset, event.joinCode, "Zofia", { skills: ["talking to people"], kind: "Resident" });
  await expect(handset.getByRole("button", { name: "Join Healthwatch" })).toBeVisible();
  const refused = "There is already a team called Healthwatch. Choose another name.";

  // Adding: typed in another case, with spaces.
  const newName = console_.getByLabel("New team's name");
  await newName.fill(" healthwatch ");
  await console_.getByRole("button", { name: "Add team" }).click();
  await expect(console_.locator("#teams").getByRole("alert").filter({ hasText: refused })).toBeVisible();
  await expect(newName).toHaveValue(" healthwatch ");
  await expect(console_.getByTestId("overview-team")).toHaveCount(3);

  // Renaming another team to it: the form stays open with the name typed.
  await console_.getByRole("button", { name: "Rename Love Your Space (parks)" }).click();
  const rename = console_.getByLabel("New name for Love Your Space (parks)");
  await rename.fill("HealthWatch");
  await console_.getByRole("button", { name: "Save", exact: true }).click();
  await expect(teamCard(console_, "Love Your Space (parks)").getByRole("alert")).toHaveText(refused);
  await expect(rename).toHaveValue("HealthWatch");
  // A name of its own goes through.
  await rename.fill("Pocket Parks");
  await console_.getByRole("button", { name: "Save", exact: true }).click();
  await expect(teamCard(console_, "Pocket Parks")).toBeVisible();

  await expect(handset.getByRole("button", { name: "Join Pocket Parks" })).toBeVisible();
  await expect(handset.getByRole("button", { name: /^Join Healthwatch/i })).toHaveCount(1);
  await laptop.close();
  await handset.context().close();
});

test("facilitators add a team, set a capacity, split a brief and find who can help", async ({ browser }) => {
  const event = await createEventFixture();
  await briefsWithTeams(event.id, ["Love Your Space"]);
  const laptop = await browser.newContext(projector);
  await signIn(laptop, event.organiser.id);
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}`);
  await expect(teamCard(console_, "Love Your Space")).toBeVisible();

  const handset = await (await browser.newContext(phone)).newPage();
  await joinByCode(handset, event.joinCode, "Femi", { skills: ["filming", "drawing"], kind: "Young person" });
  await expect(console_.getByTestId("overview-summary")).toContainText("1 not in a team yet");

  await console_.getByLabel("New team's name").fill("Roaming reporters");
  await console_.getByRole("button", { name: "Add team" }).click();
  await expect(teamCard(console_, "Roaming reporters")).toBeVisible();
  await expect(handset.getByRole("button", { name: "Join Roaming reporters" })).toBeVisible();
  await console_.getByRole("button", { name: "Rename Roaming reporters" }).click();
  await console_.getByLabel("New name for Roaming reporters").fill("Street reporters");
  await console_.getByRole("button", { name: "Save", exact: true }).click();
  await expect(handset.getByRole("button", { name: "Join Street reporters" })).toBeVisible();

  await console_.getByRole("button", { name: "Split Love Your Space into two teams" }).click();
  await expect(teamCard(console_, "Love Your Space A")).toBeVisible();
  await expect(teamCard(console_, "Love Your Space B")).toContainText("Brief: Love Your Space");
  await expect(handset.getByRole("button", { name: "Join Love Your Space B" })).toBeVisible();

  await console_.getByLabel("Capacity of Love Your Space B").fill("1");
  await teamCard(console_, "Love Your Space B").getByRole("button", { name: "Set" }).click();
  await expect(teamCard(console_, "Love Your Space B")).toContainText("/ 1");
  await expect(handset.getByTestId("team-option").filter({ hasText: "Love Your Space B" }).getByTestId("team-places")).toHaveText(
    "0 of 1 places taken",
  );

  await handset.getByRole("button", { name: "Join Love Your Space B" }).click();
  await expect(teamCard(console_, "Love Your Space B").getByTestId("team-flag")).toContainText(["Full"]);
  await console_.getByLabel("Capacity of Love Your Space B").fill("");
  await teamCard(console_, "Love Your Space B").getByRole("button", { name: "Set" }).click();
  await expect(teamCard(console_, "Love Your Space B")).not.toContainText("/ 1");

  await console_.getByRole("searchbox", { name: "Who can help with" }).fill("film");
  await expect(console_.getByTestId("help-results")).toContainText("Femi");
  await expect(console_.getByTestId("help-results")).toContainText("Love Your Space B");
  await expectAccessible(console_);

  await laptop.close();
  await handset.context().close();
});
