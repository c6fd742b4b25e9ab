/**
 * Nothing a screen shows is read only at page load: for each kind of thing, the screens that
 * show it are opened first, then it is created, renamed, revealed, reordered or deleted (from
 * the console, the facilitator's board page or a phone), and every one of those screens must
 * follow without a reload.
 *
 * The table `rows` names, for each entity, what changes it and which screens must show it:
 * a new entity is one row, and each row is its own test (its own event, only its screens), so
 * rows run in parallel and each fits its timeout.
 */
import { type Browser, type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { boards as boardsTable, teamMembers, teams as teamsTable } from "@/db/schema";
import { joinEvent } from "@/lib/participants/join-event";
import type { CommandName, CommandPayload, CommandResults } from "@/lib/realtime/contract";
import type { WallChoice } from "@/lib/realtime/contract-room";
import { briefTeams, memberOf } from "../presentations/support";
import { addAgenda } from "../room-control/support";
import { type CommandSocket, commandSocket } from "../support/command-socket";
import { addBoardFixture, addStaff, createEventFixture, db, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";

type ScreenName =
  | "phoneHome"
  | "phoneBoard"
  | "phoneBrief"
  | "phonePresentations"
  | "judge"
  | "console"
  | "facilitatorBoard"
  | "bigScreen";
type Screens = Partial<Record<ScreenName, Page>>;

type World = {
  eventId: string;
  screens: Screens;
  screen(name: ScreenName): Page;
  /** The facilitator's own connection: the same commands the console sends. */
  command<N extends CommandName>(name: N, payload: CommandPayload<N>): Promise<CommandResults[N]>;
  /** The whole-room board every phone board and the facilitator's board page show ("Ideas wall"). */
  boardId: string;
  /** Parks (Amira's, briefed "Clear") then Libraries (Ben's). */
  teamIds: string[];
  /** A page of the organisers' pages (`/o/<slug>…`, the slug filled in), signed in as the event's organiser. */
  organiserPage(path: (slug: string) => string): Promise<Page>;
};

/** One row: the entity, what is there before the screens open, what changes, and where it must show. */
type Row = {
  entity: string;
  /** What the big screen shows (default: the join wall). */
  wall?: (w: World) => WallChoice;
  /** "Ideas wall" hides notes until the facilitator reveals it. */
  hidden?: boolean;
  /** Made before any screen opens, so it is in every page's first load. */
  before?(w: World): Promise<void>;
  /** Screens the change is made on, besides those that must show it. */
  uses?: ScreenName[];
  act(w: World): Promise<void>;
  shows: Partial<Record<ScreenName, (page: Page) => Promise<void>>>;
};

const visible = (locator: (page: Page) => Locator) => async (page: Page) => {
  await expect(locator(page).first()).toBeVisible();
};
const gone = (locator: (page: Page) => Locator) => async (page: Page) => {
  await expect(locator(page)).toHaveCount(0);
};
const phoneBoardLink = (p: Page, name: RegExp) => p.getByRole("link", { name });
const consoleBoardRow = (p: Page, title: string) => p.getByTestId("board-row").filter({ hasText: title });
const overviewTeam = (p: Page, name: string) =>
  p.getByTestId("overview-team").filter({ has: p.getByRole("heading", { name, exact: true }) });

/** Writes a note from Amira's phone, on "Ideas wall", and waits until her phone shows it sent. */
async function writeOnPhone(w: World, text: string) {
  const board = w.screen("phoneBoard");
  await board.getByLabel("Your note").fill(text);
  await board.getByRole("button", { name: "Add note" }).click();
  await expect(board.getByTestId("note").filter({ hasText: text })).toBeVisible();
}

/** Someone in a team without a screen open (their phone is in their pocket). */
async function personIn(w: World, teamId: string, name: string) {
  await (await db()).transact(async (tx) => {
    const joined = await joinEvent(tx, { eventId: w.eventId, displayName: name, ageBand: "18_plus" });
    await tx.insert(teamMembers).values({ eventId: w.eventId, participantId: joined.participantId, teamId });
  });
}

/** Two notes written by the facilitator, grouped, before the screens open; returns their ids. */
async function groupedNotes(w: World) {
  const a = await w.command("note:create", { boardId: w.boardId, column: "ideas", text: "Shade trees", colour: "yellow" });
  const b = await w.command("note:create", { boardId: w.boardId, column: "ideas", text: "Water fountains", colour: "yellow" });
  const grouped = await w.command("note:group", { noteId: a.note.id, withNoteId: b.note.id });
  return { a: a.note.id, b: b.note.id, groupId: grouped.group.id };
}

const rows: Row[] = [
  // Boards
  {
    entity: "a board created from the console",
    act: async (w) => {
      await w.command("board:create", { title: "Made later", template: "ideas" });
    },
    shows: {
      phoneHome: visible((p) => phoneBoardLink(p, /Made later/)),
      console: visible((p) => consoleBoardRow(p, "Made later")),
      bigScreen: async (p) => {
        // The board wall's choices on the console and the keyboard follow the list; shown at once:
        await p.keyboard.press("b");
        await expect(p.getByTestId("wall-board")).toBeVisible();
      },
    },
  },
  {
    entity: "a board renamed",
    wall: (w) => ({ kind: "board", boardId: w.boardId }),
    act: async (w) => {
      await w.command("board:update", { boardId: w.boardId, title: "Ideas for the park" });
    },
    shows: {
      phoneHome: visible((p) => phoneBoardLink(p, /Ideas for the park/)),
      phoneBoard: visible((p) => p.getByRole("heading", { name: "Ideas for the park" })),
      console: visible((p) => consoleBoardRow(p, "Ideas for the park")),
      facilitatorBoard: visible((p) => p.getByRole("heading", { name: "Ideas for the park" })),
      bigScreen: visible((p) => p.getByTestId("screen-wall").getByText("Ideas for the park")),
    },
  },
  {
    entity: "a board locked from the console",
    act: async (w) => {
      const console = w.screen("console");
      await console.getByRole("button", { name: "Lock board Ideas wall" }).click();
    },
    uses: ["console"],
    shows: {
      console: visible((p) => consoleBoardRow(p, "Ideas wall").getByText(/locked/)),
      phoneBoard: visible((p) => p.getByText("The facilitator has locked this board")),
    },
  },
  // Teams
  {
    entity: "a team, and its board, created from the console",
    wall: () => ({ kind: "rotate" }),
    act: async (w) => {
      const console = w.screen("console");
      await console.getByLabel("New team's name").fill("Late starters");
      await console.getByRole("button", { name: "Add team" }).click();
      await expect(overviewTeam(console, "Late starters")).toBeVisible();
      const { teams } = await w.command("teams:snapshot", {});
      const team = teams.find((t) => t.name === "Late starters");
      if (!team) throw new Error("the new team is not in the snapshot");
      await w.command("board:create", { title: "Late starters' wall", template: "ideas", teamId: team.id });
    },
    uses: ["console"],
    shows: {
      console: visible((p) => consoleBoardRow(p, "Late starters' wall").getByText("Team: Late starters")),
      phoneHome: async (p) => {
        await p.getByRole("button", { name: "Change team" }).click();
        // Ben moves in: a team somebody joined presents, so the judge and the room see it next.
        await p.getByRole("button", { name: "Move to Late starters" }).click();
        await expect(p.getByTestId("my-team-name")).toHaveText("Late starters");
      },
      judge: visible((p) => p.getByTestId("judge-team-Late starters")),
      phonePresentations: async (p) => {
        await expect(p.getByRole("option", { name: /Late starters/ })).toBeAttached();
      },
      bigScreen: visible((p) => p.getByTestId("wall-rotate").getByText(/Team Late starters/)),
    },
  },
  {
    entity: "a team renamed from the console",
    wall: () => ({ kind: "teams" }),
    before: async (w) => {
      await w.command("board:create", { title: "Libraries' wall", template: "ideas", teamId: w.teamIds[1] as string });
    },
    act: async (w) => {
      const console = w.screen("console");
      await console.getByRole("button", { name: "Rename Libraries" }).click();
      await console.getByLabel("New name for Libraries").fill("Open books");
      await console.getByRole("button", { name: "Save" }).click();
    },
    uses: ["console"],
    shows: {
      console: visible((p) => consoleBoardRow(p, "Libraries' wall").getByText("Team: Open books")),
      phoneHome: async (p) => {
        await expect(p.getByTestId("my-team-name")).toHaveText("Open books");
        await expect(phoneBoardLink(p, /Libraries' wall.*Your team: Open books/)).toBeVisible();
      },
      judge: visible((p) => p.getByTestId("judge-team-Open books")),
      phoneBrief: visible((p) => p.getByText("Open books · your brief")),
      phonePresentations: async (p) => {
        await expect(p.getByRole("option", { name: /Open books/ })).toBeAttached();
      },
      bigScreen: visible((p) => overviewTeam(p, "Open books")),
    },
  },
  {
    entity: "a team split in two from the console",
    wall: () => ({ kind: "teams" }),
    act: async (w) => {
      const console = w.screen("console");
      await console.getByRole("button", { name: "Split Libraries into two teams" }).click();
    },
    uses: ["console"],
    shows: {
      console: async (p) => {
        await expect(p.getByTestId("overview-team")).toHaveCount(3);
      },
      phoneHome: async (p) => {
        await p.getByRole("button", { name: "Change team" }).click();
        await expect(p.getByTestId("team-option")).toHaveCount(3);
      },
      judge: async (p) => {
        // The new half is empty until someone moves across, so it has no slot yet; the old half's new name shows.
        await expect(p.getByTestId("judge-team-Libraries A")).toBeVisible();
        await expect(p.locator('[data-testid^="judge-team-"]')).toHaveCount(2);
      },
      bigScreen: async (p) => {
        await expect(p.getByTestId("overview-team")).toHaveCount(3);
      },
    },
  },
  {
    entity: "a person moving team on their phone",
    wall: () => ({ kind: "teams" }),
    before: async (w) => {
      await personIn(w, w.teamIds[0] as string, "Esme");
    },
    act: async (w) => {
      const phone = w.screen("phoneHome");
      await phone.getByRole("button", { name: "Change team" }).click();
      await phone.getByRole("button", { name: "Move to Parks" }).click();
      await expect(phone.getByTestId("my-team-name")).toHaveText("Parks");
    },
    uses: ["phoneHome"],
    shows: {
      console: async (p) => {
        await expect(overviewTeam(p, "Parks").getByTestId("team-headcount")).toHaveText("2");
        await expect(overviewTeam(p, "Libraries").getByTestId("team-headcount")).toHaveText("0");
      },
      phoneHome: visible((p) => p.getByTestId("team-mates").getByText(/Esme/)),
      bigScreen: async (p) => {
        await expect(overviewTeam(p, "Parks").getByTestId("team-headcount")).toHaveText("2");
      },
    },
  },
  {
    entity: "a person moved to another team by a facilitator",
    act: async (w) => {
      const { people } = await w.command("teams:snapshot", {});
      const bea = people.find((p) => p.name === "Bea");
      if (!bea) throw new Error("Bea is not in the room");
      await w.command("participant:move", { participantId: bea.id, teamId: w.teamIds[0] as string });
    },
    shows: {
      // Her old team's brief is no longer hers to reframe.
      phoneBrief: async (p) => {
        await expect(p.getByText(/your brief/)).toHaveCount(0);
        await expect(p.getByLabel("The problem as your team now sees it")).toHaveCount(0);
      },
    },
  },
  // Notes
  {
    entity: "a note written on a phone, on a board hidden until reveal",
    hidden: true,
    wall: (w) => ({ kind: "board", boardId: w.boardId }),
    act: (w) => writeOnPhone(w, "Benches by the pond"),
    uses: ["phoneBoard"],
    shows: {
      // The facilitator reads it before the reveal (to moderate it); the room sees only that a note came.
      facilitatorBoard: visible((p) =>
        p
          .getByTestId("wall-note")
          .filter({ hasText: "Benches by the pond" })
          .getByText("Hidden from the room until you reveal the board"),
      ),
      bigScreen: visible((p) => p.getByTestId("wall-board").getByText("A note, hidden until the facilitator reveals the board")),
      console: visible((p) => consoleBoardRow(p, "Ideas wall").getByText("1 note")),
      phoneHome: visible((p) => phoneBoardLink(p, /Ideas wall.*1 note/)),
    },
  },
  {
    entity: "a hidden board revealed from the facilitator's board page",
    hidden: true,
    wall: (w) => ({ kind: "board", boardId: w.boardId }),
    before: async (w) => {
      await w.command("note:create", { boardId: w.boardId, column: "ideas", text: "Benches by the pond", colour: "yellow" });
    },
    act: async (w) => {
      await w.screen("facilitatorBoard").getByRole("button", { name: "Reveal everyone's notes" }).click();
    },
    uses: ["facilitatorBoard"],
    shows: {
      facilitatorBoard: async (p) => {
        await expect(p.getByText("Benches by the pond").first()).toBeVisible();
        await expect(p.getByText("Hidden from the room until you reveal the board")).toHaveCount(0);
      },
      bigScreen: visible((p) => p.getByTestId("wall-board").getByText("Benches by the pond")),
      phoneBoard: visible((p) => p.getByTestId("note").getByText("Benches by the pond")),
    },
  },
  {
    entity: "a note edited on a phone",
    wall: (w) => ({ kind: "board", boardId: w.boardId }),
    act: async (w) => {
      await writeOnPhone(w, "Swings for toddlers");
      await expect(w.screen("facilitatorBoard").getByText("Swings for toddlers", { exact: true })).toBeVisible();
      const phone = w.screen("phoneBoard");
      await phone.getByRole("button", { name: "Edit note: Swings for toddlers" }).click();
      await phone.getByLabel("Edit your note").fill("Swings for everyone");
      await phone.getByRole("button", { name: "Save" }).click();
    },
    uses: ["phoneBoard"],
    shows: {
      facilitatorBoard: async (p) => {
        await expect(p.getByText("Swings for everyone", { exact: true })).toBeVisible();
        await expect(p.getByText("Swings for toddlers", { exact: true })).toHaveCount(0);
      },
      bigScreen: visible((p) => p.getByTestId("wall-board").getByText("Swings for everyone")),
    },
  },
  {
    entity: "a note deleted on a phone",
    wall: (w) => ({ kind: "board", boardId: w.boardId }),
    act: async (w) => {
      await writeOnPhone(w, "A note to take back");
      await expect(w.screen("bigScreen").getByText("A note to take back")).toBeVisible();
      await w.screen("phoneBoard").getByRole("button", { name: "Delete note: A note to take back" }).click();
    },
    uses: ["phoneBoard", "bigScreen"],
    shows: {
      phoneBoard: gone((p) => p.getByTestId("note").filter({ hasText: "A note to take back" })),
      facilitatorBoard: gone((p) => p.getByText("A note to take back")),
      bigScreen: gone((p) => p.getByText("A note to take back")),
      console: visible((p) => consoleBoardRow(p, "Ideas wall").getByText("0 notes")),
    },
  },
  {
    entity: "a note deleted by the facilitator",
    before: async (w) => {
      await w.command("note:create", { boardId: w.boardId, column: "ideas", text: "Off-topic note", colour: "yellow" });
    },
    act: async (w) => {
      const { notes } = await w.command("board:open", { boardId: w.boardId });
      const note = notes.find((n) => n.text === "Off-topic note");
      if (!note) throw new Error("the note is not on the board");
      await w.command("note:delete", { noteId: note.id });
    },
    shows: {
      phoneBoard: gone((p) => p.getByText("Off-topic note")),
      phoneHome: visible((p) => phoneBoardLink(p, /Ideas wall.*0 notes/)),
    },
  },
  // Groups
  {
    entity: "two notes grouped",
    wall: (w) => ({ kind: "board", boardId: w.boardId }),
    before: async (w) => {
      await w.command("note:create", { boardId: w.boardId, column: "ideas", text: "Shade trees", colour: "yellow" });
      await w.command("note:create", { boardId: w.boardId, column: "ideas", text: "Water fountains", colour: "yellow" });
    },
    act: async (w) => {
      const { notes } = await w.command("board:open", { boardId: w.boardId });
      const [a, b] = notes;
      if (!a || !b) throw new Error("two notes expected");
      await w.command("note:group", { noteId: a.id, withNoteId: b.id });
    },
    shows: {
      facilitatorBoard: visible((p) => p.getByTestId("wall-group")),
      bigScreen: visible((p) => p.getByTestId("wall-group")),
      phoneBoard: async (p) => {
        // An untitled group is called after its first note, on both notes' chips.
        await expect(p.getByTestId("note").getByText(/^Group with “(Shade trees|Water fountains)”$/)).toHaveCount(2);
      },
    },
  },
  {
    entity: "a group renamed",
    wall: (w) => ({ kind: "board", boardId: w.boardId }),
    before: async (w) => {
      await groupedNotes(w);
    },
    act: async (w) => {
      const { groups } = await w.command("board:open", { boardId: w.boardId });
      const group = groups[0];
      if (!group) throw new Error("a group expected");
      await w.command("group:rename", { groupId: group.id, title: "Keeping cool" });
    },
    shows: {
      facilitatorBoard: visible((p) => p.getByTestId("wall-group").getByText("Keeping cool")),
      bigScreen: visible((p) => p.getByTestId("wall-group").getByText("Keeping cool")),
      phoneBoard: async (p) => {
        await expect(p.getByTestId("note").getByText("Group: Keeping cool")).toHaveCount(2);
      },
    },
  },
  {
    entity: "a note taken out of its group",
    wall: (w) => ({ kind: "board", boardId: w.boardId }),
    before: async (w) => {
      await groupedNotes(w);
    },
    act: async (w) => {
      const { notes } = await w.command("board:open", { boardId: w.boardId });
      const note = notes.find((n) => n.text === "Shade trees");
      if (!note) throw new Error("the note is not on the board");
      await w.command("note:ungroup", { noteId: note.id });
    },
    shows: {
      facilitatorBoard: gone((p) => p.getByTestId("wall-group")),
      bigScreen: gone((p) => p.getByTestId("wall-group")),
      phoneBoard: gone((p) => p.getByTestId("note").getByText(/^Group with /)),
    },
  },
  // Vote rounds
  {
    entity: "a vote started from the board page",
    before: async (w) => {
      await w.command("note:create", { boardId: w.boardId, column: "ideas", text: "Shade trees", colour: "yellow" });
    },
    act: async (w) => {
      const wall = w.screen("facilitatorBoard");
      // With no round yet, the form is open.
      await wall.getByRole("button", { name: "Start voting" }).click();
    },
    uses: ["facilitatorBoard"],
    shows: {
      phoneHome: visible((p) => p.getByTestId("nudge").getByText(/Time to vote/)),
      phoneBoard: visible((p) => p.getByTestId("vote-banner")),
      console: visible((p) => p.getByTestId("quick-vote-status").getByText("Vote open")),
    },
  },
  {
    entity: "a vote started from the console",
    before: async (w) => {
      await w.command("note:create", { boardId: w.boardId, column: "ideas", text: "Shade trees", colour: "yellow" });
    },
    act: async (w) => {
      await w.screen("console").getByRole("button", { name: "Open a vote on Ideas wall" }).click();
    },
    uses: ["console"],
    shows: {
      phoneHome: visible((p) => p.getByTestId("nudge").getByText(/Time to vote/)),
      phoneBoard: visible((p) => p.getByTestId("vote-banner")),
      facilitatorBoard: visible((p) => p.getByRole("button", { name: "Close voting" })),
    },
  },
  // Judging criteria
  {
    entity: "a judging criterion added",
    act: async (w) => {
      await w.command("criteria:set", { teamId: w.teamIds[0] as string, criteria: ["Clear", "Kind to neighbours"] });
    },
    shows: {
      judge: async (p) => {
        await expect(p.getByTestId("score-Parks-Kind to neighbours-4")).toBeVisible();
        await expect(p.getByTestId("judge-team-Parks")).toContainText("0 of 2 scored");
      },
    },
  },
  {
    entity: "a judging criterion reworded after a judge scored it",
    act: async (w) => {
      const judge = w.screen("judge");
      await judge.getByTestId("score-Parks-Clear-4").click();
      await expect(judge.getByTestId("score-Parks-Clear-4")).toHaveAttribute("aria-pressed", "true");
      // The same number of criteria, one worded differently: a rewording, and the score moves with it.
      await w.command("criteria:set", { teamId: w.teamIds[0] as string, criteria: ["Clear to everyone"] });
    },
    shows: {
      judge: async (p) => {
        await expect(p.getByTestId("score-Parks-Clear to everyone-4")).toHaveAttribute("aria-pressed", "true");
        await expect(p.getByTestId("judge-team-Parks")).toContainText("1 of 1 scored");
      },
    },
  },
  // Running order
  {
    entity: "the running order",
    act: async (w) => {
      await w.command("presentation:order", { order: [...w.teamIds].reverse() });
    },
    shows: {
      judge: async (p) => {
        await expect(p.locator('[data-testid^="judge-team-"]').first()).toHaveAttribute("data-testid", "judge-team-Libraries");
      },
    },
  },
  {
    entity: "presentations started",
    wall: () => ({ kind: "presentations" }),
    act: async (w) => {
      await w.command("presentation:step", { step: "start", from: null });
    },
    shows: {
      phonePresentations: visible((p) => p.getByTestId("responds-current").getByText("Parks")),
      bigScreen: visible((p) => p.getByTestId("screen-wall").getByText("Parks")),
    },
  },
  // Phases, walls and announcements
  {
    entity: "a phase started",
    act: async (w) => {
      await w.command("phase:next", {});
    },
    shows: {
      phoneHome: visible((p) => p.getByTestId("room-phase").getByText("Explore")),
      phoneBoard: visible((p) => p.getByTestId("room-phase").getByText("Explore")),
      console: visible((p) => p.getByTestId("console-phase").getByText(/Explore/)),
      bigScreen: visible((p) => p.getByTestId("screen-phase").getByText("Explore")),
    },
  },
  {
    entity: "the agenda, edited by an organiser",
    wall: () => ({ kind: "agenda" }),
    act: async (w) => {
      const editor = await w.organiserPage((slug) => `/o/${slug}/edit`);
      await editor.getByLabel("Phase (phase 1)").fill("Explore the park");
      await editor.getByRole("button", { name: "Save agenda" }).click();
      await expect(editor.getByText("Saved. The agenda has 2 phases.")).toBeVisible();
    },
    shows: {
      console: visible((p) => p.getByRole("button", { name: "Start next phase: Explore the park" })),
      bigScreen: visible((p) => p.getByTestId("wall-agenda").getByText("Explore the park")),
    },
  },
  {
    entity: "what the big screen shows, chosen from the console",
    act: async (w) => {
      await w.command("screen:show", { wall: { kind: "agenda" } });
    },
    shows: {
      bigScreen: visible((p) => p.getByTestId("wall-agenda")),
      console: visible((p) => p.getByTestId("console-wall").getByText(/agenda/i)),
    },
  },
  {
    entity: "an announcement sent from the console",
    act: async (w) => {
      const console = w.screen("console");
      await console.getByLabel("Message").fill("Lunch is in the hall");
      await console.getByRole("button", { name: "Send announcement" }).click();
    },
    uses: ["console"],
    shows: {
      phoneHome: visible((p) => p.getByTestId("announcement").getByText("Lunch is in the hall")),
      phoneBoard: visible((p) => p.getByTestId("announcement").getByText("Lunch is in the hall")),
      phonePresentations: visible((p) => p.getByText("Lunch is in the hall")),
      bigScreen: visible((p) => p.getByTestId("screen-announcement").getByText("Lunch is in the hall")),
      console: visible((p) => p.getByText("Showing now: Lunch is in the hall")),
    },
  },
];

/** Opens the row's screens (only those), each a fresh page on its own person's device. */
async function openScreens(
  browser: Browser,
  names: ScreenName[],
  event: { id: string; slug: string },
  w: World,
  facilitatorId: string,
) {
  const contexts: BrowserContext[] = [];
  const context = async (options: object) => {
    const c = await browser.newContext(options);
    contexts.push(c);
    return c;
  };
  let staff: BrowserContext | null = null;
  const staffContext = async () => {
    if (!staff) {
      staff = await context({ viewport: { width: 1280, height: 720 } });
      await signIn(staff, facilitatorId);
    }
    return staff;
  };
  const [parks, libraries] = w.teamIds;
  const slug = event.slug;
  const open: Record<ScreenName, () => Promise<Page>> = {
    phoneHome: async () => {
      const c = await context(phone);
      await memberOf(c, event.id, libraries ?? null, "Ben");
      return page(c, `/p/${slug}`);
    },
    phoneBoard: async () => {
      const c = await context(phone);
      await memberOf(c, event.id, parks ?? null, "Amira");
      return page(c, `/p/${slug}/b/${w.boardId}`);
    },
    phoneBrief: async () => {
      const c = await context(phone);
      await memberOf(c, event.id, libraries ?? null, "Bea");
      // Libraries' own brief, whose page says it is hers and lets her reframe it.
      const [team] = await (await db()).read
        .select({ briefId: teamsTable.briefId })
        .from(teamsTable)
        .where(eq(teamsTable.id, libraries ?? ""));
      const p = await page(c, `/p/${slug}/brief/${team?.briefId}`);
      await expect(p.getByText("Libraries · your brief")).toBeVisible();
      await expect(p.getByLabel("The problem as your team now sees it")).toBeVisible();
      return p;
    },
    phonePresentations: async () => {
      const c = await context(phone);
      await memberOf(c, event.id, null, "Cleo");
      return page(c, `/p/${slug}/presentations`);
    },
    judge: async () => {
      const c = await context(phone);
      const judge = await memberOf(c, event.id, null, "Dev");
      await w.command("judge:assign", { personKey: `p:${judge.participantId}`, judge: true });
      return page(c, `/p/${slug}/judge`);
    },
    console: async () => page(await staffContext(), `/f/${slug}`),
    facilitatorBoard: async () => page(await staffContext(), `/f/${slug}/b/${w.boardId}`),
    bigScreen: async () => {
      const c = await context(projector);
      await signIn(c, facilitatorId);
      return page(c, `/s/${slug}`);
    },
  };
  for (const name of names) w.screens[name] = await open[name]();
  return contexts;
}

async function page(c: BrowserContext, path: string) {
  const p = await c.newPage();
  await p.goto(path);
  await expect(p.locator('[data-status="online"]').first()).toBeVisible();
  return p;
}

for (const row of rows) {
  test(`every screen follows ${row.entity} without a reload`, async ({ browser }) => {
    // Up to six browser pages on a shared 2-core machine: a wait, not a performance figure.
    test.setTimeout(120_000);
    const event = await createEventFixture();
    const teams = await briefTeams(event.id, [
      { title: "Parks", success: "Clear", owner: "Parks team" },
      { title: "Libraries", success: "Open late", owner: "Libraries team" },
    ]);
    await addAgenda(event.id, ["Explore", "Make"]);
    const board = await addBoardFixture(event.id, { title: "Ideas wall", template: "ideas" });
    if (row.hidden) {
      await (await db()).transact((tx) =>
        tx.update(boardsTable).set({ hiddenUntilReveal: true }).where(eq(boardsTable.id, board.id)),
      );
    }
    const facilitator = await addStaff(event.id, "facilitator");
    const contexts: BrowserContext[] = [];
    const socket: CommandSocket = await commandSocket(event.id, facilitator.id);
    const screens: Screens = {};
    const world: World = {
      eventId: event.id,
      screens,
      screen: (name) => {
        const p = screens[name];
        if (!p) throw new Error(`${name} is not open in this row: add it to the row's uses`);
        return p;
      },
      command: socket.command,
      boardId: board.id,
      teamIds: teams.map((t) => t.id),
      organiserPage: async (path) => {
        const c = await browser.newContext({ viewport: { width: 1280, height: 720 } });
        contexts.push(c);
        await signIn(c, event.organiser.id);
        const p = await c.newPage();
        await p.goto(path(event.slug));
        return p;
      },
    };
    try {
      // Both teams present whoever is in them (staff added them): the rows are about following the
      // room, not about who presents, and people join and leave these teams as rows need.
      for (const teamId of world.teamIds) await world.command("presentation:include", { teamId, include: true });
      await row.before?.(world);
      await world.command("screen:show", { wall: row.wall?.(world) ?? { kind: "join" } });
      const names = [...new Set([...(row.uses ?? []), ...(Object.keys(row.shows) as ScreenName[])])];
      contexts.push(...(await openScreens(browser, names, event, world, facilitator.id)));
      if (screens.judge) await expect(screens.judge.getByTestId("judge-team-Parks")).toBeVisible();

      const loads = new Map<Page, number>();
      for (const p of Object.values(screens)) {
        loads.set(p, 0);
        p.on("load", () => loads.set(p, (loads.get(p) ?? 0) + 1));
      }
      await row.act(world);
      for (const [name, check] of Object.entries(row.shows)) {
        await test.step(`shows on ${name}`, () => (check as (p: Page) => Promise<void>)(world.screen(name as ScreenName)));
      }
      // Nobody reloaded to see any of it.
      const reloaded = [...loads.entries()].filter(([, n]) => n > 0);
      expect(reloaded.map(([p]) => p.url())).toEqual([]);
    } finally {
      socket.close();
      for (const c of contexts) await c.close();
    }
  });
}
