import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { notes } from "@/db/schema";
import { expectAccessible } from "../support/a11y";
import { commandSocket } from "../support/command-socket";
import { addBoardFixture, createEventFixture, db, joinAs } from "../support/fixtures";
import { phone } from "../support/viewports";

/**
 * A long board on a phone is drawn in runs of notes (app/live/board/phone-board.tsx), each run
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
