/**
 * The presentations console shows the times form at once, before the room's live state arrives, and
 * in the running order once it has. A save pressed in between (a slow venue network) must still say
 * "Times saved" after the move, with the saved minutes in the fields. Here the console's connection
 * is held back until the save has been answered, then let through.
 */
import { expect, test } from "@playwright/test";
import { createEventFixture, signIn } from "../support/fixtures";
import { holdConnection } from "../support/hold-connection";
import { projector } from "../support/viewports";

test("a save pressed before the console is live still says Times saved once the room's state arrives", async ({ browser }) => {
  const event = await createEventFixture();
  const laptop = await browser.newContext(projector);
  await signIn(laptop, event.organiser.id);
  const page = await laptop.newPage();

  const release = await holdConnection(page);

  await page.goto(`/f/${event.slug}/presentations`);
  await expect(page.getByText("Opening the presentations…")).toBeVisible();
  await page.getByLabel("Minutes to present").fill("4");
  await page.getByLabel("Minutes for questions").fill("1.5");
  await page.getByRole("button", { name: "Save times" }).click();
  await expect(page.getByTestId("times-status")).toHaveText("Times saved");

  await release();
  // The live console: the form now sits in the running order, and still says what happened.
  await expect(page.getByRole("heading", { name: "Running order" })).toBeVisible();
  await expect(page.getByText("Opening the presentations…")).toHaveCount(0);
  await expect(page.getByTestId("times-status")).toHaveText("Times saved");
  await expect(page.getByLabel("Minutes to present")).toHaveValue("4");
  await expect(page.getByLabel("Minutes for questions")).toHaveValue("1.5");
  await laptop.close();
});
