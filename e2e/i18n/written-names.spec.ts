/**
 * The names the server writes itself ("Someone who left"…) are said in each reader's language,
 * live: a French phone on a board sees the note of someone who has just left signed « Une
 * personne partie », and the English projector "Someone who left".
 */
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { participants, teamMembers } from "@/db/schema";
import { commandSocket } from "../support/command-socket";
import { e2eBaseUrl } from "../support/config";
import { addBoardFixture, addStaff, createEventFixture, db, joinAs, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";
import { addTeam } from "../teams/support";
import { say } from "./catalogue";

test("a note of someone who left is signed in each reader's language", async ({ browser }) => {
  test.setTimeout(120_000);
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { title: "Big ideas", template: "ideas" });
  const facilitator = await addStaff(event.id, "facilitator", "Sam");

  const yann = await browser.newContext({ ...phone, locale: "en-GB" });
  const joined = await joinAs(yann, event.id, "Yann");
  const writer = await yann.newPage();
  await writer.goto(`/p/${event.slug}/b/${board.id}`);
  await writer.getByLabel("Your note").fill("A bench by the bus stop");
  await writer.getByRole("button", { name: /^Add note/ }).click();

  const zelda = await browser.newContext({ ...phone, locale: "fr-FR" });
  await joinAs(zelda, event.id, "Zelda");
  const reader = await zelda.newPage();
  await reader.goto(`/p/${event.slug}/b/${board.id}`);
  const note = reader.getByTestId("note").filter({ hasText: "A bench by the bus stop" });
  await expect(note).toContainText("Yann");

  const laptop = await browser.newContext({ ...projector, locale: "en-GB" });
  await signIn(laptop, facilitator.id);
  const screen = await laptop.newPage();
  await screen.goto(`/s/${event.slug}`);
  const staff = await commandSocket(event.id, facilitator.id);
  await staff.command("screen:show", { wall: { kind: "board", boardId: board.id } });
  await expect(screen.getByText("A bench by the bus stop")).toBeVisible();

  // Yann is taken out, his note kept: every screen re-signs it live, each in its reader's language.
  await staff.command("participant:remove", { participantId: joined.participantId, deleteNotes: false });
  await expect(note).toContainText(say("fr", "notes.writtenNames.left"));
  await expect(note).not.toContainText("Someone who left");
  await expect(screen.getByText("Someone who left")).toBeVisible();
  // And after a reload, from the page's own first render.
  await reader.reload();
  await expect(reader.getByTestId("note").filter({ hasText: "A bench by the bus stop" })).toContainText(
    say("fr", "notes.writtenNames.left"),
  );
  staff.close();
});

test("a team mate shown as a written name is said in the phone's language, live", async ({ browser }) => {
  const event = await createEventFixture();
  const team = await addTeam(event.id, "Our Street");
  const zelda = await browser.newContext({ ...phone, locale: "fr-FR" });
  const reader = await joinAs(zelda, event.id, "Zelda");
  await (await db()).transact((tx) =>
    tx.insert(teamMembers).values({ eventId: event.id, participantId: reader.participantId, teamId: team.id }),
  );
  const home = await zelda.newPage();
  await home.goto(`/p/${event.slug}`);
  await expect(home.getByTestId("my-team-name")).toHaveText("Our Street");

  // An under-16 whose name has no letter to take an initial from is "Young person" to the room:
  // the French phone hears it in French the moment they join the team.
  const young = await browser.newContext({ ...phone, locale: "en-GB" });
  await joinAs(young, event.id, "!!!", "under_16");
  const theirs = await young.newPage();
  await theirs.goto(`/p/${event.slug}`);
  await theirs.getByRole("button", { name: "Join Our Street" }).click();
  await expect(theirs.getByTestId("my-team-name")).toHaveText("Our Street");
  const mates = home.getByTestId("team-mates");
  await expect(mates).toContainText(say("fr", "notes.writtenNames.young"));
  await expect(mates).not.toContainText("Young person");
  await expect(mates).not.toContainText("!!!");
});

test("a device that was away when its person chose another language switches when it comes back", async ({ browser }) => {
  const event = await createEventFixture();
  const phoneA = await browser.newContext({ ...phone, locale: "pl-PL" });
  const joined = await joinAs(phoneA, event.id, "Ola");
  // Ola chose Polish on this phone.
  await phoneA.addCookies([{ name: "mi_lang", value: "pl", url: e2eBaseUrl }]);
  await (await db()).transact((tx) =>
    tx.update(participants).set({ language: "pl" }).where(eq(participants.id, joined.participantId)),
  );
  const page = await phoneA.newPage();
  await page.goto(`/p/${event.slug}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "pl");
  await page.close();

  // While it was closed, she picked French on her laptop: kept with her.
  await (await db()).transact((tx) =>
    tx.update(participants).set({ language: "fr" }).where(eq(participants.id, joined.participantId)),
  );
  const again = await phoneA.newPage();
  await again.goto(`/p/${event.slug}`);
  await expect(again.locator("html")).toHaveAttribute("lang", "fr");
  await expect(again.getByRole("heading", { name: say("fr", "phone.home.hello", { name: "Ola" }) })).toBeVisible();
  // And it stays French after a reload: the cookie now says so.
  await again.reload();
  await expect(again.locator("html")).toHaveAttribute("lang", "fr");
});
