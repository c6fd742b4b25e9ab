import { randomUUID } from "node:crypto";
import { expect, type Page, test } from "@playwright/test";
import { notes, teamMembers } from "@/db/schema";
import { joinEvent } from "@/lib/participants/join-event";
import { insertTeam } from "@/lib/teams/create-team";
import { expectAccessible } from "../support/a11y";
import { commandSocket } from "../support/command-socket";
import { addBoardFixture, createEventFixture, db, signIn } from "../support/fixtures";
import { projector } from "../support/viewports";
import { addAgenda, journeyNotesAndVote } from "./support";

const shots = "e2e/.artifacts/screenshots";

/** A weekend in full swing: teams with people, a board of notes, a revealed vote, a running timer. */
async function busyWeekend() {
  const event = await createEventFixture({ name: "Made in Lambeth" });
  await addAgenda(event.id, ["Kick-off evening", "Explore", "Make", "Presentations"]);
  const board = await addBoardFixture(event.id, { title: "The park journey", template: "journey" });
  const database = await db();
  const people: string[] = [];
  for (const name of ["Amira", "Ben", "Chidi", "Dana", "Eli", "Fatima", "Gus", "Hana", "Ivo"]) {
    people.push((await database.transact((tx) => joinEvent(tx, { eventId: event.id, displayName: name }))).participantId);
  }
  const teamNames = ["Love Your Space", "Healthwatch", "Lambeth Website"];
  const teams: { id: string; name: string }[] = [];
  for (const name of teamNames) {
    teams.push(
      await database.transact((tx) => insertTeam(tx, { eventId: event.id, name, briefId: null, capacity: 6, now: Date.now() })),
    );
  }
  await database.transact(async (tx) => {
    for (const [i, participantId] of people.entries()) {
      await tx.insert(teamMembers).values({ eventId: event.id, participantId, teamId: teams[i % 3]?.id as string });
    }
  });
  for (const team of teams) await addBoardFixture(event.id, { title: `${team.name}: ideas`, template: "ideas", teamId: team.id });

  await journeyNotesAndVote(event.id, board.id, people);
  return { event, board };
}

/** The smallest text on the wall, so nothing on it is too small to read from the back of a hall. */
async function smallestWallText(screen: Page) {
  return screen.getByTestId("screen-wall").evaluate((root) => {
    let smallest = { size: Number.POSITIVE_INFINITY, text: "" };
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim();
      const element = node.parentElement;
      if (!text || !element || element.closest(".sr-only")) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0 || box.bottom < 0 || box.top > window.innerHeight) continue;
      const size = Number.parseFloat(getComputedStyle(element).fontSize);
      if (size < smallest.size) smallest = { size, text };
    }
    return smallest;
  });
}

test("every wall of the big screen, dark and light, is legible at 1920×1080", async ({ browser }) => {
  // Fourteen walls, each with an axe run: over three minutes on a busy two-core machine.
  test.setTimeout(480_000);
  const { event, board } = await busyWeekend();
  const laptop = await browser.newContext(projector);
  await signIn(laptop, event.organiser.id);
  const console_ = await laptop.newPage();
  await console_.goto(`/f/${event.slug}`);
  await console_.getByRole("button", { name: "Start Explore", exact: true }).click();
  await console_.getByRole("button", { name: "Start timer" }).click();
  await console_.getByLabel("Message").fill("Lunch is in the foyer at 1pm");
  await console_.getByRole("button", { name: "Send announcement" }).click();
  await expect(console_.getByText("Sent to every phone and the big screen.")).toBeVisible();
  // The board on the wall is the one with notes and the vote.
  await console_.getByRole("button", { name: `Show board ${board.title}` }).click();

  const screen = await laptop.newPage();
  await screen.goto(`/s/${event.slug}`);
  const wall = screen.getByTestId("big-screen");
  await expect(wall).toHaveAttribute("data-wall", "board");
  await expect(screen.getByText("Nobody knows who to tell when something is broken")).toBeVisible();

  // "Show votes" is under the board's "More" in the console's list of boards.
  await console_.getByTestId("board-row").filter({ hasText: board.title }).getByText("More").click();
  const walls = [
    ["j", "join"],
    ["b", "board"],
    ["v", "votes"],
    ["t", "teams"],
    ["a", "agenda"],
    ["m", "announcement"],
    ["r", "rotate"],
  ] as const;
  const report: string[] = [];
  for (const theme of ["dark", "light"] as const) {
    if ((await wall.getAttribute("data-theme")) !== theme) await screen.keyboard.press("l");
    await expect(wall).toHaveAttribute("data-theme", theme);
    for (const [key, kind] of walls) {
      // "b" and "v" step through boards from the one showing; go back to the journey board first.
      if (kind === "votes") await console_.getByRole("button", { name: `Show votes on ${board.title}` }).click();
      else if (kind === "board") await console_.getByRole("button", { name: `Show board ${board.title}` }).click();
      else await screen.keyboard.press(key);
      await expect(wall).toHaveAttribute("data-wall", kind);
      if (kind === "votes") await expect(screen.getByTestId("wall-votes")).toContainText("The gate is locked at weekends3 dots");
      if (kind === "board") await expect(screen.getByTestId("wall-board")).toContainText("Free tennis courts");
      if (kind === "rotate") await expect(screen.getByTestId("wall-rotate")).toContainText("board 1 of 3");
      if (kind === "teams") await expect(screen.getByTestId("screen-wall")).toContainText("Healthwatch");
      if (kind === "announcement") await expect(screen.getByTestId("wall-announcement")).toBeVisible();
      await expectAccessible(screen); // includes colour contrast (WCAG AA)
      const smallest = await smallestWallText(screen);
      report.push(`${theme} ${kind}: smallest text ${smallest.size}px ("${smallest.text.slice(0, 30)}")`);
      expect(smallest.size, `${theme} ${kind}: "${smallest.text}"`).toBeGreaterThanOrEqual(18);
      await screen.screenshot({ path: `${shots}/screen-${kind}-${theme}.png` });
    }
  }
  console.log(report.join("\n"));
  await laptop.close();
});

