import { expect, test } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { boards, events, notePhotos, notes } from "@/db/schema";
import { createEvent } from "@/lib/events/create-event";
import { loadEventExport } from "@/lib/exports/load-event-export";
import { prepareImage, saveImage } from "@/lib/files/images";
import { newStorageKey } from "@/lib/files/storage";
import { createCatchUp } from "@/lib/projects/catch-up";
import { seedWeekend, weekendText } from "@/test/support/seeded-weekend";
import { phonePhoto } from "@/test/support/test-images";
import { storage } from "../reliability/support/world";
import { expectAccessible } from "../support/a11y";
import { addStaff, createAccount, createEventFixture, db, signIn } from "../support/fixtures";

test.setTimeout(120_000);

const shots = "e2e/.artifacts/screens-import";
const desktop = { viewport: { width: 1280, height: 720 } };

test("an organiser imports an event's zip and its note photo comes with it", async ({ browser }) => {
  const organiser = await createAccount("Organiser, Lambeth");
  const database = await db();
  const weekend = await seedWeekend(database, organiser.id);
  const slug = weekend.event.slug;
  // A photo on the winning note, stored as the upload route stores one.
  const prepared = await prepareImage(await phonePhoto("jpeg", { width: 1200, height: 900 }));
  if (!prepared.ok) throw new Error(prepared.message);
  const storageKey = newStorageKey();
  await saveImage(storage(), storageKey, prepared.image);
  const photoId = crypto.randomUUID();
  await database.transact(async (tx) => {
    await tx.insert(notePhotos).values({
      id: photoId,
      boardId: weekend.boardId,
      eventId: weekend.event.id,
      storageKey,
      contentType: prepared.image.contentType,
      bytes: prepared.image.bytes.byteLength,
      uploadedBy: `a:${organiser.id}`,
    });
    await tx.update(notes).set({ photoId }).where(eq(notes.id, weekend.noteIds[0]));
  });

  const desk = await browser.newContext(desktop);
  await signIn(desk, organiser.id);
  const page = await desk.newPage();
  await page.goto(`/o/${slug}/review`);
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: /Everything with the files/ }).click(),
  ]);
  const zipPath = await download.path();

  // A broken zip first: said plainly, and nothing is made.
  await page.goto("/o/import");
  await expectAccessible(page);
  await page.getByLabel("Event export (.zip or .json)").setInputFiles({
    name: "broken.zip",
    mimeType: "application/zip",
    buffer: Buffer.from("PK\u0003\u0004 this is not really a zip"),
  });
  await page.getByRole("button", { name: "Import as a new event" }).click();
  await expect(page.getByText("That zip can't be opened: it may be cut short, or not really a zip.")).toBeVisible();
  for (const [width, height] of [
    [390, 844],
    [1920, 1080],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${shots}/refused-${width}.png`, fullPage: true });
  }

  await page.getByLabel("Event export (.zip or .json)").setInputFiles(zipPath);
  await page.getByRole("button", { name: "Import as a new event" }).click();
  await expect(page).toHaveURL(new RegExp(`/o/${slug}-2\\?imported=1&files=1&missing=0$`));
  await expect(page.getByRole("heading", { name: weekend.event.name, level: 1 })).toBeVisible();
  await expect(page.getByTestId("imported-notice")).toContainText(
    "1 file (photos, map images, showcase images, pack files) came with it.",
  );
  await expectAccessible(page);
  await page.screenshot({ path: `${shots}/imported-1280.png`, fullPage: true });

  // The imported board shows the note with its photo, served from the new event's own file.
  const [copy] = await database.read
    .select({ id: events.id })
    .from(events)
    .where(eq(events.slug, `${slug}-2`));
  const [board] = await database.read
    .select({ id: boards.id })
    .from(boards)
    .where(and(eq(boards.eventId, copy?.id ?? ""), eq(boards.title, "Parks ideas")));
  await page.goto(`/f/${slug}-2/b/${board?.id}`);
  const note = page
    .locator("div", { hasText: weekendText.winningNote })
    .filter({ has: page.getByRole("img") })
    .last();
  const photo = note.getByRole("img", { name: "Added with this note" });
  await photo.scrollIntoViewIfNeeded();
  await expect(photo).toBeVisible();
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  expect(await photo.getAttribute("src")).not.toContain(photoId);
  await page.screenshot({ path: `${shots}/imported-board-1280.png`, fullPage: true });
  await desk.close();
});

test("a catch-up imported by its weekend's organiser follows the weekend again; anyone else is told it follows none", async ({
  browser,
}) => {
  const organiser = await createAccount("Organiser, Lambeth");
  const database = await db();
  const weekend = await seedWeekend(database, organiser.id);
  const catchUp = await database.transact((tx) =>
    createCatchUp(tx, {
      followsEventId: weekend.event.id,
      name: `Catch-up ${weekend.event.slug}`,
      place: "Brixton library",
      startsAt: Date.now() + 7 * 86_400_000,
      endsAt: Date.now() + 7 * 86_400_000 + 7_200_000,
      createdBy: organiser.id,
    }),
  );
  const exported = await loadEventExport(database.read, catchUp.id);
  const file = { name: "catch-up.made-in.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(exported)) };
  const importAs = async (accountId: string) => {
    const desk = await browser.newContext(desktop);
    await signIn(desk, accountId);
    const page = await desk.newPage();
    await page.goto("/o/import");
    await page.getByLabel("Event export (.zip or .json)").setInputFiles(file);
    await page.getByRole("button", { name: "Import as a new event" }).click();
    await expect(page.getByTestId("imported-notice")).toBeVisible();
    return page;
  };

  const mine = await importAs(organiser.id);
  await expect(mine.getByTestId("imported-notice")).toContainText(
    `It is a catch-up of the event “${weekend.event.slug}” again, as in the file`,
  );
  await mine.context().close();

  const stranger = await createAccount("Organiser elsewhere");
  // Importing is for organisers: this one runs an event of their own here, not the weekend.
  await database.transact((tx) => createEvent(tx, { name: "Made in Brixton", createdBy: stranger.id }));
  const theirs = await importAs(stranger.id);
  await expect(theirs.getByTestId("imported-notice")).toContainText(
    `In the file, this was a catch-up of the event “${weekend.event.slug}”, which is not an event you organise here`,
  );
  await expectAccessible(theirs);
  await theirs.context().close();
});

test("a facilitator of one event is told importing is for organisers, with no form to send, and their list offers none", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const facilitator = await addStaff(event.id, "facilitator");
  const desk = await browser.newContext(desktop);
  await signIn(desk, facilitator.id);
  const page = await desk.newPage();
  await page.goto("/o/import");
  await expect(page.getByRole("heading", { name: "Import an event", level: 1 })).toBeVisible();
  await expect(
    page.getByText(
      "Only organisers can import an event: an account that organises an event here, or the one that set up this Made In.",
    ),
  ).toBeVisible();
  await expect(page.getByLabel("Event export (.zip or .json)")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Import as a new event" })).toHaveCount(0);
  await expectAccessible(page);
  await page.screenshot({ path: `${shots}/facilitator-refused-1280.png`, fullPage: true });
  await page.goto("/o");
  await expect(page.getByRole("link", { name: event.name })).toBeVisible();
  await expect(page.getByRole("link", { name: "import an event" })).toHaveCount(0);
  await desk.close();

  // The event's organiser is offered it.
  const organiserDesk = await browser.newContext(desktop);
  await signIn(organiserDesk, event.organiser.id);
  const organiserPage = await organiserDesk.newPage();
  await organiserPage.goto("/o");
  await organiserPage.getByRole("link", { name: "import an event" }).click();
  await expect(organiserPage.getByLabel("Event export (.zip or .json)")).toBeVisible();
  await organiserDesk.close();
});
