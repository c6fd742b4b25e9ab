import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { hiddenBoardRoom } from "./hidden-room";

test("a facilitator reads hidden notes before the reveal and hides one from the room; its author is told, every screen follows", async ({
  browser,
}) => {
  const { desk, screen, a, b, close } = await hiddenBoardRoom(browser, "First thoughts", {
    amira: "Something rude about Ben",
    ben: "A kinder street",
  });

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

  await close();
});
