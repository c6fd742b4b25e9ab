import { randomUUID } from "node:crypto";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { noteGroups, notes } from "@/db/schema";
import { expectAccessible } from "../support/a11y";
import { commandSocket } from "../support/command-socket";
import { addBoardFixture, addStaff, createEventFixture, db, joinAs, signIn } from "../support/fixtures";
import { projector } from "../support/viewports";
import { addTeam } from "../teams/support";

/** The smallest note text on a projector at 1080p: 1.25 rem of the big screen (lib/boards/wall-layout.ts). */
const minimumFontPx = 20;
/** Screenshots to look at, not to diff. */
const shots = "e2e/.artifacts/screenshots/wall";

const sizes = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];

const ideas = [
  "More shade by the playground",
  "A bench facing the river",
  "Late bus on Saturdays so the young ones get home safe after the youth club closes",
  "Free repair café",
  "Murals by local kids",
  "Bins that foxes can't open",
  "A notice board for swaps",
  "Quiet hour at the library",
];

/**
 * A board of `count` notes in three columns, a few of them grouped (groups of 3 to 6), added
 * straight to the database as a busy morning would leave it.
 */
async function seedBoard(eventId: string, count: number) {
  const board = await addBoardFixture(eventId, { title: `A morning of ${count} ideas`, template: "learning" });
  // Per column, the sizes of its groups (5 groups in all); a group lives in one column.
  const columnGroups = [[5, 4], [6], [3, 3]].map((sizes) => sizes.map((size) => ({ size, id: randomUUID() })));
  await (await db()).transact(async (tx) => {
    for (const [i, group] of columnGroups.flat().entries())
      await tx.insert(noteGroups).values({ id: group.id, boardId: board.id, title: `Theme ${i + 1}` });
    for (let i = 0; i < count; i++) {
      const c = i % 3;
      const k = Math.floor(i / 3);
      // The first notes of each column fill its groups, in turn: group j holds the notes from the sizes before it.
      const groups = columnGroups[c] ?? [];
      const group = groups.find((g, j) => {
        const start = groups.slice(0, j).reduce((sum, before) => sum + before.size, 0);
        return k >= start && k < start + g.size;
      });
      await tx.insert(notes).values({
        id: randomUUID(),
        boardId: board.id,
        column: board.columns[c]?.key as string,
        text: `${i + 1}. ${ideas[i % ideas.length]}`,
        colour: (["yellow", "pink", "blue", "green", "orange"] as const)[i % 5],
        position: i,
        groupId: group?.id ?? null,
      });
    }
  });
  return board;
}

/** Every note fully on screen and inside its column (nothing cut off by the column's edge). */
async function expectEveryNoteOnScreen(page: Page, count: number) {
  const wallNotes = page.getByTestId("wall-note");
  await expect(wallNotes).toHaveCount(count);
  const viewport = page.viewportSize() as { width: number; height: number };
  const boxes = await page.getByTestId("wall-column").evaluateAll((columns) =>
    columns.flatMap((column) => {
      const c = column.getBoundingClientRect();
      return [...column.querySelectorAll('[data-testid="wall-note"]')].map((n) => {
        const b = n.getBoundingClientRect();
        return {
          column: { top: c.top, bottom: c.bottom, left: c.left, right: c.right },
          note: { top: b.top, bottom: b.bottom, left: b.left, right: b.right },
        };
      });
    }),
  );
  expect(boxes).toHaveLength(count);
  for (const { column, note } of boxes) {
    expect(note.top).toBeGreaterThanOrEqual(0);
    expect(note.left).toBeGreaterThanOrEqual(0);
    expect(note.bottom).toBeLessThanOrEqual(viewport.height + 0.5);
    expect(note.right).toBeLessThanOrEqual(viewport.width + 0.5);
    expect(note.bottom).toBeLessThanOrEqual(column.bottom + 0.5);
    expect(note.right).toBeLessThanOrEqual(column.right + 0.5);
  }
}

