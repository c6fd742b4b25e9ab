import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { addBoardFixture, addStaff, createEventFixture, joinAs, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";
import { addTeam } from "./support";

const teamCard = (page: Page, name: string) =>
  page.getByTestId("overview-team").filter({ has: page.getByRole("heading", { name, exact: true }) });
const headcount = (page: Page, name: string) => teamCard(page, name).getByTestId("team-headcount");

/**
 * A facilitator moves people between teams from the console: the moved person's phone (their
 * team, the boards they may add to, even a board they have open), a teammate's phone, the
 * console and the big screen all follow; a full team asks first; under-18s stay initials.
 */
test("a facilitator moves people between teams, and every screen follows", async ({ browser }) => {
  // A console, a big screen and three phone pages on a busy 2-core machine.
  test.setTimeout(180_000);
  const event = await createEventFixture();
  const website = await addTeam(event.id, "Lambeth Website", 2);
  const healthwatch = await addTeam(event.id, "Healthwatch");
  await addBoardFixture(event.id, { title: "Website ideas", template: "ideas", teamId: website.id });
  const healthBoard = await addBoardFixture(event.id, { title: "Healthwatch ideas", template: "ideas", teamId: healthwatch.id });
  // Someone under 18 with no team yet: everyone but staff's private list sees their initials.
  const jayPhone = await browser.newContext(phone);
  await joinAs(jayPhone, event.id, "Jay Okafor", "16_17");

  const amaraPhone = await browser.newContext(phone);
  await joinAs(amaraPhone, event.id, "Amara");
  const amara = await amaraPhone.newPage();
  await amara.goto(`/p/${event.slug}`);
  await amara.getByRole("button", { name: "Join Healthwatch" }).click();
  await expect(amara.getByTestId("my-team-name")).toHaveText("Healthwatch");
  // The same phone has her team's board open in another tab.
  const amaraBoard = await amaraPhone.newPage();
  await amaraBoard.goto(`/p/${event.slug}/b/${healthBoard.id}`);
  await expect(amaraBoard.getByLabel("Your note")).toBeVisible();

  const benPhone = await browser.newContext(phone);
  await joinAs(benPhone, event.id, "Ben");
  const ben = await benPhone.newPage();
  await ben.goto(`/p/${event.slug}`);
  await ben.getByRole("button", { name: "Join Lambeth Website" }).click();
  await expect(ben.getByTestId("my-team-name")).toHaveText("Lambeth Website");
  await expect(ben.getByTestId("team-mates")).toHaveCount(0);

  const facilitator = await addStaff(event.id, "facilitator");
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(laptop, facilitator.id);
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}`);
  const wall = await browser.newContext(projector);
  await signIn(wall, facilitator.id);
  const screen = await wall.newPage();
  await screen.goto(`/s/${event.slug}`);
  await expect(headcount(console_, "Healthwatch")).toHaveText("1");

  const mover = console_.getByTestId("move-person");
  const who = mover.getByLabel("Who");
  const to = mover.getByLabel("To");

  // Amara: Healthwatch → Lambeth Website, by keyboard from the last choice to the button.
  await who.selectOption({ label: "Amara" });
  await to.selectOption({ label: "Lambeth Website (1 of 2 places taken)" });
  await expect(mover.getByRole("option", { name: "Healthwatch (where they are now)" })).toBeDisabled();
  await to.focus();
  await console_.keyboard.press("Tab");
  await expect(mover.getByRole("button", { name: "Move", exact: true })).toBeFocused();
  await console_.keyboard.press("Enter");
  await expect(mover.getByRole("status")).toHaveText("Amara is now in Lambeth Website.");

  // Her phone: the new team, said once; her team's boards swap; the board she had open is now read-only.
  await expect(amara.getByTestId("my-team-name")).toHaveText("Lambeth Website");
  await expect(amara.getByTestId("team-moved")).toHaveText("You're now in Lambeth Website.");
  await expect(amara.getByTestId("team-mates")).toHaveText("Ben");
  await expect(amara.getByRole("link", { name: /Website ideas/ })).toBeVisible();
  await expect(amara.getByRole("link", { name: /Healthwatch ideas/ })).toHaveCount(0);
  await expect(amaraBoard.getByText("This is another team's board: you can read it.")).toBeVisible();
  await expect(amaraBoard.getByLabel("Your note")).toHaveCount(0);
  // Her teammate, both rosters on the console, and the big screen.
  await expect(ben.getByTestId("team-mates")).toHaveText("Amara");
  await expect(ben.getByTestId("team-moved")).toHaveCount(0);
  await expect(teamCard(console_, "Lambeth Website").getByTestId("team-members")).toContainText("Amara");
  await expect(headcount(console_, "Healthwatch")).toHaveText("0");
  await expect(headcount(screen, "Lambeth Website")).toHaveText("2");
  await expect(headcount(screen, "Healthwatch")).toHaveText("0");

  // Jay (no team) into the full Lambeth Website: refused first, then on purpose.
  await who.selectOption({ label: "J. O." });
  await expect(who.locator('optgroup[label="Not in a team"] option')).toHaveText(["J. O."]);
  await to.selectOption({ label: "Lambeth Website (full: 2 of 2)" });
  await mover.getByRole("button", { name: "Move", exact: true }).click();
  await expect(mover.getByRole("alert")).toContainText(
    "Lambeth Website is full (2 of 2 places taken). Choose another team, give it more places, or move them anyway.",
  );
  await expect(headcount(console_, "Lambeth Website")).toHaveText("2");
  await expectAccessible(console_);
  await console_.screenshot({ path: "e2e/.artifacts/move-person-1280.png" });
  await mover.getByRole("button", { name: "Move J. O. to Lambeth Website anyway" }).click();
  await expect(mover.getByRole("status")).toHaveText("J. O. is now in Lambeth Website.");
  await expect(ben.getByTestId("team-mates")).toContainText("J. O.");
  await expect(headcount(screen, "Lambeth Website")).toHaveText("3");
  // Staff's private list names them in full; what the room (and a projected console's teams) sees does not.
  for (const shown of [
    ben.locator("body"),
    amara.locator("body"),
    screen.locator("body"),
    console_.getByTestId("overview-team"),
  ]) {
    await expect(shown.filter({ hasText: "Okafor" })).toHaveCount(0);
  }
  await expect(mover).not.toContainText("Okafor");

  // Amara taken out of her team: her phone offers the teams again, and says why.
  await who.selectOption({ label: "Amara" });
  await to.selectOption({ label: "No team (take them out of theirs)" });
  await mover.getByRole("button", { name: "Move", exact: true }).click();
  await expect(mover.getByRole("status")).toHaveText("Amara is no longer in a team.");
  await expect(amara.getByRole("heading", { name: "Choose a team" })).toBeVisible();
  await expect(amara.getByTestId("team-moved")).toHaveText("You're no longer in a team. Choose one below.");
  await expect(ben.getByTestId("team-mates")).not.toContainText("Amara");
  await expect(headcount(screen, "Lambeth Website")).toHaveText("2");
  await expectAccessible(amara);
  await amara.screenshot({ path: "e2e/.artifacts/move-person-phone.png" });

  // Her own tap afterwards is hers: no "you've been moved" for it.
  await amara.getByRole("button", { name: "Join Healthwatch" }).click();
  await expect(amara.getByTestId("my-team-name")).toHaveText("Healthwatch");
  await expect(amara.getByTestId("team-moved")).toHaveCount(0);
  await expect(amaraBoard.getByLabel("Your note")).toBeVisible();

  for (const context of [jayPhone, amaraPhone, benPhone, laptop, wall]) await context.close();
});
