import { expect, type Page, test } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { boards, notes } from "@/db/schema";
import { notAnImageMessage } from "@/lib/files/images";
import { expectAccessible } from "../support/a11y";
import { commandSocket } from "../support/command-socket";
import { addBoardFixture, addStaff, createEventFixture, db, joinAs, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";

async function addNote(page: Page, text: string, column?: string) {
  if (column) await page.getByText(column, { exact: true }).first().click();
  await page.getByLabel("Your note").fill(text);
  await page.getByRole("button", { name: /^Add note/ }).click();
}

test("notes from two phones appear on the projector and on each other's phone", async ({ browser }) => {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { title: "The park journey", template: "journey" });
  const laptop = await browser.newContext(projector);
  await signIn(laptop, event.organiser.id);
  const screen = await laptop.newPage();
  await screen.goto(`/s/${event.slug}/b/${board.id}`);
  await expect(screen.getByRole("heading", { name: "The park journey", exact: true })).toBeVisible();
  await expectAccessible(screen);

  const phoneA = await browser.newContext(phone);
  const phoneB = await browser.newContext(phone);
  await joinAs(phoneA, event.id, "Amira");
  await joinAs(phoneB, event.id, "Ben");
  const a = await phoneA.newPage();
  const b = await phoneB.newPage();
  await a.goto(`/p/${event.slug}/b/${board.id}`);
  await b.goto(`/p/${event.slug}/b/${board.id}`);
  await expectAccessible(a);

  await addNote(a, "The gate is locked at weekends", "Miserable moments");
  await addNote(b, "<b>Kids</b> love the new swings");

  const wall = screen.getByTestId("wall-note");
  await expect(wall.filter({ hasText: "The gate is locked at weekends" })).toBeVisible();
  await expect(wall.filter({ hasText: "<b>Kids</b> love the new swings" })).toBeVisible(); // text, not HTML
  await expect(
    screen.getByRole("region", { name: "Miserable moments" }).getByText("The gate is locked at weekends"),
  ).toBeVisible();
  await expect(b.getByTestId("note").filter({ hasText: "The gate is locked at weekends" })).toContainText("Amira");
  await expect(
    a.getByTestId("note").filter({ hasText: "The gate is locked at weekends" }).getByText("You", { exact: true }),
  ).toBeVisible();

  // Over-long text is refused at the box, with a message, and nothing is sent.
  await a.getByLabel("Your note").fill("x".repeat(300));
  await expect(a.getByText("20 characters too long")).toBeVisible();
  await a.getByRole("button", { name: /^Add note/ }).click();
  await expect(a.getByText("Keep it to 280 characters.")).toBeVisible();
  await expect(wall).toHaveCount(2);

  // Editing your own note reaches the projector.
  await a.getByRole("button", { name: /Edit note: The gate is locked/ }).click();
  await a.getByLabel("Edit your note").fill("The gate is locked at weekends and evenings");
  await a.getByRole("button", { name: "Save" }).click();
  await expect(wall.filter({ hasText: "The gate is locked at weekends and evenings" })).toBeVisible();
  await expect(b.getByRole("button", { name: /Edit note/ })).toHaveCount(1); // only Ben's own

  await Promise.all([phoneA.close(), phoneB.close(), laptop.close()]);
});

