/**
 * A project pack's file is often named after who is in it ("Jane Smith age 12.png"). Through
 * the built app: the organiser uploads one without a title; the public page, a participant's
 * brief page and the download the public gets hold nothing of that name, and the event's staff
 * still see it and download the file under it.
 */
import { expect, test } from "@playwright/test";
import { tinyPng } from "../reliability/support/world";
import { addBrief, createEventFixture, joinAs, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";

const uploadedAs = "Jane Smith age 12.png";
const theName = /jane|smith/i;

test("a pack file uploaded untitled is 'File 1' to everyone but the event's staff, who keep its name", async ({ browser }) => {
  const event = await createEventFixture();
  const briefId = await addBrief(event.id, { title: "Love Your Space" });

  const desk = await browser.newContext(projector);
  const visitor = await browser.newContext(phone);
  const participant = await browser.newContext(phone);
  try {
    await signIn(desk, event.organiser.id);
    const page = await desk.newPage();
    await page.goto(`/o/${event.slug}/briefs/${briefId}`);
    await page.getByLabel("File", { exact: true }).setInputFiles({ name: uploadedAs, mimeType: "image/png", buffer: tinyPng });
    await page.getByRole("button", { name: "Upload file" }).click();
    const files = page.getByRole("region", { name: "Files" });
    await expect(files.getByRole("link", { name: "File 1" })).toBeVisible();
    // Staff see the name it was uploaded under, and download it under that name.
    await expect(files.getByText(/Jane-Smith-age-12\.png/)).toBeVisible();
    const href = await files.getByRole("link", { name: "File 1" }).getAttribute("href");
    const staffCopy = await desk.request.get(href!);
    expect(staffCopy.headers()["content-disposition"]).toContain('filename="Jane-Smith-age-12.png"');
    expect(staffCopy.headers()["cache-control"]).toBe("private, no-store");

    // A signed-out phone: the public page and the download.
    const publicPage = await visitor.newPage();
    await publicPage.goto(`/e/${event.slug}`);
    const brief = publicPage.getByRole("article", { name: "Love Your Space" });
    await brief.getByText("Project pack").click();
    await expect(brief.getByRole("link", { name: "File 1" })).toHaveAttribute("href", href!);
    expect(await publicPage.content()).not.toMatch(theName);
    const publicCopy = await visitor.request.get(href!);
    expect(publicCopy.status()).toBe(200);
    expect(publicCopy.headers()["content-disposition"]).toBe(
      `inline; filename="love-your-space-1.png"; filename*=UTF-8''love-your-space-1.png`,
    );
    expect(JSON.stringify(publicCopy.headers())).not.toMatch(theName);

    // A participant's brief page during the weekend.
    await joinAs(participant, event.id, "Amira");
    const phonePage = await participant.newPage();
    await phonePage.goto(`/p/${event.slug}/brief/${briefId}`);
    await expect(phonePage.getByRole("link", { name: "File 1" })).toHaveAttribute("href", href!);
    expect(await phonePage.content()).not.toMatch(theName);
    const participantCopy = await participant.request.get(href!);
    expect(JSON.stringify(participantCopy.headers())).not.toMatch(theName);
  } finally {
    await Promise.all([desk.close(), visitor.close(), participant.close()]);
  }
});
