import { expect, type Page, test } from "@playwright/test";
import { teamMembers } from "@/db/schema";
import { createEventFixture, db, joinAs, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";
import { addTeam } from "./support";

const teamCard = (page: Page, name: string) =>
  page.getByTestId("overview-team").filter({ has: page.getByRole("heading", { name, exact: true }) });

/**
 * Two under-18s with the same initials: the console (perhaps on the projector) shows neither
 * name, yet numbers them in join order, the same in "Move someone", on the team cards and on a
 * second console, so the facilitator moves the one they mean; when one renames, every console
 * follows (the other is alone with her initials, so unnumbered) and the choice stays hers.
 */
test("a facilitator tells apart and moves one of two under-18s with the same initials", async ({ browser }) => {
  // A console and two phones on a busy 2-core machine.
  test.setTimeout(120_000);
  const event = await createEventFixture();
  await addTeam(event.id, "Healthwatch");
  await addTeam(event.id, "Lambeth Website");
  const alexPhone = await browser.newContext(phone);
  await joinAs(alexPhone, event.id, "Alex Brown", "16_17");
  const avaPhone = await browser.newContext(phone);
  await joinAs(avaPhone, event.id, "Ava Bell", "under_16");
  const alex = await alexPhone.newPage();
  await alex.goto(`/p/${event.slug}/me`);
  const ava = await avaPhone.newPage();
  await ava.goto(`/p/${event.slug}`);
  await expect(ava.getByRole("heading", { name: "Choose a team" })).toBeVisible();

  const laptop = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(laptop, event.organiser.id);
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}`);
  const mover = console_.getByTestId("move-person");
  const who = mover.getByLabel("Who");
  const unassigned = who.locator('optgroup[label="Not in a team"] option');
  await expect(unassigned).toHaveText(["A. B. (1)", "A. B. (2)"]);
  // A second facilitator's console numbers them the same: by when each joined, not by when it heard.
  const otherConsole = await laptop.newPage();
  await otherConsole.goto(`/f/${event.slug}`);
  const otherUnassigned = otherConsole
    .getByTestId("move-person")
    .getByLabel("Who")
    .locator('optgroup[label="Not in a team"] option');
  await expect(otherUnassigned).toHaveText(["A. B. (1)", "A. B. (2)"]);
  // Each name isolated (U+2068…U+2069), as the console writes it.
  await expect(console_.locator("p").filter({ hasText: /^Not in a team yet:/ })).toHaveText(
    "Not in a team yet: \u2068A. B. (1)\u2069, \u2068A. B. (2)\u2069",
  );

  // The facilitator chooses the second to join (Ava); meanwhile Alex renames himself.
  await who.selectOption({ label: "A. B. (2)" });
  await alex.getByLabel("Your name").fill("Cal Dent");
  await alex.getByRole("button", { name: "Save changes" }).click();
  await expect(alex.getByText("Saved.")).toBeVisible();
  // Both consoles follow at once, alike; Ava, alone with her initials now, is still the one chosen.
  await expect(unassigned).toHaveText(["C. D.", "A. B."]);
  await expect(otherUnassigned).toHaveText(["C. D.", "A. B."]);
  await expect(who.locator("option:checked")).toHaveText("A. B.");

  await mover.getByLabel("To").selectOption({ label: "Healthwatch (0 people)" });
  await mover.getByRole("button", { name: "Move", exact: true }).click();
  await expect(mover.getByRole("status")).toHaveText("A. B. is now in Healthwatch.");
  // The right child moved: her phone says so, his does not.
  await expect(ava.getByTestId("my-team-name")).toHaveText("Healthwatch");
  await expect(ava.getByTestId("team-moved")).toHaveText("You're now in Healthwatch.");
  await alex.goto(`/p/${event.slug}`);
  await expect(alex.getByRole("heading", { name: "Choose a team" })).toBeVisible();
  // The team card names her as the list does; nothing more of either name reaches the console's teams.
  await expect(teamCard(console_, "Healthwatch").getByTestId("team-members")).toHaveText("Members: A. B.");
  await expect(who.locator('optgroup[label="Healthwatch"] option')).toHaveText(["A. B."]);
  await expect(unassigned).toHaveText(["C. D."]);
  for (const part of ["Alex", "Brown", "Ava", "Bell", "Cal", "Dent"]) {
    // Whole words: "Dent" is in "residents".
    const word = new RegExp(`\\b${part}\\b`);
    await expect(console_.getByTestId("overview-team").filter({ hasText: word })).toHaveCount(0);
    await expect(mover).not.toContainText(word);
  }
  await teamCard(console_, "Healthwatch").scrollIntoViewIfNeeded();
  await console_.screenshot({ path: "e2e/.artifacts/same-initials-1280.png" });
  for (const context of [alexPhone, avaPhone, laptop]) await context.close();
});

test("a phone's list of team mates numbers two under-18s with the same initials, and follows when one renames", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const team = await addTeam(event.id, "Healthwatch");
  const people = [
    ["Chi Okafor", "18_plus"],
    ["Alex Brown", "16_17"],
    ["Ava Bell", "under_16"],
  ] as const;
  const contexts = await Promise.all(people.map(() => browser.newContext(phone)));
  // One after another: the numbers follow the order people joined in (Alex first, so "(1)").
  const joined: Awaited<ReturnType<typeof joinAs>>[] = [];
  for (const [i, [name, age]] of people.entries()) joined.push(await joinAs(contexts[i]!, event.id, name, age));
  await (await db()).transact((tx) =>
    tx.insert(teamMembers).values(joined.map((j) => ({ eventId: event.id, participantId: j.participantId, teamId: team.id }))),
  );
  const [chi, alex] = await Promise.all(contexts.slice(0, 2).map((c) => c.newPage()));
  await chi!.goto(`/p/${event.slug}`);
  const mates = chi!.getByTestId("team-mates").getByRole("listitem");
  await expect(mates).toHaveText(["A. B. (1)", "A. B. (2)"]);

  await alex!.goto(`/p/${event.slug}/me`);
  await alex!.getByLabel("Your name").fill("Cal Dent");
  await alex!.getByRole("button", { name: "Save changes" }).click();
  await expect(alex!.getByText("Saved.")).toBeVisible();
  await expect(mates).toHaveText(["C. D.", "A. B."]);
  for (const context of contexts) await context.close();
});
