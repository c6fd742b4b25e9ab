/**
 * Uploaded images, through the real routes of the built app (issues #17 and #24.6, #24.9).
 *
 * 1. A phone photo carrying GPS, camera, author, orientation and a colour profile goes through
 *    every upload route (note photo, map image, showcase image, check-in photo, project pack);
 *    what comes back, and every file kept on disk, has no metadata (exifr and sharp), is upright
 *    and resized. A text file named .jpg and a PNG declaring 30,000 × 30,000 pixels are refused
 *    with a clear message on each route, and nothing is stored.
 * 2. A note's photo is served exactly to those who may see the note: same team, other team,
 *    staff, a hidden note before and after the reveal, another event, anonymous.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { count, eq } from "drizzle-orm";
import { briefFiles, notePhotos, projectCheckIns, projects, showcaseImages } from "@/db/schema";
import { notAnImageMessage, tooManyPixelsMessage } from "@/lib/files/images";
import { createProject } from "@/lib/projects/create-project";
import { insertTeam } from "@/lib/teams/create-team";
import { notAPhoto, phonePhoto, photoProblems, pixelBomb, readBack } from "@/test/support/test-images";
import { tinyPng } from "@/test/support/tiny-png";
import { command, connect, participantIn, sessionCookie } from "../reliability/support/world";
import { e2eBaseUrl, e2ePort } from "../support/config";
import { addBoardFixture, addBrief, createEventFixture, db, signIn } from "../support/fixtures";
import { projector } from "../support/viewports";

test.setTimeout(240_000);

const uploadDir = `e2e/.artifacts/uploads-${e2ePort}`;
const bombMessage = tooManyPixelsMessage(30_000, 30_000);

async function post(path: string, field: string, file: { name: string; type: string; bytes: Uint8Array }, cookie: string) {
  const form = new FormData();
  form.set(field, new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
  const res = await fetch(`${e2eBaseUrl}${path}`, { method: "POST", body: form, headers: { cookie, origin: e2eBaseUrl } });
  return { status: res.status, body: (await res.json().catch(() => null)) as Record<string, string> | null };
}
async function get(path: string, cookie = "") {
  const res = await fetch(`${e2eBaseUrl}${path}`, { headers: cookie ? { cookie } : {} });
  return {
    status: res.status,
    cacheControl: res.headers.get("cache-control") ?? "",
    bytes: new Uint8Array(await res.arrayBuffer()),
  };
}
/** Every file under the upload folder, so nothing the phone sent can hide on disk. */
function storedFiles(dir = uploadDir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? storedFiles(path) : [path];
  });
}

