import { expect, test } from "@playwright/test";
import { findWelcomeBoard } from "@/lib/boards/find-boards";
import { say } from "../i18n/catalogue";
import { commandSocket } from "../support/command-socket";
import { addStaff, createEventFixture, db, joinAs, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";

test("a board's template words follow each phone's language; words the facilitator typed stay as typed", async ({ browser }) => {
  test.setTimeout(180_000);
  // The event, and so its welcome wall, is in English.
  const event = await createEventFixture();
  const welcome = await findWelcomeBoard((await db()).read, event.id);
  if (!welcome) throw new Error("no welcome wall");
  const facilitator = await addStaff(event.id, "facilitator", "Sam");
  const fr = (key: string) => say("fr", key);
  const en = (key: string) => say("en-GB", key);
  const column = (page: import("@playwright/test").Page, title: string) => page.getByRole("heading", { level: 3, name: title });

  // Amélie taps Français on her phone; Ben's phone stays in English.
  const amelie = await browser.newContext({ ...phone, locale: "en-GB" });
  await joinAs(amelie, event.id, "Amélie");
  const a = await amelie.newPage();
  await a.goto(`/p/${event.slug}`);
  await a.getByTestId("language-picker").getByRole("button", { name: "Français" }).click();
  await expect(a.locator("html")).toHaveAttribute("lang", "fr");
  await expect(column(a, fr("templates.welcome.columns.hello"))).toBeVisible();
  await expect(column(a, fr("templates.welcome.columns.skills"))).toBeVisible();
  await expect(a.getByRole("heading", { name: fr("templates.welcome.name") })).toBeVisible();
  await expect(a.getByText(en("templates.welcome.columns.hello"))).toHaveCount(0);
  await a.screenshot({ path: "e2e/.artifacts/screenshots/board-languages-fr-welcome-390.png", fullPage: true });

  const ben = await browser.newContext({ ...phone, locale: "en-GB" });
  await joinAs(ben, event.id, "Ben");
  const b = await ben.newPage();
  await b.goto(`/p/${event.slug}`);
  await expect(column(b, en("templates.welcome.columns.hello"))).toBeVisible();
  await expect(column(b, en("templates.welcome.columns.skills"))).toBeVisible();
  await expect(b.getByRole("heading", { name: en("templates.welcome.name") })).toBeVisible();

  // A board made live from a template reaches both lists, each in its reader's words, and
  // its prompt too; a blank board's words are as typed, even words a template also uses.
  const staff = await commandSocket(event.id, facilitator.id);
  const { board: ideas } = await staff.command("board:create", {
    title: en("templates.ideas.name"),
    template: "ideas",
    teamId: null,
    columns: [],
  });
  await staff.command("board:create", { title: "Street food", template: "blank", teamId: null, columns: ["Ideas"] });
  const boardsOf = (page: import("@playwright/test").Page) => page.getByRole("navigation", { name: /./ }).getByRole("link");
  await expect(a.getByRole("link", { name: new RegExp(`^${fr("templates.ideas.name")}`) })).toBeVisible();
  await expect(b.getByRole("link", { name: new RegExp(`^${en("templates.ideas.name")}`) })).toBeVisible();
  await expect(boardsOf(a).filter({ hasText: "Street food" })).toBeVisible();
  await a.goto(`/p/${event.slug}/b/${ideas.id}`);
  await expect(column(a, fr("templates.ideas.columns.ideas"))).toBeVisible();
  await a.goBack();

  // Invited to the welcome wall: each phone's nudge names it in its own language.
  await staff.command("screen:show", { wall: { kind: "board", boardId: welcome.id }, nudge: true });
  await expect(a.getByTestId("nudge")).toContainText(fr("templates.welcome.name"));
  await expect(b.getByTestId("nudge")).toContainText(en("templates.welcome.name"));

  // The facilitator renames the welcome wall: both phones show exactly what was typed, live.
  await staff.command("board:update", { boardId: welcome.id, title: "Bienvenue, welcome!" });
  await expect(a.getByRole("heading", { name: "Bienvenue, welcome!" })).toBeVisible();
  await expect(b.getByRole("heading", { name: "Bienvenue, welcome!" })).toBeVisible();
  // Its untouched prompts still follow each reader.
  await expect(column(a, fr("templates.welcome.columns.hello"))).toBeVisible();
  await expect(column(b, en("templates.welcome.columns.hello"))).toBeVisible();

  // The blank board's typed column reads "Ideas" on the French phone too.
  await boardsOf(a).filter({ hasText: "Street food" }).click();
  await expect(column(a, "Ideas")).toBeVisible();

  // The English-speaking facilitator's board page: the template's words in English, the typed title as typed.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: "en-GB" });
  await signIn(desk, facilitator.id);
  const f = await desk.newPage();
  await f.goto(`/f/${event.slug}/b/${welcome.id}`);
  await expect(f.getByRole("region", { name: en("templates.welcome.columns.hello") })).toBeVisible();
  await expect(f.getByText("Bienvenue, welcome!").first()).toBeVisible();

  staff.close();
  for (const context of [amelie, ben, desk]) await context.close();
});
