import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { notes, voteRounds, votes } from "@/db/schema";
import { joinEvent } from "@/lib/participants/join-event";
import { expectAccessible } from "../support/a11y";
import { commandSocket } from "../support/command-socket";
import { addBoardFixture, addStaff, createEventFixture, db, signIn } from "../support/fixtures";

/** Screenshots to look at, not to diff. */
const shots = "e2e/.artifacts/screenshots/votes";

const sizes = [
  { width: 1920, height: 1080 },
  { width: 1280, height: 720 },
];

/** Ideas as people write them on a phone: long, run-on, one without a space, one in Arabic. */
const long = [
  "Open the community centre's kitchen on Sunday evenings so that families who cannot cook at home can make a hot meal together, with a volunteer rota, a food-hygiene course paid by the council and a shared shopping list",
  "A walking bus to the primary school from the estate every morning, with parents taking turns, high-visibility jackets from the council, and a lollipop person at the crossing by the petrol station where cars go too fast",
  "https://example.org/a-very-long-link-that-someone-pasted-into-a-note-without-any-spaces-at-all-and-that-goes-on-and-on",
  "حديقة مجتمعية على سطح المكتبة يعتني بها السكان مع دروس في الزراعة للأطفال في عطلة نهاية الأسبوع وسوق صغير للخضار",
  "Free wifi in the park by the bandstand, so the young people who meet there in the evening can do their homework and the older residents can video-call their families, with a bench under a light",
];

/**
 * A board of 40 voted notes, long ones among them, its vote revealed with a shortlist of 8 (dots
 * 12 down to 5 on the first eight, fewer on the rest), added straight to the database as a busy
 * afternoon leaves it.
 */
async function revealedVote(eventId: string) {
  const board = await addBoardFixture(eventId, { title: "Ideas for the estate", template: "ideas" });
  const database = await db();
  const people: string[] = [];
  for (let i = 0; i < 14; i++) {
    people.push((await database.transact((tx) => joinEvent(tx, { eventId, displayName: `Voter ${i + 1}` }))).participantId);
  }
  const noteIds = Array.from({ length: 40 }, () => randomUUID());
  const dotsOn = (i: number) => (i < 8 ? 12 - i : (i % 4) + 1);
  const roundId = randomUUID();
  await database.transact(async (tx) => {
    for (const [i, id] of noteIds.entries()) {
      await tx.insert(notes).values({
        id,
        boardId: board.id,
        column: board.columns[i % board.columns.length]?.key as string,
        text: `${long[i % long.length]} (${i + 1})`,
        colour: "yellow",
        position: i,
      });
    }
    await tx.insert(voteRounds).values({ id: roundId, boardId: board.id, eventId, dotsPerPerson: 20, maxPerTarget: 1 });
    // Each dot from whoever has given fewest so far and none to this note yet.
    const given = people.map(() => 0);
    for (const [i, targetId] of noteIds.entries()) {
      const voters = people
        .map((_, p) => p)
        .sort((a, b) => (given[a] as number) - (given[b] as number) || a - b)
        .slice(0, dotsOn(i));
      for (const p of voters) {
        await tx.insert(votes).values({
          id: randomUUID(),
          roundId,
          voterKey: `p:${people[p]}`,
          targetId,
          slot: given[p] as number,
          placeOnTarget: 0,
        });
        given[p] = (given[p] as number) + 1;
      }
    }
    await tx
      .update(voteRounds)
      .set({ status: "revealed", closedAt: Date.now(), revealedAt: Date.now() })
      .where(eq(voteRounds.id, roundId));
  });
  return board;
}

/** Every shortlisted row wholly inside the viewport, its words cut to two lines at most, in their own direction. */
async function expectShortlistOnScreen(page: Page) {
  const ranking = page.getByTestId("vote-ranking");
  await expect(ranking).toBeVisible();
  const shortlisted = ranking.getByTestId("shortlisted");
  await expect(shortlisted).toHaveCount(8);
  const viewport = page.viewportSize() as { width: number; height: number };
  for (const box of await shortlisted.evaluateAll((rows) =>
    rows.map((r) => {
      const b = r.getBoundingClientRect();
      return { top: b.top, bottom: b.bottom, left: b.left, right: b.right };
    }),
  )) {
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.bottom).toBeLessThanOrEqual(viewport.height + 0.5);
    expect(box.right).toBeLessThanOrEqual(viewport.width + 0.5);
  }
  // Nothing of the ranking runs under the screen's edge: what does not fit is counted.
  const last = await ranking
    .locator("li")
    .last()
    .evaluate((li) => li.getBoundingClientRect().bottom);
  expect(last).toBeLessThanOrEqual(viewport.height + 0.5);
  await expect(ranking.getByTestId("ranking-more")).toContainText(/more with dots/);
  const texts = ranking.getByTestId("ranked-text");
  for (const dir of await texts.evaluateAll((els) => els.map((el) => el.getAttribute("dir")))) expect(dir).toBe("auto");
  // Two lines at most: a 280-character note takes no more room than that.
  const taller = await texts.evaluateAll(
    (els) => els.filter((el) => el.clientHeight > 2 * Number.parseFloat(getComputedStyle(el).lineHeight) + 1).length,
  );
  expect(taller).toBe(0);
}

test("a revealed vote of 40 long notes on the projector shows every shortlisted row at 1920×1080 and 1280×720, the rest counted", async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const event = await createEventFixture();
  const facilitator = await addStaff(event.id, "facilitator");
  const board = await revealedVote(event.id);
  const socket = await commandSocket(event.id, facilitator.id);
  await socket.command("screen:show", { wall: { kind: "votes", boardId: board.id }, nudge: false });
  socket.close();

  for (const viewport of sizes) {
    const hall = await browser.newContext({ viewport });
    await signIn(hall, facilitator.id);
    const screen = await hall.newPage();
    // The big screen's votes wall.
    await screen.goto(`/s/${event.slug}`);
    await expect(screen.getByTestId("big-screen")).toHaveAttribute("data-wall", "votes");
    await expectShortlistOnScreen(screen);
    await screen.screenshot({ path: `${shots}/votes-wall-40-${viewport.width}x${viewport.height}.png` });
    // The board projected on its own, its vote revealed.
    await screen.goto(`/s/${event.slug}/b/${board.id}`);
    await expectShortlistOnScreen(screen);
    await screen.screenshot({ path: `${shots}/projected-board-votes-40-${viewport.width}x${viewport.height}.png` });
    if (viewport.width === 1920) await expectAccessible(screen);
    await hall.close();
  }
});
