import { expect, test } from "@playwright/test";
import { addBoardFixture, addStaff, createEventFixture, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";

test("a facilitator's own note on a hidden board stays hidden on the projector they are signed in on, until the reveal", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { template: "ideas", title: "What worries you" });
  const facilitator = await addStaff(event.id, "facilitator");
  // One account, two screens: the laptop plugged into the projector, and the facilitator's phone.
  const laptop = await browser.newContext(projector);
  await signIn(laptop, facilitator.id);
  const [console_, screen] = await Promise.all([laptop.newPage(), laptop.newPage()]);
  await console_.goto(`/f/${event.slug}/b/${board.id}`);
  await console_.getByLabel("Hidden until reveal").check();
  await expect(console_.getByLabel("Hidden until reveal")).toBeChecked();
  await screen.goto(`/s/${event.slug}/b/${board.id}`);
  const handset = await browser.newContext(phone);
  await signIn(handset, facilitator.id);
  const own = await handset.newPage();
  await own.goto(`/p/${event.slug}/b/${board.id}`);

  // The facilitator starts the wall off with an example, from their phone.
  await own.getByRole("textbox").first().fill("Example: the lights on the towpath");
  await own.getByRole("button", { name: "Add note" }).click();
  await expect(own.getByTestId("note").filter({ hasText: "Example: the lights on the towpath" })).toBeVisible();
  // The projector shows what the room reads: a card, not its words; drawn again, the same.
  await expect(screen.getByText("A note, hidden until the facilitator reveals the board")).toHaveCount(1);
  await expect(screen.getByText("Example: the lights on the towpath")).toHaveCount(0);
  await screen.reload();
  await expect(screen.getByText("A note, hidden until the facilitator reveals the board")).toHaveCount(1);
  await expect(screen.getByText("Example: the lights on the towpath")).toHaveCount(0);
  await screen.screenshot({ path: "e2e/.artifacts/screenshots/projector-hidden-own-note-1920.png" });

  // Revealed: everyone reads it, the projector too.
  await console_.getByRole("button", { name: /^Reveal everyone's notes/ }).click();
  await expect(screen.getByTestId("wall-note").filter({ hasText: "Example: the lights on the towpath" })).toBeVisible();
  await Promise.all([laptop.close(), handset.close()]);
});
