import { readFileSync } from "node:fs";
import { expect, type Locator, test } from "@playwright/test";
import { tinyPng } from "@/test/support/tiny-png";
import { e2eBaseUrl } from "../support/config";
import { createEventFixture, joinAs, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";

/**
 * Choosing a file speaks the page's language, not the browser's: the browser's own control says
 * "Choose File" and "No file chosen" in whatever language the phone is set to. Still the real
 * <input type=file>: reached by the keyboard, opened with Space, and posted without JavaScript.
 */
const locales = ["en-GB", "en-GB-x-easy", "es", "fr", "pl", "pt-PT"] as const;
const pickerWords = (locale: string) =>
  (JSON.parse(readFileSync(`messages/${locale}/ui.json`, "utf8")) as { filePicker: Record<string, Record<string, string>> })
    .filePicker;

/** The browser's control is out of sight (a 1-px box): what shows is the page's own. */
async function nativeOutOfSight(input: Locator) {
  const box = await input.boundingBox();
  return !box || (box.width <= 1 && box.height <= 1);
}

test("the note form's photo picker speaks the page's language on a phone set to English, in every language", async ({
  browser,
}) => {
  const event = await createEventFixture();
  // One person per language: six quick page loads by one person would be slowed down as a flood.
  for (const locale of locales) {
    const words = pickerWords(locale);
    const context = await browser.newContext({ ...phone, locale: "en-GB" });
    await joinAs(context, event.id, `Zofia ${locale}`);
    await context.addCookies([{ url: e2eBaseUrl, name: "mi_lang", value: locale }]);
    const page = await context.newPage();
    await page.goto(`/p/${event.slug}`);
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    const form = page.locator("form:has(textarea)").first();
    await expect(form.locator("label.file-picker-button")).toHaveText(words.choose?.photo ?? "");
    await expect(form.locator(".file-picker-status")).toHaveText(words.none?.photo ?? "");
    expect(await nativeOutOfSight(form.locator('input[type="file"]')), locale).toBe(true);
    if (locale === "fr") await form.screenshot({ path: "e2e/.artifacts/screenshots/note-form-photo-fr.png" });
    await context.close();
  }

  // By keyboard: the focus reaches the picker, shows on its button, and Space opens the file chooser.
  const context = await browser.newContext({ ...phone, locale: "en-GB" });
  await joinAs(context, event.id, "Zofia");
  await context.addCookies([{ url: e2eBaseUrl, name: "mi_lang", value: "pl" }]);
  const page = await context.newPage();
  await page.goto(`/p/${event.slug}`);
  const form = page.locator("form:has(textarea)").first();
  const input = form.locator('input[type="file"]');
  await form.getByRole("radio").last().focus();
  await page.keyboard.press("Tab");
  await expect(input).toBeFocused();
  const outline = await form.locator("label.file-picker-button").evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.keyboard.press("Space")]);
  await chooser.setFiles({ name: "ławka w parku.png", mimeType: "image/png", buffer: tinyPng });
  await expect(form.locator(".file-picker-status")).toContainText("ławka w parku.png");
  await expect(form.locator(".file-picker-status img")).toBeVisible();
  await form.screenshot({ path: "e2e/.artifacts/screenshots/note-form-photo-chosen-pl.png" });

  // Sent with the note, the photo leaves the picker: it says nothing is chosen again.
  await form.getByLabel(/Twoja notatka/).fill("Ławka w parku");
  await form.locator('button[type="submit"]').click();
  await expect(page.getByTestId("note").filter({ hasText: "Ławka w parku" }).getByRole("img")).toBeVisible();
  await expect(form.locator(".file-picker-status")).toHaveText(pickerWords("pl").none?.photo ?? "");
  await context.close();
});

test("without JavaScript the browser's own file control shows, and the file is still sent", async ({ browser }) => {
  const event = await createEventFixture();
  for (const javaScriptEnabled of [true, false]) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, javaScriptEnabled, locale: "en-GB" });
    await signIn(context, event.organiser.id);
    await context.addCookies([{ url: e2eBaseUrl, name: "mi_lang", value: "es" }]);
    const page = await context.newPage();
    await page.goto("/o/import");
    const input = page.locator('input[type="file"][name="file"]');
    const button = page.locator("label.file-picker-button");
    if (javaScriptEnabled) {
      await expect(button).toHaveText(pickerWords("es").choose?.file ?? "");
      expect(await nativeOutOfSight(input)).toBe(true);
      await input.setInputFiles({ name: "evento.json", mimeType: "application/json", buffer: Buffer.from("{}") });
      await expect(page.locator(".file-picker-status")).toHaveText("evento.json");
      await page.screenshot({ path: "e2e/.artifacts/screenshots/import-file-es.png" });
    } else {
      // Nothing could say what was chosen: the browser's control says it, and the form posts it.
      await expect(button).toBeHidden();
      await expect(input).toBeVisible();
      await input.setInputFiles({ name: "evento.json", mimeType: "application/json", buffer: Buffer.from("{}") });
      await page.locator('form:has(input[type="file"]) button[type="submit"]').click();
      await expect(page.locator("[role=alert], .field-error").first()).toBeVisible();
      await expect(input).toBeVisible();
    }
    await context.close();
  }
});
