import { expect, type Page, test } from "@playwright/test";
import { showcases } from "@/db/schema";
import { expectAccessible } from "../support/a11y";
import { addStaff, createEventFixture, db, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";
import { briefTeams, memberOf } from "./support";

const shots = "e2e/.artifacts/presentations";

/** Where the big screen's presentations wall stands: what it shows and at which stage. */
const wallAt = (screen: Page) => screen.getByTestId("wall-presentations");

test("presenter mode from the keyboard: back goes back a stage, reset returns every screen to not started, results go up with showcase titles, an empty team gets no slot", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const event = await createEventFixture();
  const [parks, website, empty] = await briefTeams(event.id, [
    { title: "Love Your Space", success: "- Residents tested it", owner: "Project lead, Parks" },
    { title: "Lambeth Website", success: "- People find what they need", owner: "Head of Digital" },
    { title: "Nobody Picked This", success: "- It exists", owner: "Someone" },
  ]);
  if (!parks || !website || !empty) throw new Error("teams not created");
  const facilitator = await addStaff(event.id, "facilitator");
  // Parks gave its showcase a title; Website did not, so the room knows it by its team name.
  await (await db()).transact((tx) =>
    tx.insert(showcases).values({
      eventId: event.id,
      teamId: parks.id,
      title: "Pocket parks map",
      summary: "Every pocket park in the borough, with who looks after it",
    }),
  );

  const alice = await browser.newContext(phone);
  await memberOf(alice, event.id, parks.id, "Alice");
  const bob = await browser.newContext(phone);
  await memberOf(bob, event.id, website.id, "Bob");
  const phonePage = await alice.newPage();
  await phonePage.goto(`/p/${event.slug}/presentations`);
  await expect(phonePage.getByRole("heading", { name: "Presentations haven't started" })).toBeVisible();

  const laptop = await browser.newContext(projector);
  await signIn(laptop, facilitator.id);
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}/presentations`);
  const projectorContext = await browser.newContext(projector);
  await signIn(projectorContext, facilitator.id);
  const screen = await projectorContext.newPage();
  await screen.goto(`/s/${event.slug}`);
  await expect(screen.locator('[data-status="online"]')).toBeVisible();
  await console_.getByTestId("show-presentations").click();
  await expect(screen.getByTestId("big-screen")).toHaveAttribute("data-wall", "presentations");

  // The team nobody joined has no slot: not in the console's order, not on the big screen.
  await expect(console_.getByTestId("order-item")).toHaveCount(2);
  await expect(console_.getByTestId("left-out")).toContainText("nobody joined this team");
  await expect(screen.getByTestId("wall-order").getByRole("listitem")).toHaveCount(2);
  await expect(screen.getByTestId("wall-order")).not.toContainText("Nobody Picked This");

  // Keyboard only from here: the console's keys, counted.
  let presses = 0;
  const press = async (key: string) => {
    presses++;
    await console_.keyboard.press(key);
  };
  const stageIs = async (stage: string, team?: string) => {
    await expect(wallAt(screen)).toHaveAttribute("data-stage", stage);
    // A press says the stage it was pressed on, so the next one waits until the console shows it too
    // (a press against a stage the console hasn't seen yet is a stale double press, and is dropped).
    await expect(console_.getByTestId("presenter-controls")).toHaveAttribute("data-stage", stage);
    if (team) await expect(wallAt(screen)).toHaveAttribute("data-team", team);
  };

  await press("ArrowRight");
  await stageIs("presenting", "Love Your Space");
  await expect(phonePage.getByTestId("responds-current")).toHaveText("Pocket parks map");
  await press("ArrowRight");
  await stageIs("questions", "Love Your Space");
  await expect(phonePage.getByText("Team Love Your Space · questions")).toBeVisible();
  // Back from the first team's questions goes back to its presentation, then to "not started".
  await press("ArrowLeft");
  await stageIs("presenting", "Love Your Space");
  await expect(phonePage.getByText("Team Love Your Space · presenting now")).toBeVisible();
  await press("ArrowLeft");
  await stageIs("waiting");
  await expect(phonePage.getByRole("heading", { name: "Presentations haven't started" })).toBeVisible();
  await expect(console_.getByTestId("console-on-now")).toHaveText("Not started");

  // A run-through of two teams, each presenting then taking questions: 2 × 2 + 1 = 5 presses.
  const before = presses;
  for (const [stage, team] of [
    ["presenting", "Love Your Space"],
    ["questions", "Love Your Space"],
    ["presenting", "Lambeth Website"],
    ["questions", "Lambeth Website"],
  ] as const) {
    await press("ArrowRight");
    await stageIs(stage, team);
  }
  await press("ArrowRight");
  await stageIs("finished");
  await expect(screen.getByRole("heading", { name: "Thank you, every team" })).toBeVisible();
  // The presenter card names the stage once, not as a heading and again beneath it.
  await expect(console_.getByTestId("presenter-controls").getByText("Finished", { exact: true })).toHaveCount(1);
  expect(presses - before).toBe(5);

  // Reset after the rehearsal: R asks first (the confirm button takes focus), Enter confirms: 2 presses.
  await press("r");
  const dialog = console_.getByRole("alertdialog");
  await expect(dialog).toContainText("keeps the teams' showcases");
  await expect(console_.getByTestId("presenter-reset-confirm")).toBeFocused();
  await expectAccessible(console_);
  await press("Enter");
  await expect(dialog).toBeHidden();
  await stageIs("waiting");
  await expect(console_.getByTestId("console-on-now")).toHaveText("Not started");
  await expect(console_.getByTestId("presenter-controls").getByText("Not started", { exact: true })).toHaveCount(1);
  await expect(phonePage.getByRole("heading", { name: "Presentations haven't started" })).toBeVisible();
  // Showcases are kept: the big screen's order still shows the title.
  await expect(screen.getByTestId("wall-order")).toContainText("Pocket parks map");
  // Whole keyboard session above: 4 to go forward, back and back, 5 for the run-through, 2 for the reset.
  expect(presses).toBe(11);

  // The presenter wall at every projector size: title and reactions fit on the screen.
  await press("ArrowRight");
  await stageIs("presenting", "Love Your Space");
  await phonePage.getByTestId("react-clap").click();
  await expect(screen.getByTestId("presenter-reactions-clap")).toHaveText("1");
  for (const size of [
    { width: 1024, height: 768 },
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
    { width: 3840, height: 2160 },
  ]) {
    await screen.setViewportSize(size);
    const title = screen.getByTestId("presenter-title");
    await expect(title).toHaveText("Pocket parks map");
    // Not clipped: the whole title is drawn, within the screen.
    expect(await title.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1)).toBe(
      true,
    );
    for (const part of [
      title,
      screen.getByRole("list", { name: "Reactions from the room" }),
      screen.getByTestId("presenter-clock"),
    ]) {
      const box = await part.boundingBox();
      expect(box, `${size.width}×${size.height}`).not.toBeNull();
      if (!box) continue;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      expect(box.y + box.height).toBeLessThanOrEqual(size.height);
    }
    await screen.screenshot({ path: `${shots}/presenter-controls-${size.width}x${size.height}.png` });
  }
  await screen.setViewportSize(projector.viewport);

  // The combined results go up on the big screen, by showcase title; the phone and the console follow.
  await console_.getByTestId("project-results").click();
  await expect(wallAt(screen)).toHaveAttribute("data-view", "results");
  const titles = screen.getByTestId("results-wall-title");
  await expect(titles).toHaveCount(2);
  await expect(titles).toContainText(["Pocket parks map", "Lambeth Website"]);
  await expect(screen.getByTestId("results-wall")).not.toContainText("Nobody Picked This");
  await expect(phonePage.getByTestId("phone-result")).toHaveCount(2);
  await expect(phonePage.getByTestId("phone-results")).toContainText("Pocket parks map");
  await expect(console_.getByTestId("projecting")).toHaveText("The big screen and phones show the results.");
  await screen.screenshot({ path: `${shots}/results-wall-1920.png` });
  await screen.setViewportSize({ width: 1024, height: 768 });
  await screen.screenshot({ path: `${shots}/results-wall-1024.png` });
  await screen.setViewportSize(projector.viewport);
  await phonePage.screenshot({ path: `${shots}/results-phone.png`, fullPage: true });
  await expectAccessible(phonePage);

  // The facilitator's results page uses the same titles, and takes the results down from there.
  const results = await laptop.newPage();
  await results.goto(`/f/${event.slug}/presentations/results`);
  await expect(results.getByTestId("result-row")).toHaveCount(2);
  await expect(results.locator('[data-testid="result-row"][data-title="Pocket parks map"]')).toBeVisible();
  await expect(results.getByTestId("project-results")).toHaveAttribute("aria-pressed", "true");
  await expectAccessible(results);
  await results.getByTestId("project-results").click();
  await expect(wallAt(screen)).toHaveAttribute("data-view", "presenter");
  await expect(phonePage.getByTestId("phone-results")).toHaveCount(0);
  await expect(console_.getByTestId("project-results")).toHaveAttribute("aria-pressed", "false");

  // Staff add the empty team on purpose: it gets a slot on every screen.
  await console_.getByRole("button", { name: "Add team Nobody Picked This to the running order" }).click();
  await expect(console_.getByTestId("order-item")).toHaveCount(3);
  await press("r");
  await press("Enter");
  await stageIs("waiting");
  await expect(screen.getByTestId("wall-order").getByRole("listitem")).toHaveCount(3);
  await expect(screen.getByTestId("wall-order")).toContainText("Nobody Picked This");
  await console_.screenshot({ path: `${shots}/presenter-controls-console.png`, fullPage: true });
});
