import { expect, test } from "@playwright/test";
import { addBoardFixture, addStaff, createEventFixture, signIn } from "../support/fixtures";

test("tick boxes beside long labels keep their size on the facilitator's board page", async ({ browser }) => {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { template: "ideas" });
  const facilitator = await addStaff(event.id, "facilitator");
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(laptop, facilitator.id);
  const page = await laptop.newPage();
  await page.goto(`/f/${event.slug}/b/${board.id}`);

  // A squeezed box is narrower than it is tall, and smaller than the others: hard to hit, looks broken.
  for (const label of ["Locked", "Anonymous", "Hidden until reveal", "Show tallies while people vote"]) {
    const box = await page.getByLabel(label).boundingBox();
    expect(box, label).not.toBeNull();
    expect(Math.round(box?.width ?? 0), label).toBe(Math.round(box?.height ?? -1));
  }
});
