/**
 * On a board hidden until the reveal, a group's title is hidden with its notes: the room (the
 * projector, other phones) reads none until the reveal, and the facilitator who named it keeps
 * reading it on the console, live and after a reload, so it can be moderated before anyone sees it.
 */
import { expect, test } from "@playwright/test";
import { hiddenBoardRoom } from "./hidden-room";

test("a facilitator names a group of hidden notes: the console keeps the title, the room reads it only at the reveal", async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const { desk, screen, a, b, close } = await hiddenBoardRoom(browser, "Getting about", {
    amira: "More bus stops",
    ben: "Safer cycle lanes",
  });
  const deskNotes = desk.getByTestId("wall-note");
  await expect(deskNotes).toHaveCount(2);

  // A click on a note, then the wall's keys: G groups it with the note above, R names the group.
  const lowerId = await deskNotes.nth(1).getAttribute("data-note-id");
  const focused = () =>
    desk.evaluate(() => (document.activeElement as HTMLElement | null)?.getAttribute("data-wall-focus") ?? null);
  await desk.reload();
  await expect(deskNotes).toHaveCount(2);
  await deskNotes.nth(1).click({ position: { x: 5, y: 5 } });
  await expect.poll(focused).toBe(lowerId);
  await desk.keyboard.press("g");
  await expect(desk.getByTestId("wall-group")).toHaveCount(1);
  await expect(screen.getByTestId("wall-group")).toHaveCount(1);
  // Drawn anew inside its group, the clicked note has the focus back (the wall follows a click's focus too).
  await expect.poll(focused).toBe(lowerId);
  await desk.keyboard.press("r");
  await expect(desk.getByLabel("Group title")).toBeFocused();
  await desk.keyboard.type("Getting around");
  await desk.keyboard.press("Enter");

  // The console reads the title it gave; the projector and the phones do not.
  await expect(desk.getByLabel("Group title")).toHaveValue("Getting around");
  await expect(screen.getByTestId("wall-group")).toContainText("Untitled group");
  await expect(screen.getByText("Getting around")).toHaveCount(0);
  for (const p of [a, b]) await expect(p.getByText("Getting around")).toHaveCount(0);
  await desk.reload();
  await expect(desk.getByLabel("Group title")).toHaveValue("Getting around");

  // The reveal shows it everywhere.
  await desk.getByRole("button", { name: "Reveal everyone's notes" }).click();
  await expect(screen.getByTestId("wall-group")).toContainText("Getting around");
  for (const p of [a, b]) await expect(p.getByText("Getting around").first()).toBeVisible();
  await expect(desk.getByLabel("Group title")).toHaveValue("Getting around");
  await close();
});