async function noteFontSizes(texts: Locator) {
  return texts.evaluateAll((els) => els.map((el) => Number.parseFloat(getComputedStyle(el).fontSize)));
}

test("a board of 100 notes in 3 columns with groups fits a 1080p projector, every note readable, and the facilitator's wall holds it in a grid", async ({
  browser,
}) => {
  // Two pages of 100 notes and axe on both: minutes on a busy 2-core machine.
  test.setTimeout(240_000);
  const event = await createEventFixture();
  const facilitator = await addStaff(event.id, "facilitator");
  const board = await seedBoard(event.id, 100);

  const hall = await browser.newContext(projector);
  await signIn(hall, facilitator.id);
  const screen = await hall.newPage();
  await screen.goto(`/s/${event.slug}/b/${board.id}`);
  await expectEveryNoteOnScreen(screen, 100);
  await expect(screen.getByTestId("wall-group")).toHaveCount(5);
  await expect(screen.getByTestId("wall-page")).toHaveCount(0);
  const sizesPx = await noteFontSizes(screen.getByTestId("wall-note-text"));
  expect(sizesPx).toHaveLength(100);
  expect(Math.min(...sizesPx)).toBeGreaterThanOrEqual(minimumFontPx);
  // A long note ends in an ellipsis on its card rather than running over the next one.
  const long = screen.getByTestId("wall-note-text").filter({ hasText: "Late bus on Saturdays" }).first();
  expect(await long.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
  await screen.screenshot({ path: `${shots}/projected-board-100-1920x1080.png` });

  // The same board as the room's wall on the big screen.
  const socket = await commandSocket(event.id, facilitator.id);
  await socket.command("screen:show", { wall: { kind: "board", boardId: board.id } });
  await screen.goto(`/s/${event.slug}`);
  await expect(screen.getByTestId("big-screen")).toHaveAttribute("data-wall", "board");
  await expectEveryNoteOnScreen(screen, 100);
  expect(Math.min(...(await noteFontSizes(screen.getByTestId("wall-note-text"))))).toBeGreaterThanOrEqual(minimumFontPx);
  await screen.screenshot({ path: `${shots}/board-wall-100-1920x1080.png` });

  // The facilitator's laptop: the same notes as cards in a grid, several across in each column.
  const laptop = await browser.newContext(projector);
  await signIn(laptop, facilitator.id);
  const desk = await laptop.newPage();
  await desk.goto(`/f/${event.slug}/b/${board.id}`);
  await expect(desk.getByTestId("wall-note")).toHaveCount(100);
  const lefts = await desk
    .getByTestId("wall-column")
    .first()
    .locator("> ul > li:not([data-testid=wall-group]) [data-testid=wall-note]")
    .evaluateAll((els) => new Set(els.map((el) => Math.round(el.getBoundingClientRect().left))).size);
  expect(lefts).toBeGreaterThanOrEqual(2);
  // With a mouse a note is its words until pointed at: over half the board on one screen (33 with
  // every note's buttons showing), and pointing at a note brings its buttons.
  await desk.getByTestId("wall-columns").evaluate((el) => el.scrollIntoView({ block: "start" }));
  const onScreen = await desk
    .getByTestId("wall-note")
    .evaluateAll((els) =>
      els.filter((el) => {
        const b = el.getBoundingClientRect();
        return b.top >= 0 && b.bottom <= window.innerHeight;
      }),
    )
    .then((els) => els.length);
  expect(onScreen).toBeGreaterThanOrEqual(50);
  const pointed = desk.getByTestId("wall-note").nth(3);
  const tools = pointed.getByTestId("note-tools");
  await expect(tools).toHaveCSS("opacity", "0");
  await pointed.hover();
  await expect(tools).toHaveCSS("opacity", "1");
  await tools.getByRole("checkbox").check();
  await expect(pointed).toHaveAttribute("data-selected", "yes");
  // The tick stays seen once the pointer and focus have gone.
  await desk.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await desk.mouse.move(0, 0);
  await expect(tools).toHaveCSS("opacity", "0");
  await expect(pointed.getByText("✓")).toBeVisible();
  await desk.screenshot({ path: `${shots}/facilitator-board-100-1920x1080.png`, fullPage: true });
  await expectAccessible(desk);
  await expectAccessible(screen);
  socket.close();
});

test("a board bigger than one screen turns pages on the projector, never cutting a note off", async ({ browser }) => {
  const event = await createEventFixture();
  const facilitator = await addStaff(event.id, "facilitator");
  const board = await seedBoard(event.id, 250);
  const hall = await browser.newContext(projector);
  await signIn(hall, facilitator.id);
  const screen = await hall.newPage();
  await screen.goto(`/s/${event.slug}/b/${board.id}`);
  const pageLabel = screen.getByTestId("wall-page");
  await expect(pageLabel).toContainText(/Page 1 of [2-9]/);
  const onFirst = await screen.getByTestId("wall-note").count();
  expect(onFirst).toBeLessThan(250);
  await expectEveryNoteOnScreen(screen, onFirst);
  expect(Math.min(...(await noteFontSizes(screen.getByTestId("wall-note-text"))))).toBeGreaterThanOrEqual(minimumFontPx);
  // Note 250 is not on the first page; the pages turn by themselves until it is.
  await expect(screen.getByTestId("wall-note").filter({ hasText: /^250\./ })).toHaveCount(0);
  await expect(pageLabel).toContainText(/Page 2 of/, { timeout: 30_000 });
  await expectEveryNoteOnScreen(screen, await screen.getByTestId("wall-note").count());
  await screen.screenshot({ path: `${shots}/projected-board-250-page2-1920x1080.png` });
  await expect(screen.getByTestId("wall-note").filter({ hasText: /^250\./ })).toBeVisible({ timeout: 60_000 });
});

test("screenshots of the board, join and presentations walls at every projector size", async ({ browser }) => {
  // Three walls at four sizes, each checked by axe (4K with 100 notes is slow to analyse).
  test.setTimeout(240_000);
  const event = await createEventFixture();
  const facilitator = await addStaff(event.id, "facilitator");
  const board = await seedBoard(event.id, 100);
  for (const name of ["Our Street", "Neighbourhood Storytellers", "Pop-up Library"]) await addTeam(event.id, name);
  const phone = await browser.newContext();
  await joinAs(phone, event.id, "Amira");
  const socket = await commandSocket(event.id, facilitator.id);
  const context = await browser.newContext(projector);
  await signIn(context, facilitator.id);
  const screen = await context.newPage();
  for (const wall of [
    { kind: "board", boardId: board.id } as const,
    { kind: "join" } as const,
    { kind: "presentations" } as const,
  ]) {
    await socket.command("screen:show", { wall });
    await screen.goto(`/s/${event.slug}`);
    await expect(screen.getByTestId("big-screen")).toHaveAttribute("data-wall", wall.kind);
    // Nobody has joined these teams, so none has a slot yet: the wall says why instead of standing empty.
    if (wall.kind === "presentations")
      await expect(screen.getByTestId("wall-order-empty")).toContainText("No team is in the running order yet");
    for (const size of sizes) {
      await screen.setViewportSize(size);
      await expect.poll(() => screen.evaluate(() => window.innerWidth)).toBe(size.width);
      if (wall.kind === "board") {
        await expectEveryNoteOnScreen(screen, await screen.getByTestId("wall-note").count());
        const px = await noteFontSizes(screen.getByTestId("wall-note-text"));
        // The big screen's rem scales with the picture: the minimum is 1.25 rem at any size.
        const rem = await screen.evaluate(() => Number.parseFloat(getComputedStyle(document.documentElement).fontSize));
        expect(Math.min(...px)).toBeGreaterThanOrEqual(1.25 * rem - 0.5);
      }
      await screen.screenshot({ path: `${shots}/${wall.kind}-wall-${size.width}x${size.height}.png` });
      await expectAccessible(screen);
    }
  }
  socket.close();
});
