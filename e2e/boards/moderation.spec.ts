import { expect, type Page, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { addBoardFixture, addStaff, createEventFixture, joinAs, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";

async function addNote(page: Page, text: string) {
  await page.getByLabel("Your note").fill(text);
  await page.getByRole("button", { name: /^Add note/ }).click();
  await expect(page.getByTestId("note").filter({ hasText: text })).toBeVisible();
}

test("a facilitator reads hidden notes before the reveal and hides one from the room; its author is told, every screen follows", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { title: "First thoughts", template: "ideas" });
  const facilitator = await addStaff(event.id, "facilitator");
  const laptop = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await signIn(laptop, facilitator.id);
  const desk = await laptop.newPage();
  await desk.goto(`/f/${event.slug}/b/${board.id}`);
  await desk.getByLabel("Hidden until reveal").check();
  await expect(desk.getByRole("button", { name: "Reveal everyone's notes" })).toBeVisible();

  const hall = await browser.newContext(projector);
  await signIn(hall, facilitator.id);
  const screen = await hall.newPage();
  await screen.goto(`/s/${event.slug}/b/${board.id}`);

  const [phoneA, phoneB] = await Promise.all([browser.newContext(phone), browser.newContext(phone)]);
  await joinAs(phoneA, event.id, "Amira");
  await joinAs(phoneB, event.id, "Ben");
  const [a, b] = await Promise.all([phoneA.newPage(), phoneB.newPage()]);
  await a.goto(`/p/${event.slug}/b/${board.id}`);
  await b.goto(`/p/${event.slug}/b/${board.id}`);
  await addNote(a, "Something rude about Ben");
  await addNote(b, "A kinder street");

  // Before the reveal the facilitator reads both, marked as hidden from the room; the projector shows neither.
  const deskNotes = desk.getByTestId("wall-note");
  const rude = deskNotes.filter({ hasText: "Something rude about Ben" });
  await expect(rude).toContainText("Hidden from the room until you reveal the board");
  await expect(deskNotes.filter({ hasText: "A kinder street" })).toContainText("Hidden from the room until you reveal the board");
  await expect(screen.getByText("A note, hidden until the facilitator reveals the board")).toHaveCount(2);
  await expect(screen.getByText("Something rude about Ben")).toHaveCount(0);
  await expectAccessible(desk);

  // Hidden from the room, then revealed: the room sees the kind note only; the author sees hers, and why.
  await rude.getByRole("button", { name: "Hide from the room: Something rude about Ben" }).click();
  await expect(rude).toContainText("Hidden from the room by a facilitator");
  await desk.getByRole("button", { name: "Reveal everyone's notes" }).click();
  await expect(screen.getByTestId("wall-note").filter({ hasText: "A kinder street" })).toBeVisible();
  await expect(screen.getByText("A note hidden by a facilitator")).toBeVisible();
  await expect(b.getByTestId("note").filter({ hasText: "A kinder street" })).toBeVisible();
  await expect(b.getByText("Something rude about Ben")).toHaveCount(0);
  await expect(a.getByTestId("note").filter({ hasText: "Something rude about Ben" })).toContainText(
    "Hidden from the room by a facilitator",
  );
  await expect(screen.getByText("Something rude about Ben")).toHaveCount(0);
  await expectAccessible(a);

  // A reload changes nothing for the room; showing it again reaches every screen.
  await b.reload();
  await expect(b.getByTestId("note").filter({ hasText: "A kinder street" })).toBeVisible();
  await expect(b.getByText("Something rude about Ben")).toHaveCount(0);
  await desk.getByRole("button", { name: "Show to the room: Something rude about Ben" }).click();
  await expect(screen.getByTestId("wall-note").filter({ hasText: "Something rude about Ben" })).toBeVisible();
  await expect(b.getByTestId("note").filter({ hasText: "Something rude about Ben" })).toBeVisible();
  await expect(a.getByText("Hidden from the room by a facilitator")).toHaveCount(0);

  // After the reveal any note can still be hidden from the room, straight from the wall.
  await desk
    .getByTestId("wall-note")
    .filter({ hasText: "A kinder street" })
    .getByRole("button", { name: "Hide from the room: A kinder street" })
    .click();
  await expect(screen.getByTestId("wall-note").filter({ hasText: "A kinder street" })).toHaveCount(0);
  await expect(a.getByText("A kinder street")).toHaveCount(0);
  await expect(b.getByTestId("note").filter({ hasText: "A kinder street" })).toContainText(
    "Hidden from the room by a facilitator",
  );

  await Promise.all([phoneA.close(), phoneB.close(), laptop.close(), hall.close()]);
});
