import { expect, type Locator, type Page, test } from "@playwright/test";
import { briefTeams, memberOf } from "../presentations/support";
import { expectAccessible } from "../support/a11y";
import { commandSocket } from "../support/command-socket";
import { addBoardFixture, addStaff, createEventFixture, signIn } from "../support/fixtures";
import { projector } from "../support/viewports";

// Screenshots for people to look at, outside the repository.
const shots = process.env.WALL_SHOTS ?? "e2e/.artifacts/wall-keys";
const laptop = { viewport: { width: 1280, height: 720 } };

/** A journey board with notes put there by a facilitator's own socket, in order, per column. */
async function boardWithNotes(columns: Record<"magic-moments" | "miserable-moments", string[]>) {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { title: "Park journey", template: "journey" });
  const facilitator = await addStaff(event.id, "facilitator");
  const socket = await commandSocket(event.id, facilitator.id);
  for (const [column, texts] of Object.entries(columns))
    for (const text of texts) await socket.command("note:create", { boardId: board.id, column, text, colour: "yellow" });
  socket.close();
  return { event, board, facilitator };
}

const note = (page: Page, text: string) => page.getByTestId("wall-note").filter({ hasText: text });
const focusedNoteText = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest("[data-wall-focus]")?.textContent ?? null);
const focusIsNote = (page: Page) =>
  page.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute("data-wall-focus") ?? null);