test("every upload route keeps only a stripped, upright, resized copy, and refuses fakes and pixel bombs", async ({
  browser,
}) => {
  const jpeg = new Uint8Array(await phonePhoto());
  const photoFile = { name: "IMG_2041.jpg", type: "image/jpeg", bytes: jpeg };
  const textFile = { name: "walk.jpg", type: "image/jpeg", bytes: new Uint8Array(notAPhoto) };
  const bombFile = { name: "plan.png", type: "image/png", bytes: new Uint8Array(pixelBomb()) };

  const event = await createEventFixture();
  const briefId = await addBrief(event.id, { title: "Love Your Space" });
  const team = await (await db()).transact((tx) =>
    insertTeam(tx, { eventId: event.id, name: "Parks team", briefId, capacity: null, now: Date.now() }),
  );
  const amira = await participantIn(event.id, "Amira", team.id);
  const organiser = await sessionCookie(event.organiser.id);
  const teamBoard = await addBoardFixture(event.id, { title: "Parks wall", template: "ideas", teamId: team.id });
  const mapBoard = await addBoardFixture(event.id, { title: "Our borough", template: "map" });
  const project = await (await db()).transact((tx) =>
    createProject(tx, {
      eventId: event.id,
      teamId: team.id,
      title: "Pocket park",
      summary: "",
      ownerName: "Ada",
      ownerRole: "",
      coOwners: [],
    }),
  );
  const rows = async () => {
    const d = (await db()).read;
    const [photos] = await d.select({ n: count() }).from(notePhotos).where(eq(notePhotos.eventId, event.id));
    const [images] = await d.select({ n: count() }).from(showcaseImages).where(eq(showcaseImages.eventId, event.id));
    const [checkIns] = await d.select({ n: count() }).from(projectCheckIns).where(eq(projectCheckIns.projectId, project));
    const [files] = await d.select({ n: count() }).from(briefFiles).where(eq(briefFiles.briefId, briefId));
    return { photos: photos?.n, images: images?.n, checkIns: checkIns?.n, files: files?.n };
  };
  const problems: string[] = [];
  const check = async (what: string, path: string, cookie: string, size?: [number, number]) => {
    const full = await get(path, cookie);
    expect(full.status, what).toBe(200);
    problems.push(...photoProblems(await readBack(full.bytes), what, size));
    return full;
  };

  // Refused first, on every route: nothing is stored.
  const empty = await rows();
  for (const file of [textFile, bombFile]) {
    const message = file === textFile ? notAnImageMessage : bombMessage;
    expect(await post(`/api/boards/${teamBoard.id}/photos`, "photo", file, amira.cookie)).toEqual({
      status: 400,
      body: { error: message },
    });
    expect(await post(`/api/boards/${mapBoard.id}/photos`, "photo", file, organiser)).toEqual({
      status: 400,
      body: { error: message },
    });
    expect(await post(`/api/showcases/${team.id}/images`, "image", file, amira.cookie)).toEqual({
      status: 400,
      body: { error: message },
    });
  }

  const desk = await browser.newContext(projector);
  await signIn(desk, event.organiser.id);
  const page = await desk.newPage();
  // A check-in from the organiser's project page (a server action with a file field).
  await page.goto(`/o/${event.slug}/projects/${project}`);
  await page.getByText("On track", { exact: true }).click();
  await page.getByLabel("What has happened since last time?").fill("Cleared the corner plot.");
  const photosField = page.getByLabel("Photos (optional)");
  for (const [file, message] of [
    [textFile, notAnImageMessage],
    [bombFile, bombMessage],
  ] as const) {
    await photosField.setInputFiles({ name: file.name, mimeType: file.type, buffer: Buffer.from(file.bytes) });
    await page.getByRole("button", { name: "Save update" }).click();
    await expect(page.getByText(message)).toBeVisible();
    await expect(page.getByLabel("What has happened since last time?")).toHaveValue("Cleared the corner plot.");
  }
  // The project pack: a text file named .jpg fails the content check, the bomb the pixel budget.
  await page.goto(`/o/${event.slug}/briefs/${briefId}`);
  const fileField = page.getByLabel("File", { exact: true });
  for (const [file, message] of [
    [textFile, "This file's contents don't match its name: it doesn't look like a JPEG image file."],
    [bombFile, bombMessage],
  ] as const) {
    await fileField.setInputFiles({ name: file.name, mimeType: file.type, buffer: Buffer.from(file.bytes) });
    await page.getByRole("button", { name: "Upload file" }).click();
    await expect(page.getByText(message)).toBeVisible();
  }
  expect(await rows()).toEqual(empty);

  // Now the phone photo, through each route, read back as each route serves it.
  const note = await post(`/api/boards/${teamBoard.id}/photos`, "photo", photoFile, amira.cookie);
  expect(note.status).toBe(201);
  const notePhoto = await check("note photo", `/photos/${note.body?.photoId}`, amira.cookie);
  expect(notePhoto.cacheControl).toMatch(/^private/);
  // The copy a phone's card asks for: as clean, 320 wide.
  const small = await readBack((await get(`/photos/${note.body?.photoId}?w=300`, amira.cookie)).bytes);
  expect([small.width, small.exif, small.metadata.exif, small.top]).toEqual([320, undefined, false, "red"]);

  const map = await post(`/api/boards/${mapBoard.id}/photos`, "photo", photoFile, organiser);
  expect(map.status).toBe(201);
  await check("map image", `/photos/${map.body?.photoId}`, organiser);

  const showcase = await post(`/api/showcases/${team.id}/images`, "image", photoFile, amira.cookie);
  expect(showcase.status).toBe(201);
  const showcaseImage = await check("showcase image", `/showcase-images/${showcase.body?.imageId}`, amira.cookie);
  expect(showcaseImage.cacheControl).toMatch(/^private/);

  await page.goto(`/o/${event.slug}/projects/${project}`);
  await page.getByText("On track", { exact: true }).click();
  await page.getByLabel("What has happened since last time?").fill("Cleared the corner plot.");
  await photosField.setInputFiles({ name: photoFile.name, mimeType: photoFile.type, buffer: Buffer.from(jpeg) });
  await page.getByRole("button", { name: "Save update" }).click();
  await expect(page.getByText("Thank you: your update is saved.")).toBeVisible();
  const [checkIn] = await (await db()).read
    .select({ id: projectCheckIns.id })
    .from(projectCheckIns)
    .where(eq(projectCheckIns.projectId, project));
  const privatePhoto = await check("check-in photo", `/project-photos/${checkIn?.id}/0`, organiser);
  expect(privatePhoto.cacheControl).toMatch(/^private/);
  // On the public progress page: anyone may see it, still stripped.
  await (await db()).transact((tx) => tx.update(projects).set({ isPublic: true }).where(eq(projects.id, project)));
  const publicPhoto = await check("public check-in photo", `/project-photos/${checkIn?.id}/0`, "");
  expect(publicPhoto.cacheControl).toMatch(/^public/);

  // A project pack's image: opened in the browser, so stripped too; kept larger (up to 4,096).
  const bigPhoto = await phonePhoto("jpeg", { width: 6000, height: 4000 });
  await page.goto(`/o/${event.slug}/briefs/${briefId}`);
  await fileField.setInputFiles({ name: "site photo.jpg", mimeType: "image/jpeg", buffer: bigPhoto });
  await page.getByRole("button", { name: "Upload file" }).click();
  const href = await page.getByRole("link", { name: "File 1" }).getAttribute("href");
  await check("project pack image", href ?? "", "", [2731, 4096]);

  expect(problems).toEqual([]);
  expect(await rows()).toEqual({ photos: 2, images: 1, checkIns: 1, files: 1 });
  // Nothing the phone sent is on disk: no stored file (copies included) carries its metadata.
  const leaks = storedFiles().filter((path) => {
    const bytes = readFileSync(path);
    return bytes.includes("Yara Leaverson") || bytes.includes("PhoneCo");
  });
  expect(leaks).toEqual([]);
  await desk.close();
});

