/**
 * A leave the server refuses (here: the person's commands are over the rate limit for a few
 * seconds) comes back with the "also delete my notes" tick as it was sent, without JavaScript: the
 * next tap leaves as they chose, notes deleted, instead of leaving them on the boards.
 */
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { notes } from "@/db/schema";
import { addBoardFixture, createEventFixture, db, joinAs } from "../support/fixtures";
import { participantSocket } from "../support/participant-socket";
import { phone } from "../support/viewports";

test.use(phone);

test("a refused leave keeps the 'also delete my notes' tick, so the next tap deletes them", async ({ browser }) => {
  test.setTimeout(120_000);
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id);
  const context = await browser.newContext({ ...phone, javaScriptEnabled: false });
  await joinAs(context, event.id, "Yara");
  const socket = await participantSocket(context, event.id);
  try {
    const note = await socket.timeout(10_000).emitWithAck("note:create", {
      id: crypto.randomUUID(),
      payload: { boardId: board.id, column: board.columns[0]!.key, text: "Yara's bench idea" },
    });
    expect(note).toMatchObject({ ok: true });

    const page = await context.newPage();
    await page.goto(`/p/${event.slug}/me`);
    await page.getByRole("button", { name: "Leave the event…" }).click();
    await page.getByLabel("Also delete the notes I wrote").check();
    // The person's allowance of commands for the next few seconds, spent: the leave is refused.
    await Promise.all(
      Array.from({ length: 65 }, () =>
        socket.timeout(10_000).emitWithAck("event:time", { id: crypto.randomUUID(), payload: {} }),
      ),
    );
    await page.getByRole("button", { name: "Yes, leave the event" }).click();
    await expect(page.getByRole("alert")).toHaveText("Slow down a little and try again.");
    await expect(page.getByLabel("Also delete the notes I wrote")).toBeChecked();

    // Tapped again (and again, until the allowance is back), as the page stands: it leaves, notes deleted.
    await expect(async () => {
      if (!page.url().includes("/j?left=1")) await page.getByRole("button", { name: "Yes, leave the event" }).click();
      await expect(page).toHaveURL(/\/j\?left=1$/, { timeout: 2_000 });
    }).toPass({ timeout: 60_000 });
    expect(await (await db()).read.select().from(notes).where(eq(notes.text, "Yara's bench idea"))).toEqual([]);
  } finally {
    socket.close();
    await context.close();
  }
});