test("keyboard only: a note is one tab stop, two key presses group neighbours and focus stays on the note, then a vote and presenter mode", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const texts = ["Friendly staff", "Clean toilets", "Shady benches", "Good signs", "Dog area"];
  const { event, board, facilitator } = await boardWithNotes({
    "magic-moments": texts,
    "miserable-moments": ["Long queue", "Locked gate", "No bins", "Muddy path"],
  });
  const [team] = await briefTeams(event.id, [{ title: "Love Your Space", success: "- It works", owner: "Parks lead" }]);
  if (!team) throw new Error("no team");
  const member = await browser.newContext(projector);
  await memberOf(member, event.id, team.id, "Alice");

  const desk = await browser.newContext(projector);
  await signIn(desk, facilitator.id);
  const page = await desk.newPage();
  await page.goto(`/f/${event.slug}/b/${board.id}`);
  await expect(page.getByTestId("wall-note")).toHaveCount(9);
  const projectorContext = await browser.newContext(projector);
  await signIn(projectorContext, facilitator.id);
  const screen = await projectorContext.newPage();
  await screen.goto(`/s/${event.slug}/b/${board.id}`);
  await expect(screen.getByTestId("wall-note")).toHaveCount(9);

  let presses = 0;
  const press = async (key: string) => {
    presses++;
    await page.keyboard.press(key);
  };

  // From the top of the page: the skip link to the board, then one Tab lands on the first note.
  await press("Tab");
  await expect(page.getByRole("link", { name: "Skip to the board" })).toBeFocused();
  await press("Enter");
  await press("Tab");
  await expect.poll(() => focusedNoteText(page)).toContain("Friendly staff");
  const toFirstNote = presses;

  // The whole wall is one tab stop: every other note is out of the Tab order.
  await expect(page.locator('[data-wall-focus][tabindex="0"]')).toHaveCount(1);
  await expect(page.locator('[data-wall-focus][tabindex="-1"]')).toHaveCount(8);

  // Group two neighbours: ↓ to the next note, G groups it with the note above.
  presses = 0;
  await press("ArrowDown");
  await expect.poll(() => focusedNoteText(page)).toContain("Clean toilets");
  await press("g");
  await expect(page.getByTestId("wall-group")).toHaveCount(1);
  await expect(page.getByTestId("wall-group")).toContainText("Friendly staff");
  await expect(page.getByTestId("wall-group")).toContainText("Clean toilets");
  await expect(screen.getByTestId("wall-group")).toHaveCount(1);
  const grouping = presses;
  expect(grouping).toBeLessThanOrEqual(4);
  // The grouped note was drawn anew inside its group; focus came back to it, not to the top of the page.
  const cleanId = await note(page, "Clean toilets").getAttribute("data-note-id");
  await expect.poll(() => focusIsNote(page)).toBe(cleanId);
  await expect(page.getByTestId("wall-announcer")).toHaveText("Grouped with Friendly staff");

  // Alt+→ moves the note to the next column; focus follows it there.
  await press("ArrowDown");
  await expect.poll(() => focusedNoteText(page)).toContain("Shady benches");
  await press("Alt+ArrowRight");
  await expect(
    page.getByRole("region", { name: "Miserable moments" }).getByTestId("wall-note").filter({ hasText: "Shady benches" }),
  ).toBeVisible();
  await expect(
    screen.getByRole("region", { name: "Miserable moments" }).getByTestId("wall-note").filter({ hasText: "Shady benches" }),
  ).toBeVisible();
  const benchesId = await note(page, "Shady benches").getAttribute("data-note-id");
  await expect.poll(() => focusIsNote(page)).toBe(benchesId);
  // U takes "Clean toilets" back out of its group: ← to the first column, ↑ to it… then U.
  await press("ArrowLeft");
  await press("Home");
  await press("ArrowDown");
  await expect.poll(() => focusIsNote(page)).toBe(cleanId);
  await press("u");
  await expect(page.getByTestId("wall-group")).toHaveCount(0);
  await expect.poll(() => focusIsNote(page)).toBe(cleanId);
  // …and G again puts it back, still from the same note.
  await press("g");
  await expect(page.getByTestId("wall-group")).toHaveCount(1);
  await expect.poll(() => focusIsNote(page)).toBe(cleanId);

  // The group is reached from its notes: R names it and Enter comes back to the note; Shift+X ticks it.
  await press("r");
  await expect(page.getByLabel("Group title")).toBeFocused();
  await page.keyboard.type("Good service");
  await press("Enter");
  await expect.poll(() => focusIsNote(page)).toBe(cleanId);
  await expect(screen.getByTestId("wall-group")).toContainText("Good service");
  await press("Shift+X");
  await expect(page.getByRole("checkbox", { name: "Select group: Good service" })).toBeChecked();
  await expect(page.getByTestId("wall-announcer")).toHaveText("Group selected: Good service");
  await press("Shift+X");
  await expect(page.getByRole("checkbox", { name: "Select group: Good service" })).not.toBeChecked();
  // Escape in the title gives up the change and also comes back.
  await press("F2");
  await expect(page.getByLabel("Group title")).toBeFocused();
  await page.keyboard.type("Something else");
  await press("Escape");
  await expect.poll(() => focusIsNote(page)).toBe(cleanId);
  await expect(page.getByLabel("Group title")).toHaveValue("Good service");
  // Nothing else on the wall is a tab stop: a group's title and tick, like a note's buttons, are reached from a note.
  const otherStops = await page
    .getByTestId("wall-columns")
    .evaluate(
      (wall) =>
        [...wall.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, [tabindex]")].filter(
          (el) => el.tabIndex >= 0 && !el.closest('[data-wall-focus][tabindex="0"]'),
        ).length,
    );
  expect(otherStops).toBe(0);

  // The shortcuts are listed on the page, and the note announces them.
  await expect(page.getByText("Keyboard shortcuts")).toBeVisible();
  await expect(note(page, "Clean toilets")).toHaveAttribute("aria-keyshortcuts", /Alt\+ArrowRight/);
  await expectAccessible(page);
  for (const size of [laptop.viewport, projector.viewport]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${shots}/focus-on-note-${size.width}x${size.height}.png` });
  }
  await page.setViewportSize(projector.viewport);

  // Start a vote from the focused note: Tab on to the vote form's first field, Enter submits it.
  presses = 0;
  const dots = page.getByLabel("Dots each");
  for (let i = 0; i < 30 && !(await dots.evaluate((el) => el === document.activeElement)); i++) await press("Tab");
  await expect(dots).toBeFocused();
  await press("Enter");
  await expect(page.getByText("Voting is open")).toBeVisible();
  await expect(screen.getByTestId("screen-vote")).toContainText("Vote now on your phone");
  const vote = presses;

  // Presenter mode, keys counted: one → starts the first team, → again opens its questions.
  const presenter = await desk.newPage();
  await presenter.goto(`/f/${event.slug}/presentations`);
  await expect(presenter.getByTestId("order-item")).toHaveCount(1);
  presses = 0;
  await presenter.keyboard.press("ArrowRight");
  presses++;
  await expect(presenter.getByRole("region", { name: "Presenter" })).toContainText("Presenting · 1 of 1");
  await presenter.keyboard.press("ArrowRight");
  presses++;
  await expect(presenter.getByRole("region", { name: "Presenter" })).toContainText("Questions · 1 of 1");
  const presenterMode = presses;

  console.log(
    `wall keys: ${toFirstNote} presses from the top of the page to the first note; grouping ${grouping}; starting a vote from a note ${vote}; presenter mode ${presenterMode} (start + questions)`,
  );
  await Promise.all([desk.close(), projectorContext.close(), member.close()]);
});

/** Presses on a note and moves to a point over another element, without letting go. */
async function pickUp(page: Page, from: Locator) {
  const box = await from.boundingBox();
  if (!box) throw new Error("no box");
  await page.mouse.move(box.x + box.width / 2, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 8, box.y + 20, { steps: 3 });
}
/**
 * Moves a held note over part of a target until the wall shows `shows`. Chromium drops a drag-over
 * that arrives while the last one is still being handled, so the final point is offered again (one
 * pixel apart, so it counts as a move) until the page has seen it.
 */
async function over(page: Page, target: Locator, at: "middle" | "top", shows: () => Promise<void>) {
  const box = await target.boundingBox();
  if (!box) throw new Error("no box");
  const x = box.x + box.width / 2;
  // Come in from above for the top edge, so the pointer never crosses the note's middle on the way.
  if (at === "top") await page.mouse.move(x, box.y - 12, { steps: 6 });
  const y = at === "middle" ? box.y + box.height / 2 : box.y + 4;
  await page.mouse.move(x, y, { steps: at === "top" ? 2 : 6 });
  await holdAt(page, x, y, shows);
}
async function holdAt(page: Page, x: number, y: number, shows: () => Promise<void>) {
  let nudge = 1;
  await expect(async () => {
    nudge = -nudge;
    await page.mouse.move(x + nudge, y);
    await shows();
  }).toPass({ timeout: 15_000 });
}

test("dragging with the mouse: the middle of a note says 'will group', an edge or an empty column 'will move here', and a second laptop sees it", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { event, board, facilitator } = await boardWithNotes({
    "magic-moments": ["Friendly staff", "Clean toilets", "Shady benches"],
    "miserable-moments": ["Long queue"],
  });
  const desk = await browser.newContext(laptop);
  await signIn(desk, facilitator.id);
  const page = await desk.newPage();
  await page.goto(`/f/${event.slug}/b/${board.id}`);
  const other = await browser.newContext(projector);
  await signIn(other, facilitator.id);
  const second = await other.newPage();
  await second.goto(`/f/${event.slug}/b/${board.id}`);
  await expect(page.getByTestId("wall-note")).toHaveCount(4);
  await expect(second.getByTestId("wall-note")).toHaveCount(4);

  // Pick up "Clean toilets": nothing on the wall moves when the drag starts.
  const staffBefore = await note(page, "Friendly staff").boundingBox();
  const benchesBefore = await note(page, "Shady benches").boundingBox();
  await pickUp(page, note(page, "Clean toilets"));
  await expect(note(page, "Clean toilets")).toHaveAttribute("data-dragging", "yes");
  await expect(page.getByTestId("wall-announcer")).toContainText("Picked up note: Clean toilets");
  expect(await note(page, "Friendly staff").boundingBox()).toEqual(staffBefore);
  expect(await note(page, "Shady benches").boundingBox()).toEqual(benchesBefore);

  // Over the middle of "Friendly staff": it says it will group, and dropping groups.
  const indicator = page.getByTestId("drop-indicator");
  await over(page, note(page, "Friendly staff"), "middle", () => expect(indicator).toHaveText("Will group", { timeout: 1_000 }));
  await expect(note(page, "Friendly staff").getByTestId("drop-indicator")).toBeVisible();
  await expect(page.getByTestId("wall-announcer")).toHaveText("Will group with Friendly staff");
  await page.screenshot({ path: `${shots}/drag-will-group-1280x720.png` });
  await page.mouse.up();
  await expect(page.getByTestId("wall-group")).toHaveCount(1);
  await expect(page.getByTestId("wall-group")).toContainText("Clean toilets");
  await expect(second.getByTestId("wall-group")).toContainText("Clean toilets");
  await expect(indicator).toHaveCount(0);

  // Onto the top edge of "Long queue", in the other column: a line says it will move there.
  await pickUp(page, note(page, "Shady benches"));
  await over(page, note(page, "Long queue"), "top", () =>
    expect(indicator).toHaveAttribute("data-drop", "before", { timeout: 1_000 }),
  );
  await expect(indicator).toHaveText("Will move here");
  await expect(page.getByTestId("wall-announcer")).toContainText("Will move before Long queue");
  await page.screenshot({ path: `${shots}/drag-will-move-1280x720.png` });
  await page.mouse.up();
  const miserable = (p: Page) => p.getByRole("region", { name: "Miserable moments" }).getByTestId("wall-note");
  await expect(miserable(page)).toHaveText([/Shady benches/, /Long queue/]);
  await expect(miserable(second)).toHaveText([/Shady benches/, /Long queue/]);
  await expect(page.getByTestId("wall-announcer")).toHaveText("Moved to column Miserable moments");

  // On the other laptop (1920 wide), into a column's empty space: the end line, and the note goes last.
  await pickUp(second, note(second, "Friendly staff"));
  const column = second.getByRole("region", { name: "Miserable moments" });
  const box = await column.boundingBox();
  if (!box) throw new Error("no column");
  const end = { x: box.x + box.width / 2, y: box.y + box.height - 10 };
  await second.mouse.move(end.x, end.y, { steps: 6 });
  const indicatorThere = second.getByTestId("drop-indicator");
  await holdAt(second, end.x, end.y, () => expect(indicatorThere).toHaveAttribute("data-drop", "end", { timeout: 1_000 }));
  await expect(indicatorThere).toBeVisible();
  await expect(second.getByTestId("wall-announcer")).toHaveText("Will move to the end of Miserable moments");
  await second.screenshot({ path: `${shots}/drag-will-move-end-1920x1080.png` });
  await second.mouse.up();
  await expect(miserable(second)).toHaveText([/Shady benches/, /Long queue/, /Friendly staff/]);
  await expect(miserable(page)).toHaveText([/Shady benches/, /Long queue/, /Friendly staff/]);
  await expectAccessible(page);
  await Promise.all([desk.close(), other.close()]);
});

test("on a touch tablet, a note dragged onto another groups it and one dragged to a column's edge moves it", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const { event, board, facilitator } = await boardWithNotes({
    "magic-moments": ["Friendly staff", "Clean toilets"],
    "miserable-moments": ["Long queue"],
  });
  // A tablet: touch emulated, mobile viewport rules. Headless Chromium can't start the browser's own
  // drag and drop from synthetic touch points (phones and tablets start it by a long press), so the
  // pointer drives the same drag; what this proves is that nothing on a touch device blocks it.
  const tablet = await browser.newContext({ viewport: { width: 1024, height: 768 }, hasTouch: true, isMobile: true });
  await signIn(tablet, facilitator.id);
  const page = await tablet.newPage();
  await page.goto(`/f/${event.slug}/b/${board.id}`);
  await expect(page.getByTestId("wall-note")).toHaveCount(3);

  await pickUp(page, note(page, "Clean toilets"));
  const indicator = page.getByTestId("drop-indicator");
  await over(page, note(page, "Friendly staff"), "middle", () => expect(indicator).toHaveText("Will group", { timeout: 1_000 }));
  await page.mouse.up();
  await expect(page.getByTestId("wall-group")).toContainText("Clean toilets");

  await pickUp(page, note(page, "Long queue"));
  await over(page, note(page, "Friendly staff"), "top", () =>
    expect(indicator).toHaveAttribute("data-drop", "before", { timeout: 1_000 }),
  );
  await page.mouse.up();
  // "Long queue" left its column for the other one.
  await expect(page.getByRole("region", { name: "Magic moments" }).getByTestId("wall-note")).toHaveCount(3);
  await expect(page.getByRole("region", { name: "Miserable moments" }).getByTestId("wall-note")).toHaveCount(0);
  await page.screenshot({ path: `${shots}/drag-tablet-1024x768.png` });
  await tablet.close();
});