test("a note's photo is served exactly to those who may see the note", async () => {
  const event = await createEventFixture();
  const other = await createEventFixture();
  const [teamOne, teamTwo] = await (await db()).transact(async (tx) => [
    await insertTeam(tx, { eventId: event.id, name: "Team one", briefId: null, capacity: null, now: Date.now() }),
    await insertTeam(tx, { eventId: event.id, name: "Team two", briefId: null, capacity: null, now: Date.now() }),
  ]);
  const author = await participantIn(event.id, "Amira", teamOne.id);
  const cookies = {
    author: author.cookie,
    teammate: (await participantIn(event.id, "Ben", teamOne.id)).cookie,
    otherTeam: (await participantIn(event.id, "Cleo", teamTwo.id)).cookie,
    staff: await sessionCookie(event.organiser.id),
    otherEvent: (await participantIn(other.id, "Dana")).cookie,
    anonymous: "",
  };
  const teamBoard = await addBoardFixture(event.id, { title: "Team one wall", template: "ideas", teamId: teamOne.id });
  const hidden = await addBoardFixture(event.id, { title: "Secret ideas", template: "ideas" });
  const staff = await connect(event.id, cookies.staff);
  const phone = await connect(event.id, author.cookie);
  try {
    await command(staff, "board:update", { boardId: hidden.id, hiddenUntilReveal: true });
    const noteIds: string[] = [];
    const photoOn = async (board: typeof teamBoard) => {
      const upload = await post(
        `/api/boards/${board.id}/photos`,
        "photo",
        {
          name: "photo.png",
          type: "image/png",
          bytes: new Uint8Array(tinyPng),
        },
        author.cookie,
      );
      const photoId = upload.body?.photoId;
      const created = await command<{ note: { id: string } }>(phone, "note:create", {
        boardId: board.id,
        column: board.columns[0]?.key,
        text: "Look",
        photoId,
      });
      noteIds.push(created.note.id);
      return `/photos/${photoId}`;
    };
    const photos = { teamNote: await photoOn(teamBoard), hiddenNote: await photoOn(hidden) };
    const servedTo = async () => {
      const seen: Record<string, string> = {};
      for (const [kind, path] of Object.entries(photos)) {
        const who: string[] = [];
        for (const [viewer, cookie] of Object.entries(cookies)) {
          const res = await get(path, cookie);
          if (res.status === 200) who.push(viewer);
          else expect([res.status, res.cacheControl], `${kind} for ${viewer}`).toEqual([404, "no-store"]);
        }
        seen[kind] = who.join(" ");
      }
      return seen;
    };
    expect(await servedTo()).toEqual({
      // Participants may read other teams' boards (SECURITY.md), so their photos too.
      teamNote: "author teammate otherTeam staff",
      // Hidden until the reveal: its author, and staff, who read hidden notes to moderate them.
      hiddenNote: "author staff",
    });
    await command(staff, "board:reveal", { boardId: hidden.id });
    expect(await servedTo()).toEqual({
      teamNote: "author teammate otherTeam staff",
      hiddenNote: "author teammate otherTeam staff",
    });
    // A note a facilitator hid from the room takes its photo with it: its author and staff only.
    await command(staff, "note:withhold", { noteId: noteIds[0], withheld: true });
    expect(await servedTo()).toEqual({
      teamNote: "author staff",
      hiddenNote: "author teammate otherTeam staff",
    });
  } finally {
    staff.disconnect();
    phone.disconnect();
  }
});
