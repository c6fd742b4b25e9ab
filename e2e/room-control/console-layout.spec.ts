import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { addBoardFixture, addStaff, createEventFixture, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";
import { addTeam } from "../teams/support";
import { addAgenda } from "./support";

/** The console's sections, by the stable ids its section nav links to, and each one's heading. */
const sections = [
  ["agenda", "Agenda"],
  ["timer", "Timer"],
  ["screen", "Big screen"],
  ["boards", "Boards"],
  ["teams", "Teams"],
  ["help", "Who can help with…"],
  ["presentations", "Presentations"],
  ["activity", "Activity"],
  ["room", "Who's here now"],
  ["announce", "Announce to the room"],
] as const;

const laptop = { viewport: { width: 1366, height: 768 } };
const shots = "e2e/.artifacts/screenshots/console";

/** A long weekend's console: an agenda, six teams with two boards each, twenty boards in all (with the welcome wall every event starts with). */
async function longWeekend() {
  const event = await createEventFixture({ name: "Riverside long weekend" });
  await addAgenda(event.id, ["Kick-off evening", "Explore", "Make", "Show and tell"]);
  const teamNames = ["Open books", "Green corridor", "Night buses", "Pocket parks", "Market stalls", "Play streets"];
  const teams = [];
  for (const name of teamNames) teams.push(await addTeam(event.id, name, 8));
  const titles: string[] = [];
  for (let i = 0; i < 7; i++) {
    const title = `Room board ${String(i + 1).padStart(2, "0")}`;
    await addBoardFixture(event.id, { title, template: i % 2 ? "ideas" : "journey" });
    titles.push(title);
  }
  for (const [i, team] of teams.entries()) {
    for (const kind of ["ideas", "learning"] as const) {
      const title = `${team.name} ${kind} ${i + 1}`;
      await addBoardFixture(event.id, { title, template: kind, teamId: team.id });
      titles.push(title);
    }
  }
  return { event, teams, titles, boards: titles.length + 1 };
}

async function openConsole(page: Page, slug: string, boards: number) {
  await page.goto(`/f/${slug}`);
  await expect(page.getByTestId("board-row")).toHaveCount(boards);
  await expect(page.getByRole("heading", { name: "Agenda" })).toBeVisible();
}

/** Every section is one click from the top of the page, and its heading is in view after it. */
async function expectEverySectionOneClickAway(page: Page) {
  const nav = page.getByRole("navigation", { name: "Console sections" });
  for (const [id, heading] of sections) {
    await page.evaluate(() => window.scrollTo(0, 0));
    await nav.locator(`a[href="#${id}"]`).click();
    await expect(page).toHaveURL(new RegExp(`#${id}$`));
    const section = page.locator(`[id="${id}"]`);
    await expect(section.getByRole("heading", { name: heading, exact: true }).first()).toBeInViewport();
  }
}

async function expectNoSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a long weekend's console at 1366×768: each board once, every section one click away, far shorter", async ({ browser }) => {
  // 20 boards, four sizes, an axe check at each: minutes on a busy 2-core machine.
  test.setTimeout(240_000);
  const { event, titles, boards } = await longWeekend();
  const context = await browser.newContext(laptop);
  await signIn(context, event.organiser.id);
  const page = await context.newPage();
  await openConsole(page, event.slug, boards);
  await expect(page.getByTestId("overview-team")).toHaveCount(6);

  // Each board appears once, with one set of controls.
  for (const title of titles) {
    await expect(page.getByTestId("board-row").filter({ hasText: title })).toHaveCount(1);
    await expect(page.getByRole("button", { name: `Show board ${title}`, exact: true })).toHaveCount(1);
  }
  await expect(page.getByTestId("screen-board-row")).toHaveCount(0);
  // The secondary actions sit behind "More", which opens without JavaScript (a <details>).
  const row = page.getByTestId("board-row").filter({ hasText: titles[0] });
  await expect(row.getByRole("button", { name: `Show votes on ${titles[0]}` })).toBeHidden();
  await row.getByText("More").click();
  await expect(row.getByRole("button", { name: `Show votes on ${titles[0]}` })).toBeVisible();
  await expect(row.getByRole("link", { name: `Project in a new window ↗ ${titles[0]}` })).toBeVisible();

  // The page was 5,470 px tall with twenty boards: the lists now scroll within their sections.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`console height at 1366×768 with ${boards} boards: ${height}px`);
  expect(height).toBeLessThan(3200);
  await expectNoSidewaysScroll(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${shots}-1366x768.png` });
  await page.screenshot({ path: `${shots}-1366x768-full.png`, fullPage: true });

  await expectEverySectionOneClickAway(page);

  for (const [name, viewport] of [
    ["1280x720", { width: 1280, height: 720 }],
    ["1920x1080", projector.viewport],
  ] as const) {
    await page.setViewportSize(viewport);
    await expectNoSidewaysScroll(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${shots}-${name}.png` });
    await page.screenshot({ path: `${shots}-${name}-full.png`, fullPage: true });
    await expectAccessible(page);
  }
  await context.close();

  // On a phone the columns stack; the nav still reaches every section.
  const handset = await browser.newContext(phone);
  await signIn(handset, event.organiser.id);
  const small = await handset.newPage();
  await openConsole(small, event.slug, boards);
  await expectNoSidewaysScroll(small);
  await small.screenshot({ path: `${shots}-390x844.png` });
  await small.screenshot({ path: `${shots}-390x844-full.png`, fullPage: true });
  await expectAccessible(small);
  await expectEverySectionOneClickAway(small);
  await handset.close();
});