/** The wall's notes whose text runs past the lines their card shows (cut with an ellipsis). */
async function cutNotes(screen: Page) {
  return screen
    .getByTestId("wall-note-text")
    .evaluateAll((texts) =>
      texts
        .filter((t) => t.scrollHeight > t.clientHeight + 1)
        .map((t) => `${t.textContent} (${t.scrollHeight}px in ${t.clientHeight}px)`),
    );
}

test("a board of a few notes shows every note whole at 1920×1080, a long one and a Polish one included", async ({ browser }) => {
  const event = await createEventFixture({ name: "Made in Lambeth" });
  await addAgenda(event.id, ["Explore", "Make"]);
  const database = await db();
  const author = (await database.transact((tx) => joinEvent(tx, { eventId: event.id, displayName: "Mo Ahmed" }))).participantId;
  const addBoardOf = async (title: string, texts: string[]) => {
    const board = await addBoardFixture(event.id, { title, template: "ideas" });
    await database.transact(async (tx) => {
      for (const [i, text] of texts.entries()) {
        await tx.insert(notes).values({
          id: randomUUID(),
          boardId: board.id,
          column: "ideas",
          text,
          colour: "yellow",
          position: i + 1,
          authorParticipantId: author,
        });
      }
    });
    return board;
  };
  const three = await addBoardOf("Third board", [
    "Bins: tell me the day",
    "A single page for every way to contact the council, with opening hours and a phone number that a real person answers",
    "Library wifi",
  ]);
  const five = await addBoardOf("Ideas for a better website", [
    "Bin day checker that works on a phone",
    "Search that understands 'pothole'",
    "Strona po polsku, proszę — i prostszy formularz zgłoszeń",
    "Mapa remontów",
    "Tell me what happens after I report something",
  ]);
  const staff = await commandSocket(event.id, event.organiser.id);
  const laptop = await browser.newContext(projector);
  await signIn(laptop, event.organiser.id);
  const screen = await laptop.newPage();
  await screen.goto(`/s/${event.slug}`);

  // No phase yet: the board has the screen's whole height.
  await staff.command("screen:show", { wall: { kind: "board", boardId: three.id } });
  await expect(screen.getByTestId("wall-board")).toContainText("Library wifi");
  await expect(screen.getByTestId("wall-note-text")).toHaveCount(3);
  await expect.poll(() => cutNotes(screen)).toEqual([]);
  await screen.screenshot({ path: `${shots}/screen-board-three-notes.png` });

  // A phase and its timer in the header: less height, five notes.
  await staff.command("phase:next", { fromPhaseId: null });
  await staff.command("timer:start", {});
  await staff.command("screen:show", { wall: { kind: "board", boardId: five.id } });
  await expect(screen.getByTestId("wall-board")).toContainText("Mapa remontów");
  await expect(screen.getByTestId("wall-note-text")).toHaveCount(5);
  await expect.poll(() => cutNotes(screen)).toEqual([]);
  await screen.screenshot({ path: `${shots}/screen-board-five-notes.png` });
  staff.close();
  await laptop.close();
});
