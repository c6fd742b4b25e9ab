import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { notes } from "@/db/schema";
import { expectAccessible } from "../support/a11y";
import { commandSocket } from "../support/command-socket";
import { addBoardFixture, createEventFixture, db, joinAs } from "../support/fixtures";
import { phone } from "../support/viewports";

/**
 * A long board on a phone is drawn in runs of notes (app/live/board/board-columns.tsx), each run
 * skipping its drawing while off screen. It must still read as one list of every note, and a
 * note that moves from one run to the next as the board changes above it must keep what its
 * author was typing.
 */
test("a phone reads a 45-note board as one list, and an edit in progress survives the notes above it going", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { title: "A long morning", template: "ideas" });
  const column = board.columns[0]?.key as string;
  const context = await browser.newContext(phone);
  const amira = await joinAs(context, event.id, "Amira");
  const ids: string[] = [];
  await (await db()).transact(async (tx) => {
    for (let i = 0; i < 45; i++) {
      const id = randomUUID();
      ids.push(id);
      await tx.insert(notes).values({
        id,
        boardId: board.id,
        column,
        text: `Idea number ${i + 1}`,
        position: i,
        // The 21st note, the first of the second run, is Amira's.
        authorParticipantId: i === 20 ? amira.participantId : null,
      });
    }
  });

  const page = await context.newPage();
  await page.goto(`/p/${event.slug}/b/${board.id}`);
  const list = page.getByRole("list").filter({ has: page.getByTestId("note") });
  await expect(list.getByRole("listitem")).toHaveCount(45);
  // The last note is in the page, though its run has not been drawn yet.
  await expect(page.getByTestId("note").filter({ hasText: "Idea number 45" })).toHaveCount(1);
  await expectAccessible(page);

  // Amira starts editing her note, far down the list.
  await page.getByRole("button", { name: /^Edit note: Idea number 21$/ }).click();
  const box = page.getByLabel("Edit your note");
  await box.fill("Idea number 21, with a bench by the pond");
  await box.pressSequentially(" and shade");

  // A facilitator deletes the first note: Amira's note moves up into the first run.
  const staff = await commandSocket(event.id, event.organiser.id);
  try {
    await staff.command("note:delete", { noteId: ids[0] as string });
    await expect(list.getByRole("listitem")).toHaveCount(44);
    await expect(page.getByText("Idea number 1", { exact: true })).toHaveCount(0);
    // What she typed is still there, and she carries on typing where she was.
    await expect(box).toHaveValue("Idea number 21, with a bench by the pond and shade");
    // Typed at the keyboard, not into the box by name: the focus must still be in it.
    await page.keyboard.type(" trees");
    await expect(box).toHaveValue("Idea number 21, with a bench by the pond and shade trees");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("note").filter({ hasText: "with a bench by the pond and shade trees" })).toBeVisible();
    await expect(box).toHaveCount(0);
  } finally {
    staff.close();
    await context.close();
  }
});

/**
 * On a long board each note follows its own dots (app/live/board/target-votes.tsx): the room's
 * tally reaches a note far down the list, my last dot turns off every other "+", and taking one
 * back turns them on again, all live.
 */
test("a vote on a 45-note board: live tallies reach notes far down, and the last dot turns every + off until one is taken back", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { title: "A long morning", template: "ideas" });
  const column = board.columns[0]?.key as string;
  await (await db()).transact(async (tx) => {
    for (let i = 0; i < 45; i++) {
      await tx.insert(notes).values({ id: randomUUID(), boardId: board.id, column, text: `Idea number ${i + 1}`, position: i });
    }
  });
  const amiraPhone = await browser.newContext(phone);
  const benPhone = await browser.newContext(phone);
  await joinAs(amiraPhone, event.id, "Amira");
  await joinAs(benPhone, event.id, "Ben");
  const amira = await amiraPhone.newPage();
  const ben = await benPhone.newPage();
  await amira.goto(`/p/${event.slug}/b/${board.id}`);
  await ben.goto(`/p/${event.slug}/b/${board.id}`);
  await expect(amira.getByTestId("note")).toHaveCount(45);
  await expect(ben.getByTestId("note")).toHaveCount(45);

  const staff = await commandSocket(event.id, event.organiser.id);
  try {
    await staff.command("vote:open", {
      boardId: board.id,
      dotsPerPerson: 2,
      maxPerTarget: 1,
      targets: "notes",
      talliesLive: true,
    });
    await expect(amira.getByTestId("dots-left")).toHaveText("2 dots");
    const note = (page: typeof amira, n: number) =>
      page.getByTestId("note").filter({ hasText: new RegExp(`^.*Idea number ${n}\\b`) });
    const plus = (page: typeof amira, n: number) =>
      page.getByRole("button", { name: `Add a dot to: Idea number ${n}`, exact: true });

    // Ben's dot on the 44th note shows on Amira's phone, on that note only.
    await plus(ben, 44).click();
    await expect(note(amira, 44).getByTestId("tally")).toHaveText(/1 dot/);
    await expect(note(amira, 43).getByTestId("tally")).toHaveText(/0 dots/);

    // Amira spends both dots: one on the first note, one on the last.
    await plus(amira, 1).click();
    await expect(note(amira, 1).getByTestId("my-dots")).toHaveText("1");
    await expect(amira.getByTestId("dots-left")).toHaveText("1 dot");
    await expect(plus(amira, 30)).toBeEnabled();
    await plus(amira, 45).click();
    await expect(amira.getByTestId("dots-left")).toHaveText("0 dots");
    // Every other + is off, far down the list too.
    for (const n of [2, 21, 30, 44]) await expect(plus(amira, n)).toBeDisabled();
    await expect(note(ben, 45).getByTestId("tally")).toHaveText(/1 dot/);

    // She takes one back: the + buttons are on again, and Ben sees the tally drop.
    await amira.getByRole("button", { name: "Take a dot back from: Idea number 45", exact: true }).click();
    await expect(amira.getByTestId("dots-left")).toHaveText("1 dot");
    for (const n of [2, 21, 30, 44]) await expect(plus(amira, n)).toBeEnabled();
    await expect(note(ben, 45).getByTestId("tally")).toHaveText(/0 dots/);
    await expect(note(amira, 1).getByTestId("my-dots")).toHaveText("1");
  } finally {
    staff.close();
    await amiraPhone.close();
    await benPhone.close();
  }
});
