/**
 * What the check-in form promises (up to 4 photos of up to 8 MB each) the server takes: three
 * 6 MB photos from a phone, with and without JavaScript, are saved. Before, the server refused
 * any post over 13 MB: a plain "Files can be up to 10 MB" page without JavaScript, and "We
 * couldn't reach Made In" for ever with it. With JavaScript the form names photos it can't take
 * before sending them, keeping everything typed, and a post the server still finds too big says
 * so, never "couldn't reach".
 */
import { type Browser, expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { projectCheckIns } from "@/db/schema";
import { maxPhotoBytes } from "@/lib/files/photo-limits";
import { detailedPhoto } from "../../test/support/test-images";
import { e2eBaseUrl } from "../support/config";
import { db, projectWithOwnerLink } from "../support/fixtures";
import { phone } from "../support/viewports";

const written = "Forty people brought something to fix.";

const savedPhotos = async (projectId: string) =>
  (await (await db()).read.select().from(projectCheckIns).where(eq(projectCheckIns.projectId, projectId))).map(
    (checkIn) => checkIn.photos.length,
  );

/** Three photos of about 6 MB each, as a phone takes them: 19 MB in all. */
async function threeBigPhotos() {
  const photos = await Promise.all(
    [1, 2, 3].map(async (n) => ({ name: `stall-${n}.jpg`, mimeType: "image/jpeg", buffer: await detailedPhoto() })),
  );
  for (const photo of photos) expect(photo.buffer.length).toBeGreaterThan(6 * 1024 * 1024);
  return photos;
}

/** An owner's phone on their project's update page, "On track" chosen and a sentence written. */
async function ownerWritingAnUpdate(browser: Browser, javaScriptEnabled = true) {
  const { projectId, token } = await projectWithOwnerLink("Pop-up repair café");
  const context = await browser.newContext({ ...phone, javaScriptEnabled, baseURL: e2eBaseUrl });
  const page = await context.newPage();
  await page.goto(`/u/${token}`);
  await expect(page).toHaveURL(new RegExp(`/update/${projectId}$`));
  await page.getByText("On track", { exact: true }).click();
  await page.getByLabel("What has happened since last time?").fill(written);
  return { projectId, context, page };
}

for (const javaScriptEnabled of [false, true]) {
  test(`three 6 MB photos are saved with an owner's update ${javaScriptEnabled ? "with" : "without"} JavaScript`, async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const { projectId, context, page } = await ownerWritingAnUpdate(browser, javaScriptEnabled);
    await page.getByLabel("Photos (optional)").setInputFiles(await threeBigPhotos());
    await page.getByRole("button", { name: "Save update" }).click();
    await expect(page.getByText("Thank you: your update is saved.")).toBeVisible({ timeout: 90_000 });
    await expect(page.getByText(/couldn't reach Made In|too big/)).toHaveCount(0);
    expect(await savedPhotos(projectId)).toEqual([3]);
    await context.close();
  });
}

test("with JavaScript, photos the update can't take are named before sending, and nothing typed is lost", async ({ browser }) => {
  const { projectId, context, page } = await ownerWritingAnUpdate(browser);
  const photos = page.getByLabel("Photos (optional)");
  const small = (name: string) => ({ name, mimeType: "image/jpeg", buffer: Buffer.alloc(1000, 1) });

  await photos.setInputFiles(["a", "b", "c", "d", "e"].map((n) => small(`${n}.jpg`)));
  await page.getByRole("button", { name: "Save update" }).click();
  await expect(photos).toHaveAttribute("aria-invalid", "true");
  await expect(photos).toHaveAccessibleDescription(/You chose 5 photos: an update can have up to 4\./);

  await photos.setInputFiles([
    small("a.jpg"),
    { name: "whole-street.jpg", mimeType: "image/jpeg", buffer: Buffer.alloc(maxPhotoBytes + 200_000, 1) },
  ]);
  await expect(photos).toHaveAccessibleDescription(/“whole-street\.jpg” is 8\.2 MB: each photo can be up to 8 MB\./);
  await page.getByRole("button", { name: "Save update" }).click();
  await expect(page.getByLabel("What has happened since last time?")).toHaveValue(written);
  await expect(page.getByRole("radio", { name: /On track/ })).toBeChecked();
  expect(await savedPhotos(projectId)).toEqual([]);
  await context.close();
});

test("with JavaScript, a post the server finds too big says so, never that Made In couldn't be reached", async ({ browser }) => {
  const { projectId, context, page } = await ownerWritingAnUpdate(browser);
  // Past what any check-in can be: as a browser that didn't check, or a form changed since.
  await page.route(`**/update/${projectId}`, (route) =>
    route.request().method() === "POST" ? route.continue({ postData: Buffer.alloc(40 * 1024 * 1024, 0x61) }) : route.continue(),
  );
  await page.getByRole("button", { name: "Save update" }).click();
  await expect(
    page.getByText("That's too big to send at once. An update can have up to 4 photos of up to 8 MB each."),
  ).toBeVisible();
  await expect(page.getByText(/couldn't reach Made In/)).toHaveCount(0);
  await expect(page.getByLabel("What has happened since last time?")).toHaveValue(written);
  expect(await savedPhotos(projectId)).toEqual([]);
  await context.close();
});
