import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { findWelcomeBoard } from "@/lib/boards/find-boards";
import { participantIn, uploadPhoto } from "../reliability/support/world";
import { e2eBaseUrl } from "../support/config";
import { createEventFixture, db } from "../support/fixtures";
import { phone } from "../support/viewports";

/**
 * An image's address opened on its own (a link passed on, a photo gone with a note) when the
 * image isn't there, or isn't the reader's to see: the answer is in the reader's language, and
 * the same either way, so it tells nobody whether the image exists.
 */
test("an image that isn't there says so in the reader's language, and the same as one they may not see", async ({ browser }) => {
  const event = await createEventFixture();
  const welcome = await findWelcomeBoard((await db()).read, event.id);
  if (!welcome) throw new Error("no welcome board");
  const author = await participantIn(event.id, "Amira");
  const upload = await uploadPhoto(welcome.id, author.cookie);
  expect(upload.status).toBe(201);
  const someoneElses = `/photos/${(upload.body as { photoId: string }).photoId}`;
  const missing = [
    `/photos/${randomUUID()}`,
    "/photos/not-a-photo",
    `/showcase-images/${randomUUID()}`,
    `/project-photos/${randomUUID()}/0`,
  ];

  // A browser asking for Spanish, and one whose person chose French on a phone set to English.
  const spanish = await browser.newContext({ ...phone, locale: "es-ES" });
  const french = await browser.newContext({ ...phone, locale: "en-GB" });
  await french.addCookies([{ url: e2eBaseUrl, name: "mi_lang", value: "fr" }]);
  for (const [context, words, language] of [
    [spanish, "No se ha encontrado.", "es"],
    [french, "Introuvable.", "fr"],
  ] as const) {
    const page = await context.newPage();
    for (const path of [...missing, someoneElses]) {
      const answer = await page.goto(path);
      expect(answer?.status(), path).toBe(404);
      expect(answer?.headers()["content-language"], path).toBe(language);
      expect(answer?.headers()["cache-control"], path).toBe("no-store");
      await expect(page.locator("body"), path).toHaveText(words);
    }
  }
  await spanish.close();
  await french.close();
});
