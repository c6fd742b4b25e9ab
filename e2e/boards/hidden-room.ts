/**
 * A board hidden until the reveal, watched from every kind of screen: the facilitator's console
 * on a laptop, the projector, and two phones (Amira and Ben) that each add a note.
 */
import { type Browser, expect, type Page } from "@playwright/test";
import { addBoardFixture, addStaff, createEventFixture, joinAs, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";

export async function addNote(page: Page, text: string) {
  await page.getByLabel("Your note").fill(text);
  await page.getByRole("button", { name: /^Add note/ }).click();
  await expect(page.getByTestId("note").filter({ hasText: text })).toBeVisible();
}

export async function hiddenBoardRoom(browser: Browser, title: string, notes: { amira: string; ben: string }) {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { title, template: "ideas" });
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
  await addNote(a, notes.amira);
  await addNote(b, notes.ben);
  const close = () => Promise.all([laptop.close(), hall.close(), phoneA.close(), phoneB.close()]);
  return { event, board, desk, screen, a, b, close };
}
