import { expect, test } from "@playwright/test";
import { expectAccessible } from "../support/a11y";
import { commandSocket } from "../support/command-socket";
import { addBoardFixture, addStaff, createEventFixture, joinAs, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";
import { addTeam } from "../teams/support";
import { say } from "./catalogue";

test("a Portuguese phone, a Polish phone and an English projector in one room, live; one tap to Spanish follows the person", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const event = await createEventFixture();
  await addTeam(event.id, "Street reporters");
  const board = await addBoardFixture(event.id, { title: "Big ideas", template: "ideas" });
  const facilitator = await addStaff(event.id, "facilitator", "Sam");

  // The projector: the laptop of an English-speaking facilitator, the event in English.
  const laptop = await browser.newContext({ ...projector, locale: "en-GB" });
  await signIn(laptop, facilitator.id);
  const screen = await laptop.newPage();
  await screen.goto(`/s/${event.slug}`);
  await expect(screen.getByRole("heading", { name: "Join on your phone" })).toBeVisible();

  // A phone whose browser speaks Portuguese joins by the code, as a person would.
  const pt = (key: string, values?: Record<string, string | number>) => say("pt-PT", key, values);
  const lucia = await browser.newContext({ ...phone, locale: "pt-PT" });
  const a = await lucia.newPage();
  await a.goto("/j");
  await expect(a.locator("html")).toHaveAttribute("lang", "pt-PT");
  await a.getByLabel(pt("join.codeForm.label")).fill(event.joinCode);
  await a.getByRole("button", { name: pt("join.codeForm.continue") }).click();
  await a.getByLabel(pt("join.joinForm.nameLabel")).fill("Lúcia");
  await a.getByRole("button", { name: pt("join.joinForm.join"), exact: true }).click();
  await expect(a.getByRole("heading", { name: pt("me.page.welcomeTitle", { name: "Lúcia" }) })).toBeVisible();
  // Skills, in Portuguese, kept as the room's common words.
  await a.getByRole("checkbox", { name: pt("me.form.skill.drawing") }).check();
  await a.getByRole("radio", { name: pt("me.form.age.18_plus") }).check();
  await a.screenshot({ path: "e2e/.artifacts/screenshots/i18n-pt-about-you-390.png", fullPage: true });
  await a.getByRole("button", { name: pt("me.form.saveContinue") }).click();
  await expect(a.getByRole("heading", { name: pt("phone.home.hello", { name: "Lúcia" }) })).toBeVisible();
  await expect(a.locator('[data-status="online"]')).toBeVisible();

  // Joins a team with a tap.
  await a.getByRole("button", { name: pt("phone.team.joinLabel", { team: "Street reporters" }) }).click();
  await expect(a.getByTestId("my-team-name")).toHaveText("Street reporters");
  await a.screenshot({ path: "e2e/.artifacts/screenshots/i18n-pt-home-390.png", fullPage: true });
  await expectAccessible(a);

  // A second phone, in Polish, in the same room; the projector shows the board.
  const piotr = await browser.newContext({ ...phone, locale: "pl-PL" });
  await joinAs(piotr, event.id, "Piotr");
  const b = await piotr.newPage();
  await b.goto(`/p/${event.slug}/b/${board.id}`);
  await expect(b.locator("html")).toHaveAttribute("lang", "pl");
  const staff = await commandSocket(event.id, facilitator.id);
  await staff.command("screen:show", { wall: { kind: "board", boardId: board.id } });

  // Adds a note in Portuguese: it reaches the Polish phone and the English projector.
  await a.goto(`/p/${event.slug}/b/${board.id}`);
  await a.getByLabel(pt("board.add.yourNote")).fill("Mais bancos no parque");
  await a.getByRole("button", { name: new RegExp(`^${pt("board.add.submit")}`) }).click();
  await expect(b.getByTestId("note").filter({ hasText: "Mais bancos no parque" })).toBeVisible();
  await expect(screen.getByText("Mais bancos no parque")).toBeVisible();

  // Votes: the banner and the "+" speak each phone's language.
  await staff.command("vote:open", { boardId: board.id, dotsPerPerson: 2, maxPerTarget: 2 });
  await expect(a.getByTestId("vote-banner")).toContainText(pt("vote.banner.open", { count: 2 }));
  await expect(b.getByTestId("vote-banner")).toContainText(say("pl", "vote.banner.open", { count: 2 }));
  await a.getByRole("button", { name: pt("vote.controls.add", { label: "Mais bancos no parque" }) }).click();
  await expect(a.getByRole("button", { name: pt("vote.controls.takeBack", { label: "Mais bancos no parque" }) })).toBeEnabled();
  await a.screenshot({ path: "e2e/.artifacts/screenshots/i18n-pt-vote-390.png" });
  await expectAccessible(a);
  await expectAccessible(b);

  // Lúcia's tablet, already open on her page, will follow her choice without a reload.
  const tablet = await browser.newContext({ ...phone, locale: "pt-PT" });
  await tablet.addCookies(await lucia.cookies());
  const c = await tablet.newPage();
  await c.goto(`/p/${event.slug}`);
  await expect(c.getByRole("heading", { name: pt("phone.home.hello", { name: "Lúcia" }) })).toBeVisible();
  await expect(c.locator('[data-status="online"]')).toBeVisible();

  // One tap to Spanish on the phone.
  await a.goto(`/p/${event.slug}`);
  await a.getByTestId("language-picker").getByRole("button", { name: "Español" }).click();
  const es = (key: string, values?: Record<string, string | number>) => say("es", key, values);
  await expect(a.getByRole("heading", { name: es("phone.home.hello", { name: "Lúcia" }) })).toBeVisible();
  await expect(a.locator("html")).toHaveAttribute("lang", "es");
  await a.reload();
  await expect(a.getByRole("heading", { name: es("phone.home.hello", { name: "Lúcia" }) })).toBeVisible();
  // The tablet switched by itself.
  await expect(c.getByRole("heading", { name: es("phone.home.hello", { name: "Lúcia" }) })).toBeVisible();
  await expect(c.locator("html")).toHaveAttribute("lang", "es");

  // A device she signs in on later, by her personal link, starts in Spanish though it asks for Portuguese.
  await a.getByRole("link", { name: new RegExp(es("phone.home.device")) }).click();
  await a.getByRole("button", { name: es("phone.device.show") }).click();
  const link = (await a.getByTestId("device-link").textContent())?.trim() ?? "";
  const laterPhone = await browser.newContext({ ...phone, locale: "pt-PT" });
  const d = await laterPhone.newPage();
  await d.goto(new URL(link).pathname);
  // The link's page asks first, already in her language.
  await expect(d.locator("html")).toHaveAttribute("lang", "es");
  await d.getByRole("button", { name: es("phone.device.claimButton") }).click();
  await expect(d.getByRole("heading", { name: es("phone.home.hello", { name: "Lúcia" }) })).toBeVisible();
  await expect(d.locator("html")).toHaveAttribute("lang", "es");

  // Nobody else changed: the Polish phone and the English projector.
  await expect(b.locator("html")).toHaveAttribute("lang", "pl");
  await expect(screen.getByTestId("screen-wall")).toContainText("Mais bancos no parque");
  await expect(screen.locator("html")).toHaveAttribute("lang", "en-GB");

  staff.close();
  for (const context of [laptop, lucia, piotr, tablet, laterPhone]) await context.close();
});
