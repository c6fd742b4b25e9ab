/**
 * Nothing a screen shows is read only at page load: every kind of screen is opened first, then
 * each kind of thing is created, renamed, revealed or reordered (from the console's commands
 * and from phones), and every screen that shows it must follow without a reload.
 *
 * The table `changes` names, for each entity, what changes it and which screens must show it:
 * a new entity is one row.
 */
import { type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { io, type Socket } from "socket.io-client";
import { contractVersion } from "@/lib/realtime/constants";
import type { CommandName, CommandPayload, CommandResults } from "@/lib/realtime/contract";
import { briefTeams, memberOf } from "../presentations/support";
import { e2eBaseUrl } from "../support/config";
import { addBoardFixture, addStaff, createEventFixture, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";

type ScreenName = "phoneHome" | "phoneBoard" | "phonePresentations" | "judge" | "console" | "facilitatorBoard" | "bigScreen";
type Screens = Record<ScreenName, Page>;

type World = {
  screens: Screens;
  /** The facilitator's own connection: the same commands the console sends. */
  command<N extends CommandName>(name: N, payload: CommandPayload<N>): Promise<CommandResults[N]>;
  boardId: string;
  teamIds: string[];
};

/** One row: what changes, then on which screens it must show (each a check that waits). */
type Change = {
  entity: string;
  act(w: World): Promise<void>;
  shows: Partial<Record<ScreenName, (page: Page) => Promise<void>>>;
};

const visible = (locator: (page: Page) => Locator) => async (page: Page) => {
  await expect(locator(page).first()).toBeVisible();
};

const changes: Change[] = [
  {
    entity: "a board made from the console",
    act: async (w) => {
      await w.command("board:create", { title: "Made later", template: "ideas" });
    },
    shows: {
      phoneHome: visible((p) => p.getByRole("link", { name: /Made later/ })),
      console: visible((p) => p.getByText("Made later")),
    },
  },
  {
    entity: "a team, and its board, made from the console",
    act: async (w) => {
      const { team } = await w.command("team:create", { name: "Late starters" });
      await w.command("board:create", { title: "Late starters' wall", template: "ideas", teamId: team.id });
      await w.command("screen:show", { wall: { kind: "rotate" } });
    },
    shows: {
      bigScreen: visible((p) => p.getByTestId("wall-rotate").getByText(/Team Late starters/)),
      judge: visible((p) => p.getByTestId("judge-team-Late starters")),
      console: visible((p) => p.getByText("Late starters' wall")),
    },
  },
  {
    entity: "a note written on a phone, on a board hidden until reveal",
    act: async (w) => {
      await w.command("screen:show", { wall: { kind: "board", boardId: w.boardId } });
      const board = w.screens.phoneBoard;
      await board.getByLabel("Your note").fill("Benches by the pond");
      await board.getByRole("button", { name: "Add note" }).click();
    },
    shows: {
      facilitatorBoard: visible((p) => p.getByText("A note, hidden until the facilitator reveals the board")),
      bigScreen: visible((p) => p.getByTestId("wall-board").getByText("A note, hidden until the facilitator reveals the board")),
      console: visible((p) => p.getByTestId("board-row").filter({ hasText: "Ideas wall" }).getByText("1 note")),
      phoneHome: visible((p) => p.getByRole("link", { name: /Ideas wall.*1 note/ })),
    },
  },
  {
    entity: "a hidden board revealed from the facilitator's own wall",
    act: async (w) => {
      const wall = w.screens.facilitatorBoard;
      await wall.getByRole("button", { name: "Reveal everyone's notes" }).click();
    },
    shows: {
      facilitatorBoard: async (p) => {
        await expect(p.getByText("Benches by the pond").first()).toBeVisible();
        await expect(p.getByText("A note, hidden until the facilitator reveals the board")).toHaveCount(0);
      },
      bigScreen: visible((p) => p.getByTestId("wall-board").getByText("Benches by the pond")),
    },
  },
  {
    entity: "a vote opened from the board page (not the console)",
    act: async (w) => {
      const wall = w.screens.facilitatorBoard;
      await wall.getByText("Start a vote").click();
      await wall.getByRole("button", { name: "Start voting" }).click();
    },
    shows: {
      phoneHome: visible((p) => p.getByTestId("nudge").getByText(/Time to vote/)),
      phoneBoard: visible((p) => p.getByTestId("vote-banner")),
    },
  },
  {
    entity: "a judging criterion reworded after a judge scored it",
    act: async (w) => {
      const judge = w.screens.judge;
      await judge.getByTestId("score-Parks-Clear-4").click();
      await expect(judge.getByTestId("score-Parks-Clear-4")).toHaveAttribute("aria-pressed", "true");
      const team = w.teamIds[0] as string;
      await w.command("criteria:set", { teamId: team, criteria: ["Clear to everyone", "Useful"] });
    },
    shows: {
      judge: async (p) => {
        await expect(p.getByTestId("score-Parks-Clear to everyone-4")).toHaveAttribute("aria-pressed", "true");
        await expect(p.getByTestId("judge-team-Parks")).toContainText("1 of 2 scored");
      },
    },
  },
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
    entity: "an announcement",
    act: async (w) => {
      await w.command("announcement:send", { text: "Lunch is in the hall" });
    },
    shows: {
      phoneHome: visible((p) => p.getByText("Lunch is in the hall")),
      phoneBoard: visible((p) => p.getByText("Lunch is in the hall")),
    },
  },
  {
    entity: "a phase started",
    act: async (w) => {
      await w.command("phase:next", {});
    },
    shows: {
      phoneHome: visible((p) => p.getByTestId("room-phase")),
      console: visible((p) => p.getByTestId("console-phase")),
    },
  },
];

// Issue 18, not finished: on a loaded 2-core machine the whole table overran its 10 minutes
// before the rows after the vote were reached, and rows for groups, deletions and renames are
// still to be written. Switched off until it is split into one test per row (see the closing note).
test.fixme("every screen follows every change without a reload", async ({ browser }) => {
  // Seven screens in seven browser pages on a shared 2-core machine: a wait, not a performance figure.
  test.setTimeout(600_000);
  const event = await createEventFixture();
  const teams = await briefTeams(event.id, [
    { title: "Parks", success: "Clear", owner: "Parks team" },
    { title: "Libraries", success: "Open late", owner: "Libraries team" },
  ]);
  const teamIds = teams.map((t) => t.id);
  const { addAgenda } = await import("../room-control/support");
  await addAgenda(event.id, ["Explore", "Make"]);
  const board = await addBoardFixture(event.id, { title: "Ideas wall", template: "ideas" });
  const { db } = await import("../support/fixtures");
  const { boards } = await import("@/db/schema");
  const { eq } = await import("drizzle-orm");
  await (await db()).transact((tx) => tx.update(boards).set({ hiddenUntilReveal: true }).where(eq(boards.id, board.id)));
  const facilitator = await addStaff(event.id, "facilitator");

  const contexts: BrowserContext[] = [];
  const context = async (options: object) => {
    const c = await browser.newContext(options);
    contexts.push(c);
    return c;
  };
  const open = async (c: BrowserContext, path: string) => {
    const page = await c.newPage();
    await page.goto(path);
    return page;
  };

  const staff = await context({ viewport: { width: 1280, height: 720 } });
  await signIn(staff, facilitator.id);
  const cookie = (await staff.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const socket: Socket = io(e2eBaseUrl, {
    auth: { eventId: event.id, contractVersion },
    extraHeaders: { cookie },
    transports: ["websocket"],
    forceNew: true,
  });
  const command = async <N extends CommandName>(name: N, payload: CommandPayload<N>) => {
    const timed = socket.timeout(10_000) as unknown as {
      emitWithAck(n: string, e: unknown): Promise<{ ok: boolean; result: CommandResults[N]; error?: { message: string } }>;
    };
    const ack = await timed.emitWithAck(name, { id: crypto.randomUUID().replaceAll("-", ""), payload });
    if (!ack.ok) throw new Error(`${name}: ${ack.error?.message}`);
    return ack.result;
  };

  try {
    const amira = await context(phone);
    await memberOf(amira, event.id, teamIds[0] ?? null, "Amira");
    const home = await context(phone);
    await memberOf(home, event.id, teamIds[1] ?? null, "Ben");
    const audience = await context(phone);
    await memberOf(audience, event.id, null, "Cleo");
    const judgeContext = await context(phone);
    const judge = await memberOf(judgeContext, event.id, null, "Dev");
    await command("judge:assign", { personKey: `p:${judge.participantId}`, judge: true });
    const screenContext = await context(projector);
    await signIn(screenContext, facilitator.id);

    const screens: Screens = {
      phoneHome: await open(home, `/p/${event.slug}`),
      phoneBoard: await open(amira, `/p/${event.slug}/b/${board.id}`),
      phonePresentations: await open(audience, `/p/${event.slug}/presentations`),
      judge: await open(judgeContext, `/p/${event.slug}/judge`),
      console: await open(staff, `/f/${event.slug}`),
      facilitatorBoard: await open(staff, `/f/${event.slug}/b/${board.id}`),
      bigScreen: await open(screenContext, `/s/${event.slug}`),
    };
    for (const page of Object.values(screens)) await expect(page.locator('[data-status="online"]').first()).toBeVisible();
    await expect(screens.judge.getByTestId("judge-team-Parks")).toBeVisible();

    const loads = new Map<Page, number>();
    for (const page of Object.values(screens)) {
      loads.set(page, 0);
      page.on("load", () => loads.set(page, (loads.get(page) ?? 0) + 1));
    }

    const world: World = { screens, command, boardId: board.id, teamIds };
    for (const change of changes) {
      await test.step(change.entity, async () => {
        await change.act(world);
        for (const [name, check] of Object.entries(change.shows)) {
          await test.step(`shows on ${name}`, () => (check as (p: Page) => Promise<void>)(screens[name as ScreenName]));
        }
      });
    }
    // Nobody reloaded to see any of it.
    expect([...loads.values()]).toEqual(Object.values(screens).map(() => 0));
  } finally {
    socket.close();
    for (const c of contexts) await c.close();
  }
});