test("hidden until reveal: each phone sees only its own notes until the facilitator reveals", async ({ browser }) => {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { title: "First thoughts", template: "ideas" });
  const facilitator = await addStaff(event.id, "facilitator");
  const laptop = await browser.newContext(projector);
  await signIn(laptop, facilitator.id);
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}/b/${board.id}`);
  await console_.getByLabel("Hidden until reveal").check();
  await expect(console_.getByRole("button", { name: "Reveal everyone's notes" })).toBeVisible();
  await expectAccessible(console_);

  const phoneA = await browser.newContext(phone);
  const phoneB = await browser.newContext(phone);
  await joinAs(phoneA, event.id, "Amira");
  await joinAs(phoneB, event.id, "Ben");
  const a = await phoneA.newPage();
  const b = await phoneB.newPage();
  await a.goto(`/p/${event.slug}/b/${board.id}`);
  await b.goto(`/p/${event.slug}/b/${board.id}`);
  await expect(a.getByText("Notes hidden until reveal")).toBeVisible();

  await addNote(a, "Amira's own idea");
  await addNote(b, "Ben's own idea");
  await expect(a.getByTestId("note").filter({ hasText: "Amira's own idea" })).toBeVisible();
  await expect(a.getByTestId("hidden-count")).toContainText("1 note from someone else is hidden");
  await expect(a.getByText("Ben's own idea")).toHaveCount(0);
  await expect(b.getByText("Amira's own idea")).toHaveCount(0);

  await console_.getByRole("button", { name: "Reveal everyone's notes" }).click();
  await expect(a.getByTestId("note").filter({ hasText: "Ben's own idea" })).toBeVisible();
  await expect(b.getByTestId("note").filter({ hasText: "Amira's own idea" })).toBeVisible();
  await expect(a.getByTestId("hidden-count")).toHaveCount(0);

  await Promise.all([phoneA.close(), phoneB.close(), laptop.close()]);
});

test("grouping and moving on the laptop are seen on phones; moving works from the keyboard alone", async ({ browser }) => {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { title: "Journey", template: "journey" });
  const laptop = await browser.newContext(projector);
  await signIn(laptop, event.organiser.id);
  const desk = await laptop.newPage();
  await desk.goto(`/f/${event.slug}/b/${board.id}`);

  const phoneContext = await browser.newContext(phone);
  await joinAs(phoneContext, event.id, "Priya");
  const handset = await phoneContext.newPage();
  await handset.goto(`/p/${event.slug}/b/${board.id}`);
  for (const text of ["Friendly staff", "Clean toilets", "Long queue"]) await addNote(handset, text);
  const wall = desk.getByTestId("wall-note");
  await expect(wall).toHaveCount(3);

  // Drag one note onto another: a group forms, and the phone sees it.
  await wall.filter({ hasText: "Clean toilets" }).dragTo(wall.filter({ hasText: "Friendly staff" }));
  await expect(desk.getByTestId("wall-group")).toHaveCount(1);
  // A title pasted past its limit stays as typed, counted, and is not sent (it would be refused and lost).
  const pasted = "Good service from the people on the front desk, the cleaners and everyone at the café counter";
  await desk.getByLabel("Group title").fill(pasted);
  await desk.getByLabel("Group title").press("Enter");
  await expect(desk.getByLabel("Group title")).toHaveValue(pasted);
  await expect(desk.getByText(`${pasted.length - 80} characters too long`)).toBeVisible();
  await desk.getByLabel("Group title").fill("Good service");
  await desk.getByLabel("Group title").press("Enter");
  await expect(handset.getByTestId("note").filter({ hasText: "Clean toilets" })).toContainText("Group: Good service");

  // Keyboard only: focus the note's "move to the next column" button and press Enter.
  const moveRight = desk.getByRole("button", { name: "Move to the next column: Long queue" });
  await moveRight.focus();
  await desk.keyboard.press("Enter");
  const miserable = desk.getByRole("region", { name: "Miserable moments" });
  await expect(miserable.getByTestId("wall-note").filter({ hasText: "Long queue" })).toBeVisible();
  await expect(
    handset.getByRole("region", { name: "Miserable moments" }).getByTestId("note").filter({ hasText: "Long queue" }),
  ).toBeVisible();

  // And back up the order: "Long queue" moved to the top of its new column stays there for everyone.
  await desk.getByRole("button", { name: "Move to the previous column: Long queue" }).press("Enter");
  await desk.getByRole("button", { name: "Move up: Long queue" }).press("Enter");
  await desk.getByRole("button", { name: "Move up: Long queue" }).press("Enter");
  const magicOnPhone = handset.getByRole("region", { name: "Magic moments" }).getByTestId("note");
  await expect(magicOnPhone.first()).toContainText("Long queue");
  await expectAccessible(desk);

  await Promise.all([phoneContext.close(), laptop.close()]);
});

test("the facilitator carries notes and a group from a board onto the welcome wall, each marked with its origin", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { title: "Team Parks", template: "ideas" });
  const laptop = await browser.newContext(projector);
  await signIn(laptop, event.organiser.id);
  const desk = await laptop.newPage();
  await desk.goto(`/f/${event.slug}/b/${board.id}`);

  const phoneContext = await browser.newContext(phone);
  await joinAs(phoneContext, event.id, "Kofi");
  const handset = await phoneContext.newPage();
  await handset.goto(`/p/${event.slug}/b/${board.id}`);
  for (const text of ["Night-time lighting", "Friends of the park group", "Weekly litter-pick"]) await addNote(handset, text);
  const wall = desk.getByTestId("wall-note");
  await expect(wall).toHaveCount(3);
  await wall.filter({ hasText: "Weekly litter-pick" }).dragTo(wall.filter({ hasText: "Friends of the park group" }));
  await desk.getByLabel("Group title").fill("Volunteering");
  await desk.getByLabel("Group title").press("Enter");

  await desk.getByLabel(/Select group/).check();
  await desk.getByLabel("Select note: Night-time lighting").check();
  // Boards another facilitator makes now are there to copy to at once, and two of one name are told apart.
  const colleague = await commandSocket(event.id, event.organiser.id);
  for (let i = 0; i < 2; i++) await colleague.command("board:create", { title: "Shortlist", template: "ideas", teamId: null });
  colleague.close();
  await expect(desk.getByLabel("Copy to").getByRole("option", { name: "Shortlist (2 of 2)" })).toBeAttached();
  await expect(desk.getByLabel("Copy to").getByRole("option", { name: "Shortlist (1 of 2)" })).toBeAttached();
  await desk.getByLabel("Copy to").selectOption({ label: "Welcome wall" });
  await desk.getByRole("button", { name: "Copy 2 selected items" }).click();
  await expect(desk.getByText("Copied 3 notes to Welcome wall.")).toBeVisible();

  await handset.goto(`/p/${event.slug}`);
  const welcome = handset.getByTestId("note");
  await expect(welcome.filter({ hasText: "Night-time lighting" })).toContainText("From Team Parks");
  await expect(welcome.filter({ hasText: "Weekly litter-pick" })).toContainText("Group: Volunteering");
  await expect(welcome).toHaveCount(3);
  await Promise.all([phoneContext.close(), laptop.close()]);
});

test("notes copied from a board still hidden stay hidden on the welcome wall until that board is revealed, then show on every phone", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { title: "Team worries", template: "ideas" });
  await (await db()).transact((tx) => tx.update(boards).set({ hiddenUntilReveal: true }).where(eq(boards.id, board.id)));
  const laptop = await browser.newContext(projector);
  await signIn(laptop, event.organiser.id);
  const desk = await laptop.newPage();
  await desk.goto(`/f/${event.slug}/b/${board.id}`);

  const phones = await Promise.all(
    ["Kofi", "Lena"].map(async (name) => {
      const context = await browser.newContext(phone);
      await joinAs(context, event.id, name);
      return { context, page: await context.newPage() };
    }),
  );
  const [kofi, lena] = phones as [(typeof phones)[number], (typeof phones)[number]];
  await kofi.page.goto(`/p/${event.slug}/b/${board.id}`);
  await addNote(kofi.page, "Dark path by the canal");
  await lena.page.goto(`/p/${event.slug}`);
  const onLenasWall = lena.page.getByTestId("note").filter({ hasText: "Dark path by the canal" });

  // A hidden board's notes are moderated, not selected, on the console: a group of them is
  // carried forward as a group; the copy itself is the same command either way.
  const [written] = await (await db()).read.select().from(notes).where(eq(notes.boardId, board.id));
  const [welcome] = await (await db()).read
    .select()
    .from(boards)
    .where(and(eq(boards.eventId, event.id), eq(boards.title, "Welcome wall")));
  const colleague = await commandSocket(event.id, event.organiser.id);
  await colleague.command("notes:copy", { toBoardId: welcome!.id, noteIds: [written!.id], groupIds: [] });
  colleague.close();
  // Lena's wall counts the copy, and does not show it.
  await expect(lena.page.getByRole("region", { name: "What brings you here?" }).getByRole("heading")).toContainText("(1)");
  await expect(onLenasWall).toHaveCount(0);

  await desk.getByRole("button", { name: "Reveal everyone's notes" }).click();
  await expect(onLenasWall).toHaveCount(1);
  await expect(onLenasWall).toContainText("From Team worries");
  await Promise.all([...phones.map((p) => p.context.close()), laptop.close()]);
});

// The smallest valid PNG: one transparent pixel.
const onePixelPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);

test("a phone adds a note with a photo taken outside; the projector shows it, and a fake image is refused", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { title: "Out and about", template: "ideas" });
  const laptop = await browser.newContext(projector);
  await signIn(laptop, event.organiser.id);
  const screen = await laptop.newPage();
  await screen.goto(`/s/${event.slug}/b/${board.id}`);

  const phoneContext = await browser.newContext(phone);
  await joinAs(phoneContext, event.id, "Nia");
  const handset = await phoneContext.newPage();
  await handset.goto(`/p/${event.slug}/b/${board.id}`);

  await handset.getByLabel("Your note").fill("Not an image at all");
  await handset
    .getByLabel(/Add a photo/)
    .setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: Buffer.from("<svg onload=alert(1)>") });
  await handset.getByRole("button", { name: /^Add note/ }).click();
  await expect(handset.getByText(notAnImageMessage)).toBeVisible();
  await expect(handset.getByLabel("Your note")).toHaveValue("Not an image at all");

  // A photo over the limit is refused before any of it is sent, keeping what was typed.
  const uploads: string[] = [];
  handset.on("request", (request) => {
    if (request.url().includes("/photos") && request.method() === "POST") uploads.push(request.url());
  });
  await handset.getByLabel("Your note").fill("A huge photo of the square");
  await handset
    .getByLabel(/Add a photo/)
    .setInputFiles({ name: "square.png", mimeType: "image/png", buffer: Buffer.alloc(9 * 1024 * 1024 + 300_000) });
  await handset.getByRole("button", { name: /^Add note/ }).click();
  await expect(handset.getByText("That photo is 9.3 MB. Photos can be up to 8 MB: choose a smaller one.")).toBeVisible();
  await expect(handset.getByLabel("Your note")).toHaveValue("A huge photo of the square");
  expect(uploads).toEqual([]);

  await handset.getByLabel("Your note").fill("The bus stop has no shelter");
  await handset.getByLabel(/Add a photo/).setInputFiles({ name: "stop.png", mimeType: "image/png", buffer: onePixelPng });
  await handset.getByRole("button", { name: /^Add note/ }).click();
  const onScreen = screen.getByTestId("wall-note").filter({ hasText: "The bus stop has no shelter" });
  await expect(onScreen.getByRole("img", { name: "Added with this note" })).toBeVisible();
  const src = await onScreen.getByRole("img").getAttribute("src");
  // A copy that fits the screen: the wall asks for a width, never the original.
  expect(src).toMatch(/^\/photos\/[0-9a-f-]{36}\?w=\d+$/);

  // Photos are for people in the event only.
  const stranger = await browser.newContext();
  const response = await stranger.request.get(src as string);
  expect(response.status()).toBe(404);
  await Promise.all([stranger.close(), phoneContext.close(), laptop.close()]);
});

test("a board locked while a phone is writing says the words are kept, shows them, and gives them back on unlock", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { title: "Third board", template: "ideas" });
  const writer = await browser.newContext(phone);
  await joinAs(writer, event.id, "Zofia");
  const page = await writer.newPage();
  await page.goto(`/p/${event.slug}/b/${board.id}`);
  await expect(page.locator('[data-status="online"]')).toBeVisible();
  const words = "Chciałabym, żeby strona rady działała po polsku i żeby formularz zgłoszenia miał mniej pól.";
  await page.getByLabel("Your note").fill(words);

  const staff = await commandSocket(event.id, event.organiser.id);
  await staff.command("board:update", { boardId: board.id, locked: true });
  await expect(page.getByText("The facilitator has locked this board")).toBeVisible();
  const kept = page.getByTestId("kept-note-draft");
  await expect(kept).toContainText("What you were writing is kept: it comes back in the box when notes can be added again.");
  await expect(kept).toContainText(words);
  await expectAccessible(page);

  await staff.command("board:update", { boardId: board.id, locked: false });
  await expect(page.getByLabel("Your note")).toHaveValue(words);
  await expect(kept).toHaveCount(0);
  staff.close();
  await writer.close();
});
