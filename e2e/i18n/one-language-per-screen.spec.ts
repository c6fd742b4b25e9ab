/**
 * One screen, one language: a device that never chose a language itself, whose person chose one
 * on another device, draws its page in that language, and the server's refusals on that page
 * speak it too (lib/i18n/person-language.ts), for staff and for phones alike.
 */
import { expect, test } from "@playwright/test";
import { createEventFixture, joinAs, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";
import { say } from "./catalogue";

const laptop = { viewport: { width: 1280, height: 720 } };

test("a console signed in before its person picked French elsewhere opens in French, and is refused in French", async ({
  browser,
}) => {
  const event = await createEventFixture();
  // The projector's laptop, signed in on Friday, its browser English; no language chosen on it.
  const projector = await browser.newContext({ ...laptop, locale: "en-GB" });
  await signIn(projector, event.organiser.id);
  // Their own laptop, where they pick French, then close it.
  const own = await browser.newContext({ ...laptop, locale: "en-GB" });
  await signIn(own, event.organiser.id);
  const mine = await own.newPage();
  await mine.goto(`/f/${event.slug}`);
  await mine.getByTestId("language-menu").locator("summary").click();
  await mine.getByTestId("language-menu").getByRole("button", { name: "Français", exact: true }).click();
  await expect(mine.locator("html")).toHaveAttribute("lang", "fr");
  await own.close();

  const fr = (key: string, values?: Record<string, string | number>) => say("fr", key, values);
  const staffConsole = await projector.newPage();
  await staffConsole.goto(`/f/${event.slug}`);
  await expect(staffConsole.locator("html")).toHaveAttribute("lang", "fr");
  await expect(staffConsole.locator('[data-status="online"]').first()).toBeVisible();
  // A blank title, past the browser's own check: the server's refusal, in the page's language.
  const boards = staffConsole.locator("#boards");
  await boards.evaluate((section) => {
    for (const form of section.querySelectorAll("form")) form.noValidate = true;
  });
  await boards.getByLabel(fr("console.boards.new.titleLabel"), { exact: true }).fill("  ");
  await boards.getByRole("button", { name: fr("console.boards.new.create") }).click();
  await expect(boards.getByRole("alert")).toContainText(fr("errors.issues.empty", { what: fr("errors.fields.boardTitle") }));
  await expect(staffConsole.locator("html")).toHaveAttribute("lang", "fr");
  await projector.close();
});

test("a phone of a person who picked Polish elsewhere opens in Polish though its browser asks for English", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const first = await browser.newContext({ ...phone, locale: "en-GB" });
  await joinAs(first, event.id, "Zofia");
  const a = await first.newPage();
  await a.goto(`/p/${event.slug}`);
  await a.getByTestId("language-picker").getByRole("button", { name: "Polski", exact: true }).click();
  await expect(a.locator("html")).toHaveAttribute("lang", "pl");

  // Her tablet: the same person, no language chosen on it, its browser English.
  const tablet = await browser.newContext({ ...phone, locale: "en-GB" });
  await tablet.addCookies((await first.cookies()).filter((c) => c.name !== "mi_lang"));
  const b = await tablet.newPage();
  await b.goto(`/p/${event.slug}`);
  await expect(b.locator("html")).toHaveAttribute("lang", "pl");
  await expect(b.getByRole("heading", { name: say("pl", "phone.home.hello", { name: "Zofia" }) })).toBeVisible();
  await expect(b.locator('[data-status="online"]')).toBeVisible();
  // Still Polish once live: nothing redraws it in another language.
  await expect(b.locator("html")).toHaveAttribute("lang", "pl");
  for (const context of [first, tablet]) await context.close();
});
