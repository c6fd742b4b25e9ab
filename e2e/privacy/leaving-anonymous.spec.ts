import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { boards, notes } from "@/db/schema";
import { addBoardFixture, createEventFixture, db, phonesOnBoard } from "../support/fixtures";

test("someone leaving with their notes on an anonymous board: the room cannot tell which were theirs, and the notes still go", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { template: "ideas", title: "Where we feel unsafe" });
  await (await db()).transact((tx) => tx.update(boards).set({ anonymous: true }).where(eq(boards.id, board.id)));

  const phones = await phonesOnBoard(browser, event, board.id, ["Amira", "Ben"]);
  const [amira, ben] = phones as [(typeof phones)[number], (typeof phones)[number]];
  await amira.page.getByRole("textbox").first().fill("The underpass at night");
  await amira.page.getByRole("button", { name: "Add note" }).click();
  const onBensBoard = ben.page.getByTestId("note").filter({ hasText: "The underpass at night" });
  await expect(onBensBoard).toHaveCount(1);

  // Amira leaves and asks for her notes to go; the form says when the unsigned ones go.
  await amira.page.goto(`/p/${event.slug}/me`);
  await amira.page.getByRole("checkbox", { name: "Also delete the notes I wrote" }).check();
  await expect(amira.page.getByRole("checkbox", { name: "Also delete the notes I wrote" })).toHaveAccessibleDescription(
    "Notes on anonymous boards, and a young person's pins on maps, go a few minutes later, each at its own moment, so nobody can tell which were yours.",
  );
  await amira.page.getByRole("button", { name: "Leave the event…" }).click();
  await amira.page.getByRole("button", { name: "Yes, leave the event" }).click();
  await expect(amira.page).toHaveURL(/\/j\?left=1$/);

  // Her leaving does not take the note off Ben's board with it…
  const [row] = await (await db()).read.select().from(notes).where(eq(notes.boardId, board.id));
  expect(row?.eraseAt).toBeGreaterThan(Date.now());
  await ben.page.reload();
  await expect(onBensBoard).toHaveCount(1);

  // …its own moment does, on Ben's open board, without a reload.
  await (await db()).transact((tx) =>
    tx
      .update(notes)
      .set({ eraseAt: Date.now() - 1 })
      .where(eq(notes.boardId, board.id)),
  );
  await expect(onBensBoard).toHaveCount(0, { timeout: 20_000 });
  expect(await (await db()).read.select().from(notes).where(eq(notes.boardId, board.id))).toEqual([]);
  for (const p of phones) await p.context.close();
});
