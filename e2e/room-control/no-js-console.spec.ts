/**
 * The console's forms drawn before it is live (a laptop on slow venue Wi-Fi, or JavaScript off):
 * an announcement and a new board post to the server, go through the same commands as the live
 * console, and reach the phones in the room at once.
 */
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { announcements } from "@/db/schema";
import { createEventFixture, db, joinAs, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";

test("without JavaScript, the console announces to the room live and starts a board, and a refusal keeps what was typed", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const held = await browser.newContext(phone);
  await joinAs(held, event.id, "Pat");
  const room = await held.newPage();
  await room.goto(`/p/${event.slug}`);
  await expect(room.locator('[data-status="online"]').first()).toBeVisible();

  const laptop = await browser.newContext({ viewport: { width: 1280, height: 720 }, javaScriptEnabled: false });
  await signIn(laptop, event.organiser.id);
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}`);
  await console_.getByLabel("Message").fill("Lunch is ready in the foyer");
  await console_.getByRole("button", { name: "Send announcement" }).click();
  const sent = console_.getByText("Sent to every phone and the big screen.");
  await expect(sent).toBeVisible();
  await expect(room.getByTestId("announcement")).toHaveText("Lunch is ready in the foyer");
  // Said with the box it is about.
  // (Its <output> has the role status, whose words Playwright's description leaves out: the link is checked instead.)
  // The box is described by its character counter too: one of the ids it names holds the answer.
  const describedBy = (await console_.getByLabel("Message").getAttribute("aria-describedby")) ?? "";
  const describers = console_.locator(
    describedBy
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => `#${id}`)
      .join(", ") || "#nothing-describes-the-box",
  );
  await expect(describers.filter({ hasText: "Sent to every phone and the big screen." })).toHaveCount(1);

  // The browser sends the form again (a reload): answered as before, announced once.
  const made = async () =>
    (await (await db()).read.select().from(announcements).where(eq(announcements.eventId, event.id))).map((a) => a.text);
  await console_.reload();
  await expect(sent).toBeVisible();
  expect(await made()).toEqual(["Lunch is ready in the foyer"]);
  // The same words from the page the answer drew are a new announcement.
  await console_.getByLabel("Message").fill("Lunch is ready in the foyer");
  await console_.getByRole("button", { name: "Send announcement" }).click();
  await expect.poll(made).toEqual(["Lunch is ready in the foyer", "Lunch is ready in the foyer"]);

  // A blank board with no columns is refused, and comes back as typed.
  const boards = console_.locator("#boards");
  await boards.getByLabel("Title").fill("Street ideas");
  await boards.getByLabel("Template").selectOption({ label: "Blank, with my own columns" });
  await boards.getByRole("button", { name: "Create board" }).click();
  await expect(boards.getByText("A blank board needs at least one column.")).toBeVisible();
  await expect(boards.getByLabel("Title")).toHaveValue("Street ideas");
  await expect(boards.getByLabel("Template")).toHaveValue("blank");
  await boards.getByLabel("Columns").fill("Now, Next");
  await boards.getByRole("button", { name: "Create board" }).click();
  await expect(console_).toHaveURL(new RegExp(`/f/${event.slug}/b/`));
  await held.close();
  await laptop.close();
});
