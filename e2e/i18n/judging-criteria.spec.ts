/**
 * Made In's own judging criteria (a brief that says nothing of success) are stored under English
 * names and shown in each reader's language. The console's criteria editor shows them in the
 * facilitator's language too, and saving them untouched keeps them Made In's own, so a colleague
 * in another language still reads them in theirs.
 */
import { expect, test } from "@playwright/test";
import { briefTeams } from "../presentations/support";
import { addStaff, createEventFixture, signIn } from "../support/fixtures";
import { projector } from "../support/viewports";
import { say } from "./catalogue";

test("a Polish facilitator edits Made In's own criteria in Polish; an English colleague still reads them in English", async ({
  browser,
}) => {
  const event = await createEventFixture();
  await briefTeams(event.id, [{ title: "Parks", success: "", owner: "Council" }]);
  const criteria = ["clear", "works", "forward"];
  const editor = (page: import("@playwright/test").Page, locale: string) =>
    page.getByLabel(say(locale, "presentations-console.criteria.label", { team: "Parks" }));
  const form = (page: import("@playwright/test").Page, locale: string) =>
    page.locator("form").filter({ has: editor(page, locale) });
  const save = async (page: import("@playwright/test").Page, locale: string) => {
    await form(page, locale)
      .getByRole("button", { name: say(locale, "presentations-console.criteria.save") })
      .click();
    await expect(form(page, locale).locator("output")).toHaveText(say(locale, "presentations-console.criteria.saved"));
  };
  const open = async (page: import("@playwright/test").Page, locale: string) => {
    await page.goto(`/f/${event.slug}/presentations`);
    await page.getByText(say(locale, "presentations-console.criteria.summary", { team: "Parks", count: 3 })).click();
  };

  const polish = await browser.newContext({ ...projector, locale: "pl-PL" });
  await signIn(polish, (await addStaff(event.id, "facilitator", "Ola")).id);
  const p = await polish.newPage();
  await open(p, "pl");
  const inPolish = criteria.map((key) => say("pl", `presentations.fallbackCriteria.${key}`)).join("\n");
  await expect(editor(p, "pl")).toHaveValue(inPolish);
  await expect(editor(p, "pl")).not.toHaveValue(/The problem is clear/);
  // Saved untouched, then with one of them reworded.
  await save(p, "pl");
  const reworded = [
    say("pl", "presentations.fallbackCriteria.clear"),
    "Działa na telefonie",
    say("pl", "presentations.fallbackCriteria.forward"),
  ];
  await editor(p, "pl").fill(reworded.join("\n"));
  await save(p, "pl");

  // The English colleague reads Made In's own two in English; the words Ola wrote, as she wrote them.
  const english = await browser.newContext({ ...projector, locale: "en-GB" });
  await signIn(english, (await addStaff(event.id, "facilitator", "Sam")).id);
  const e = await english.newPage();
  await open(e, "en-GB");
  await expect(editor(e, "en-GB")).toHaveValue(
    [
      say("en-GB", "presentations.fallbackCriteria.clear"),
      "Działa na telefonie",
      say("en-GB", "presentations.fallbackCriteria.forward"),
    ].join("\n"),
  );
  // Ola's own console, reloaded, still reads them in Polish.
  await open(p, "pl");
  await expect(editor(p, "pl")).toHaveValue(reworded.join("\n"));
  await polish.close();
  await english.close();
});
