import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { events } from "@/db/schema";
import { findWelcomeBoard } from "@/lib/boards/find-boards";
import { expectAccessible } from "../support/a11y";
import { commandSocket } from "../support/command-socket";
import { addStaff, createEventFixture, db, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";
import { say } from "./catalogue";

test("an organiser sets the event's language: the big screen speaks it, and says how to join in three more", async ({
  browser,
}) => {
  const event = await createEventFixture();
  // The facilitator's laptop is in English; the projector speaks the event's language, and follows it live.
  const facilitator = await addStaff(event.id, "facilitator");
  const laptop = await browser.newContext(projector);
  await signIn(laptop, facilitator.id);
  const screen = await laptop.newPage();
  await screen.goto(`/s/${event.slug}`);
  await expect(screen.getByRole("heading", { name: "Join on your phone" })).toBeVisible();
  const welcome = screen.getByRole("heading", { name: new RegExp(`^${say("en-GB", "templates.welcome.name")}`) });
  await expect(welcome).toBeVisible();
  const organiser = await browser.newContext();
  await signIn(organiser, event.organiser.id);
  const editor = await organiser.newPage();
  await editor.goto(`/o/${event.slug}/edit`);
  await editor.getByLabel("The event's language").selectOption("es");
  const extra = editor.getByRole("group", { name: "Also say how to join in" });
  for (const name of ["Português", "Polski", "Français", "English"])
    await extra.getByRole("checkbox", { name, exact: true }).check();
  await extra.getByRole("checkbox", { name: "Español" }).check();
  await editor.getByRole("button", { name: "Save languages" }).click();
  // Five extra is one too many: a clear message, nothing saved, the ticks kept.
  await expect(editor.getByText("Pick up to four")).toBeVisible();
  await expect(extra.getByRole("checkbox", { name: "Français" })).toBeChecked();
  // Said at the choices it is about: the group and each box are described by it, and marked.
  await expect(extra).toHaveAccessibleDescription(/Pick up to four: more would squeeze the QR code\./);
  await expect(extra.getByRole("checkbox", { name: "Français" })).toHaveAttribute("aria-invalid", "true");
  await extra.getByRole("checkbox", { name: "English", exact: true }).uncheck();
  await editor.getByRole("button", { name: "Save languages" }).click();
  await expect(editor.getByText("Saved. The big screen speaks the event's language")).toBeVisible();
  await expectAccessible(editor);

  // The open big screen switched without a reload.
  await expect(screen.getByRole("heading", { name: "Únete desde tu móvil" })).toBeVisible();
  await expect(screen.getByTestId("join-panel").locator("xpath=ancestor::*[@lang][1]")).toHaveAttribute("lang", "es");
  const also = screen.getByTestId("join-also-in");
  await expect(also.locator('[lang="pt-PT"]')).toHaveText("Participe no seu telemóvel");
  await expect(also.locator('[lang="pl"]')).toHaveText("Dołącz na telefonie");
  await expect(also.locator('[lang="fr"]')).toHaveText("Rejoignez-nous sur votre téléphone");
  // Spanish itself, the main language, is not said twice.
  await expect(also.locator('[lang="es"]')).toHaveCount(0);
  // The welcome wall made in English speaks Spanish too: its title and its prompts.
  await expect(screen.getByRole("heading", { name: new RegExp(`^${say("es", "templates.welcome.name")}`) })).toBeVisible();
  await expect(screen.getByText(say("es", "templates.welcome.columns.hello"), { exact: false })).toBeVisible();
  await expect(screen.getByText(say("en-GB", "templates.welcome.name"))).toHaveCount(0);
  await expect(screen.getByText(say("en-GB", "templates.welcome.columns.hello"), { exact: false })).toHaveCount(0);
  // A facilitator renames it: the screen shows the new name at once, as typed.
  const board = await findWelcomeBoard((await db()).read, event.id);
  if (!board) throw new Error("no welcome wall");
  const staff = await commandSocket(event.id, facilitator.id);
  await staff.command("board:update", { boardId: board.id, title: "¡Hola, Lambeth!" });
  await expect(screen.getByRole("heading", { name: /^¡Hola, Lambeth!/ })).toBeVisible();
  staff.close();
  // The QR code still takes about a third of the screen's height.
  const qr = await screen.getByTestId("join-qr").boundingBox();
  expect(qr?.height ?? 0).toBeGreaterThanOrEqual(1080 / 3);
  await screen.screenshot({ path: "e2e/.artifacts/screen-languages-1920.png" });
  await expectAccessible(screen);

  // A phone asking only for a language Made In doesn't speak (Somali) is met in the event's language, not English.
  const somali = await browser.newContext({ ...phone, locale: "so-SO" });
  const page = await somali.newPage();
  await page.goto(`/j/${event.joinCode}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await page.getByLabel("¿Cómo quieres que te llamen?").fill("Hodan");
  await page.getByRole("button", { name: "Unirme" }).click();
  // Joined: on to their own page in the room, still in the event's language.
  await expect(page).toHaveURL(new RegExp(`/p/${event.slug}/me`));
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await expectAccessible(page);
  // A phone asking for a language we do speak keeps its own.
  const portuguese = await browser.newContext({ ...phone, locale: "pt-PT" });
  const other = await portuguese.newPage();
  await other.goto(`/j/${event.joinCode}`);
  await expect(other.locator("html")).toHaveAttribute("lang", "pt-PT");
  await somali.close();
  await portuguese.close();
  await organiser.close();
  await laptop.close();
});

test("a laptop in Polish opens a French event's big screen: its tab's title and its refusals are French too", async ({
  browser,
}) => {
  const event = await createEventFixture();
  await (await db()).transact((tx) => tx.update(events).set({ language: "fr" }).where(eq(events.id, event.id)));
  const facilitator = await addStaff(event.id, "facilitator");
  const laptop = await browser.newContext({ ...projector, locale: "pl-PL" });
  await signIn(laptop, facilitator.id);
  const screen = await laptop.newPage();
  await screen.goto(`/s/${event.slug}`);
  await expect(screen.getByRole("heading", { name: say("fr", "screen.join.heading") })).toBeVisible();
  await expect(screen).toHaveTitle(new RegExp(say("fr", "screen.metaTitle")));
  // No team to present yet: the server's refusal is shown in the room's language, not the laptop's.
  await screen.keyboard.press("p");
  // The arrows step the presentations only once they are on the screen.
  await expect(screen.getByRole("region", { name: say("fr", "screen.presenter.runningOrder") })).toBeVisible();
  await screen.keyboard.press("ArrowRight");
  await expect(screen.getByRole("alert").filter({ hasText: say("fr", "errors.refusals.noTeamsToPresent") })).toBeVisible();
  await expect(screen.getByText(say("pl", "errors.refusals.noTeamsToPresent"))).toHaveCount(0);
  // One board projected on its own: the same.
  const board = await findWelcomeBoard((await db()).read, event.id);
  if (!board) throw new Error("no welcome wall");
  await screen.goto(`/s/${event.slug}/b/${board.id}`);
  await expect(screen).toHaveTitle(new RegExp(say("fr", "screen.boardMetaTitle")));
  await laptop.close();
});