test("at 200% text size the console has no sideways scroll and every section is still one click away", async ({ browser }) => {
  test.setTimeout(120_000);
  const { event, boards } = await longWeekend();
  const context = await browser.newContext(laptop);
  await signIn(context, event.organiser.id);
  const page = await context.newPage();
  await openConsole(page, event.slug, boards);
  await page.addStyleTag({ content: "html { font-size: 200% !important; }" });
  await expectNoSidewaysScroll(page);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${shots}-1366x768-text200.png` });
  await page.screenshot({ path: `${shots}-1366x768-text200-full.png`, fullPage: true });
  await expectEverySectionOneClickAway(page);
  await context.close();
});

test("Save times says “Times saved”, with JavaScript and without", async ({ browser }) => {
  const event = await createEventFixture();
  await addTeam(event.id, "Open books");

  const withJs = await browser.newContext(laptop);
  await signIn(withJs, event.organiser.id);
  const page = await withJs.newPage();
  await page.goto(`/f/${event.slug}/presentations`);
  await expect(page.getByRole("heading", { name: "Running order" })).toBeVisible();
  // Bad input: a clear message, the typed value kept, nothing saved.
  await page.getByLabel("Minutes to present").fill("0.2");
  await page.getByRole("button", { name: "Save times" }).click();
  await expect(page.getByText("Give each team at least 30 seconds")).toBeVisible();
  await expect(page.getByLabel("Minutes to present")).toHaveValue("0.2");
  await page.getByLabel("Minutes to present").fill("4");
  await page.getByLabel("Minutes for questions").fill("1.5");
  await page.getByRole("button", { name: "Save times" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Times saved" })).toBeVisible();
  await expect(page.getByLabel("Minutes to present")).toHaveValue("4");
  await page.reload();
  await expect(page.getByLabel("Minutes to present")).toHaveValue("4");
  await expect(page.getByLabel("Minutes for questions")).toHaveValue("1.5");

  const noJs = await browser.newContext({ ...laptop, javaScriptEnabled: false });
  await signIn(noJs, event.organiser.id);
  const plain = await noJs.newPage();
  await plain.goto(`/f/${event.slug}/presentations`);
  await expect(plain.getByLabel("Minutes to present")).toHaveValue("4");
  await plain.getByLabel("Minutes to present").fill("6");
  await plain.getByRole("button", { name: "Save times" }).click();
  await expect(plain.getByRole("status").filter({ hasText: "Times saved" })).toBeVisible();
  await expect(plain.getByLabel("Minutes to present")).toHaveValue("6");
  // The live page follows the save made without JavaScript.
  await expect(page.getByLabel("Minutes to present")).toHaveValue("6");
  await withJs.close();
  await noJs.close();
});

test("a board started on one console appears live in another console's list, once", async ({ browser }) => {
  const event = await createEventFixture();
  const sam = await addStaff(event.id, "facilitator", "Sam, facilitator");
  const first = await browser.newContext(laptop);
  await signIn(first, event.organiser.id);
  const second = await browser.newContext(laptop);
  await signIn(second, sam.id);
  const mine = await first.newPage();
  const theirs = await second.newPage();
  await openConsole(theirs, event.slug, 1);
  await mine.goto(`/f/${event.slug}`);
  await mine.getByLabel("Title").fill("Parking lot");
  await mine.getByRole("button", { name: "Create board" }).click();
  await expect(mine).toHaveURL(/\/f\/[^/]+\/b\//);
  await expect(theirs.getByTestId("board-row").filter({ hasText: "Parking lot" })).toHaveCount(1);
  await expect(theirs.getByTestId("board-row")).toHaveCount(2);
  await expect(theirs.getByRole("button", { name: "Show board Parking lot", exact: true })).toBeVisible();
  await first.close();
  await second.close();
});
