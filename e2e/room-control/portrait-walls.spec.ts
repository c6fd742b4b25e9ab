import { randomUUID } from "node:crypto";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { boards, eventPhases, notes, participants, showcases, teamMembers } from "@/db/schema";
import { templateColumns } from "@/lib/boards/template-words";
import { boardTemplates } from "@/lib/boards/templates";
import { joinEvent } from "@/lib/participants/join-event";
import { neighbourhoodMap } from "../boards/map-image";
import { briefTeams } from "../presentations/support";
import { commandSocket } from "../support/command-socket";
import { addBoardFixture, addStaff, createEventFixture, db, signIn } from "../support/fixtures";
import { journeyNotesAndVote } from "./support";

/** A TV stood on its end in a foyer, or a projector turned for a tall wall. */
const portrait = { width: 1080, height: 1920 };
const shots = "e2e/.artifacts";

/** What a wall looks like stood on its end: anything off the side, its heading's size, how far down it reaches. */
async function portraitLayout(screen: Page, heading: Locator) {
  const headingSize = await heading.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  const drawn = await screen.evaluate(() => {
    const offTheSide: string[] = [];
    let lowest = 0;
    let smallest = { size: Number.POSITIVE_INFINITY, text: "" };
    const wall = document.querySelector("[data-testid=screen-wall]") ?? document.querySelector(".screen main");
    for (const el of document.querySelectorAll<HTMLElement>(".screen *")) {
      if (el.closest(".sr-only")) continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.opacity === "0") continue;
      const name = `${el.tagName.toLowerCase()} "${(el.textContent ?? "").trim().slice(0, 30)}"`;
      // Words cut with an ellipsis end on the screen, and say so; anything else past the edge is lost.
      let ellipsis = false;
      for (let up = el.parentElement; up && !ellipsis; up = up.parentElement) {
        ellipsis = getComputedStyle(up).textOverflow === "ellipsis";
      }
      if (!ellipsis && (box.left < -0.5 || box.right > window.innerWidth + 0.5))
        offTheSide.push(`${name} ${box.left}–${box.right}`);
      if (!wall?.contains(el)) continue;
      // What the wall draws: words and pictures, not the boxes that hold them.
      const words = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (words || el.tagName === "IMG") lowest = Math.max(lowest, Math.min(box.bottom, window.innerHeight));
      if (words && box.bottom > 0 && box.top < window.innerHeight) {
        const size = Number.parseFloat(style.fontSize);
        if (size < smallest.size) smallest = { size, text: (el.textContent ?? "").trim().slice(0, 40) };
      }
    }
    return {
      offTheSide: offTheSide.slice(0, 8),
      page: { width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight },
      lowest,
      smallest,
    };
  });
  return { headingSize, ...drawn };
}

/** Every wall stood on its end: nothing off the side, headings readable from across a foyer, the height used. */
async function expectFitsPortrait(screen: Page, wall: string, heading: Locator, options: { fillsBelow?: number } = {}) {
  await expect(heading, wall).toBeVisible();
  const fits = (drawn: Awaited<ReturnType<typeof portraitLayout>>, check: typeof expect) => {
    check(drawn.offTheSide, `${wall}: drawn past the screen's edge`).toEqual([]);
    check(drawn.page, `${wall}: the page scrolls`).toEqual(portrait);
    check(drawn.headingSize, `${wall}: heading size`).toBeGreaterThanOrEqual(28);
    check(drawn.smallest.size, `${wall}: smallest text "${drawn.smallest.text}"`).toBeGreaterThanOrEqual(18);
    // Not squeezed into the top of a tall screen with the rest left empty.
    check(drawn.lowest, `${wall}: the wall's lowest words`).toBeGreaterThanOrEqual((options.fillsBelow ?? 0.5) * portrait.height);
  };
  // Walls that fit themselves to the screen (teams, rankings) settle after a measure or two.
  await expect(async () => fits(await portraitLayout(screen, heading), expect))
    .toPass({ timeout: 10_000 })
    .catch(() => {});
  await screen.screenshot({ path: `${shots}/portrait-${wall}.png` });
  // Every wall is judged, and pictured, even when an earlier one fails.
  fits(await portraitLayout(screen, heading), expect.soft);
}

/**
 * Every column heading of the board on screen drawn whole, never cut with an ellipsis, its note
 * count inside its column, and the cards under it whole too (a heading on two lines pushes none
 * out of the column).
 */
async function expectHeadingsWhole(screen: Page, where: string) {
  const columns = screen.getByTestId("wall-column");
  await expect(columns.first(), where).toBeVisible();
  const drawn = () =>
    columns.evaluateAll((sections) =>
      sections.map((section) => {
        const column = section.getBoundingClientRect();
        const heading = section.querySelector("h3") as HTMLElement;
        const count = heading.querySelector("[data-testid=column-count]")?.getBoundingClientRect();
        const inside = (box: DOMRect) =>
          box.width > 0 &&
          box.left >= column.left - 0.5 &&
          box.right <= column.right + 0.5 &&
          box.top >= column.top - 0.5 &&
          box.bottom <= column.bottom + 0.5;
        return {
          heading: heading.textContent ?? "",
          // Cut with an ellipsis, a heading's words run past its box.
          whole: heading.scrollWidth <= heading.clientWidth + 1 && heading.scrollHeight <= heading.clientHeight + 1,
          countShown: !!count && inside(count),
          cardsWhole: [...section.querySelectorAll("li")].every((card) => inside(card.getBoundingClientRect())),
        };
      }),
    );
  // The wall lays itself out once it has measured the screen.
  await expect(async () => {
    for (const column of await drawn()) {
      expect(column, `${where}: ${column.heading}`).toEqual({ ...column, whole: true, countShown: true, cardsWhole: true });
    }
  })
    .toPass({ timeout: 10_000 })
    .catch(() => {});
  for (const column of await drawn()) {
    expect.soft(column, `${where}: ${column.heading}`).toEqual({ ...column, whole: true, countShown: true, cardsWhole: true });
  }
}

/**
 * The tallest stretch of a wall, from its first words down to its last, with neither words nor
 * pictures across it: what a viewer reads as an empty band.
 */
async function largestEmptyBand(wall: Locator) {
  return wall.evaluate((root) => {
    const drawn: [number, number][] = [];
    for (const el of [root, ...root.querySelectorAll<HTMLElement>("*")]) {
      const words = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (!words && el.tagName !== "IMG") continue;
      const box = el.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) drawn.push([box.top, box.bottom]);
    }
    drawn.sort((a, b) => a[0] - b[0]);
    let band = { height: 0, from: 0 };
    let reached = drawn[0]?.[1] ?? 0;
    for (const [top, bottom] of drawn) {
      if (top - reached > band.height) band = { height: top - reached, from: reached };
      reached = Math.max(reached, bottom);
    }
    return band;
  });
}

/** The weekend's room: an agenda, teams with people, a board of notes with a revealed vote. */
async function weekend() {
  const event = await createEventFixture({ name: "Made in Lambeth" });
  const start = Date.parse("2027-05-14T17:00:00Z");
  const database = await db();
  await database.transact((tx) =>
    tx
      .insert(eventPhases)
      .values(
        [
          "Kick-off evening: welcome, food and the briefs",
          "Explore the neighbourhood with the people who live there",
          "Make",
          "Lunch in the foyer",
          "Make, test and make again",
          "Get ready to show what you made",
          "Presentations",
          "People's choice and the judges",
          "What happens next",
        ].map((name, i) => ({ id: randomUUID(), eventId: event.id, position: i, name, startsAt: start + i * 3_600_000 })),
      ),
  );
  const teams = await briefTeams(event.id, [
    { title: "Love Your Space", success: "- Residents tested it", owner: "Project lead, Parks" },
    { title: "Tenants' Voices of Loughborough Junction", success: "- Tenants were heard", owner: "Housing" },
    { title: "Lambeth Website", success: "- People find what they need", owner: "Head of Digital" },
  ]);
  const people: string[] = [];
  await database.transact(async (tx) => {
    for (const [i, name] of ["Amira", "Ben", "Chidi", "Dana", "Eli", "Fatima", "Gus", "Hana", "Ivo"].entries()) {
      const { participantId } = await joinEvent(tx, { eventId: event.id, displayName: name, ageBand: "18_plus" });
      await tx
        .update(participants)
        .set({ skills: ["talking to people", "spreadsheets", "drawing"].slice(0, 1 + (i % 3)) })
        .where(eq(participants.id, participantId));
      await tx.insert(teamMembers).values({ eventId: event.id, participantId, teamId: teams[i % 3]?.id as string });
      people.push(participantId);
    }
    await tx.insert(showcases).values({
      eventId: event.id,
      teamId: teams[0]?.id as string,
      title: "Pocket parks map: every small green space in the borough",
      summary: "Every pocket park in the borough, with who looks after it and how to help",
      made: "A printed map for libraries and a web map anyone can add a park to, tested with residents on Saturday.",
      links: [
        { title: "The map", url: "https://example.org/pocket-parks" },
        { title: "How to help", url: "https://example.org/pocket-parks/help" },
      ],
    });
  });

  const board = await addBoardFixture(event.id, { title: "The park journey", template: "journey" });
  await journeyNotesAndVote(event.id, board.id, people);
  return { event, board };
}

test("every wall of the big screen stood on its end (1080×1920) stays on the screen, reads from across a foyer and uses the height", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const { event, board } = await weekend();
  const facilitator = await addStaff(event.id, "facilitator");
  const staff = await commandSocket(event.id, facilitator.id);
  const screenContext = await browser.newContext({ viewport: portrait });
  await signIn(screenContext, facilitator.id);
  const screen = await screenContext.newPage();
  await screen.goto(`/s/${event.slug}`);
  await expect(screen.locator('[data-status="online"]')).toBeVisible();
  const bigScreen = screen.getByTestId("big-screen");

  await staff.command("screen:show", { wall: { kind: "teams" } });
  await expect(bigScreen).toHaveAttribute("data-wall", "teams");
  await expect(screen.getByTestId("overview-team")).toHaveCount(3);
  // Three teams' cards take the rows they need, as on a projector; a dozen would fill the screen.
  await expectFitsPortrait(screen, "teams", screen.getByTestId("team-overview").getByRole("heading", { level: 2 }), {
    fillsBelow: 0.2,
  });

  await staff.command("screen:show", { wall: { kind: "agenda" } });
  await expect(screen.getByTestId("wall-agenda").getByRole("listitem")).toHaveCount(9);
  await expectFitsPortrait(screen, "agenda", screen.getByRole("heading", { name: "The agenda" }), { fillsBelow: 0.6 });

  const { announcement } = await staff.command("announcement:send", {
    text: "Lunch is ready in the main hall downstairs: vegetarian, vegan and halal options are on the left-hand table. Please take your plates back to the kitchen hatch afterwards.",
  });
  await staff.command("screen:show", { wall: { kind: "announcement" } });
  await expect(screen.getByTestId("wall-announcement")).toContainText("kitchen hatch");
  await expectFitsPortrait(screen, "announcement", screen.getByTestId("wall-announcement"));
  // The card takes the screen's width (not four fifths of it), and its words a good share of the height.
  const announced = screen.getByTestId("wall-announcement");
  const card = await announced.locator("..").boundingBox();
  const words = await announced.boundingBox();
  expect.soft(card?.width ?? 0, "announcement card's width").toBeGreaterThanOrEqual(0.88 * portrait.width);
  expect.soft(words?.height ?? 0, "announcement's words' height").toBeGreaterThanOrEqual(0.25 * portrait.height);
  await staff.command("announcement:clear", { announcementId: announcement.id });

  await staff.command("screen:show", { wall: { kind: "board", boardId: board.id } });
  await expect(screen.getByTestId("wall-board")).toContainText("Nobody knows who to tell");
  await expectFitsPortrait(screen, "board", screen.getByRole("heading", { name: board.title, level: 2 }));
  // "Magic moments (3)" is wider than half a portrait screen at the notes' size: it wraps, whole.
  await expectHeadingsWhole(screen, "board");

  await staff.command("screen:show", { wall: { kind: "votes", boardId: board.id } });
  await expect(screen.getByTestId("wall-votes")).toContainText("The gate is locked at weekends3 dots");
  // Three ranked notes: rows of the ranking's own height, from the top, as on a projector.
  await expectFitsPortrait(screen, "votes", screen.locator("#votes-title"), { fillsBelow: 0.15 });

  // Presentations: the running order, then the team on now with its clock, then the results.
  await staff.command("screen:show", { wall: { kind: "presentations" } });
  const presentations = screen.getByTestId("wall-presentations");
  await expect(presentations).toHaveAttribute("data-view", "order");
  await expect(screen.getByTestId("wall-order").getByRole("listitem")).toHaveCount(3);
  // Three teams' rows, from the top; their titles whole, on two lines at most.
  await expectFitsPortrait(screen, "running-order", screen.locator("#order-title"), { fillsBelow: 0.2 });
  for (const title of await screen.getByTestId("wall-order").locator("li span.font-bold").all()) {
    const whole = await title.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1);
    expect(whole, (await title.textContent()) ?? "").toBe(true);
  }

  await staff.command("presentation:step", { step: "start", from: null, fromStage: "waiting" });
  await expect(presentations).toHaveAttribute("data-stage", "presenting");
  await expect(screen.getByTestId("presenter-clock")).toBeVisible();
  await expect(screen.getByTestId("presenter-link")).toHaveCount(2);
  await expectFitsPortrait(screen, "presenter", screen.getByTestId("presenter-title"), { fillsBelow: 0.6 });
  // The title is drawn whole, and the clock is as wide as it needs.
  const title = screen.getByTestId("presenter-title");
  expect(await title.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  // No pictures: what the team made takes their place, large, with no band of empty stage above the applause.
  await expect(screen.getByTestId("presenter-made")).toContainText("tested with residents on Saturday");
  await expect(async () => {
    const band = await largestEmptyBand(presentations);
    expect(band.height, `empty band from ${band.from}px`).toBeLessThanOrEqual(0.12 * portrait.height);
  })
    .toPass({ timeout: 5_000 })
    .catch(() => {});
  const band = await largestEmptyBand(presentations);
  expect.soft(band.height, `presenter: empty band from ${band.from}px`).toBeLessThanOrEqual(0.12 * portrait.height);
  expect
    .soft(
      await screen.getByTestId("presenter-made").evaluate((el) => el.scrollHeight <= el.clientHeight + 1),
      "what was made, drawn whole",
    )
    .toBe(true);

  await staff.command("presentation:project", { view: "results" });
  await expect(presentations).toHaveAttribute("data-view", "results");
  await expect(screen.getByTestId("results-wall-row")).toHaveCount(3);
  await expectFitsPortrait(screen, "results", screen.locator("#results-wall-title"), { fillsBelow: 0.2 });
  // Three teams' rows, from the top. A title runs on to further lines rather than off the side, and
  // has most of the row's width: the votes go under it, not in a column beside it.
  for (const result of await screen.getByTestId("results-wall-title").all()) {
    const drawn = await result.evaluate((el) => ({
      acrossTheWidth: el.scrollWidth <= el.clientWidth + 1,
      lines: Math.round(el.clientHeight / Number.parseFloat(getComputedStyle(el).lineHeight)),
      whole: el.scrollHeight <= el.clientHeight + 1,
      shareOfRow: el.clientWidth / (el.closest("li")?.clientWidth ?? 1),
    }));
    const label = (await result.textContent()) ?? "";
    expect.soft(drawn.acrossTheWidth, label).toBe(true);
    expect.soft(drawn.whole, label).toBe(true);
    expect.soft(drawn.lines, label).toBeLessThanOrEqual(3);
    expect.soft(drawn.shareOfRow, `${label}: the title's share of its row`).toBeGreaterThanOrEqual(0.6);
  }
  staff.close();
  await screenContext.close();
});

test("a board projected on its own page, and a map, stood on its end (1080×1920), fill the screen without running off it", async ({
  browser,
}) => {
  const { event, board } = await weekend();
  const screenContext = await browser.newContext({ viewport: portrait });
  await signIn(screenContext, event.organiser.id);
  const screen = await screenContext.newPage();

  // A board's own projector page: its notes before the vote is revealed would be the same wall as the big screen's board.
  await screen.goto(`/s/${event.slug}/b/${board.id}`);
  await expect(screen.getByTestId("vote-ranking")).toContainText("The gate is locked at weekends");
  await expectFitsPortrait(screen, "projected-ranking", screen.locator("#results-title"), { fillsBelow: 0.15 });

  const notesBoard = await addBoardFixture(event.id, { title: "What we heard on the walk", template: "ideas" });
  const staff = await commandSocket(event.id, event.organiser.id);
  const column = boardTemplates.ideas.columns[0] ?? "";
  for (const text of [
    "More benches along the high street",
    "A noticeboard at the library for what's on",
    "Street parties need less paperwork",
    "Bins that get emptied on Mondays, not just Fridays",
    "Somewhere dry for teenagers to meet after school",
  ]) {
    await staff.command("note:create", { boardId: notesBoard.id, column, text, colour: "yellow" });
  }
  await screen.goto(`/s/${event.slug}/b/${notesBoard.id}`);
  await expect(screen.getByText("Somewhere dry for teenagers")).toBeVisible();
  await expectFitsPortrait(screen, "projected-board", screen.getByRole("heading", { name: notesBoard.title, level: 2 }), {
    fillsBelow: 0.3,
  });

  // A landscape map on a tall screen: as wide as the screen, at its own proportions.
  const map = await addBoardFixture(event.id, { title: "Our streets", template: "map" });
  const laptopContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await signIn(laptopContext, event.organiser.id);
  const laptop = await laptopContext.newPage();
  await laptop.goto(`/f/${event.slug}/b/${map.id}`);
  await laptop
    .getByLabel("Image of the map")
    .setInputFiles({ name: "area.png", mimeType: "image/png", buffer: neighbourhoodMap(800, 450) });
  await laptop.getByRole("button", { name: "Upload the map" }).click();
  await expect(laptop.getByText("The map is up on every screen.")).toBeVisible();
  await staff.command("note:create", {
    boardId: map.id,
    column: boardTemplates.map.columns[0],
    text: "Broken bench by the river",
    colour: "yellow",
    pin: { x: 0.75, y: 0.6 },
  });
  for (const [where, open] of [
    ["map-projected", () => screen.goto(`/s/${event.slug}/b/${map.id}`)],
    [
      "map",
      async () => {
        await screen.goto(`/s/${event.slug}`);
        await expect(screen.locator('[data-status="online"]')).toBeVisible();
        await staff.command("screen:show", { wall: { kind: "board", boardId: map.id } });
      },
    ],
  ] as const) {
    await open();
    const image = screen.getByTestId("map").getByRole("img");
    await expect(screen.getByTestId("map-pin")).toContainText("Broken bench");
    await expect(async () => {
      const box = await image.boundingBox();
      if (!box) throw new Error("map not drawn");
      expect(box.width, where).toBeGreaterThanOrEqual(0.85 * portrait.width);
      expect(box.x + box.width, where).toBeLessThanOrEqual(portrait.width);
      expect(box.width / box.height, where).toBeCloseTo(800 / 450, 1);
    }).toPass({ timeout: 5_000 });
    await expectFitsPortrait(screen, where, screen.getByRole("heading", { name: "Our streets", level: 2 }), { fillsBelow: 0.3 });
  }
  staff.close();
  await screenContext.close();
  await laptopContext.close();
});

test("a board's column headings show whole with their note counts, on a screen stood on its end or not, in every language", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const event = await createEventFixture({ name: "Made in Lambeth" });
  const database = await db();
  // Each language's template columns, the longest of them (Polish, Portuguese, French) included,
  // with two-digit counts: the welcome wall's columns ride on a journey board (the same two columns).
  const shown: { id: string; where: string }[] = [];
  for (const language of ["en-GB", "es", "fr", "pl", "pt-PT"]) {
    for (const template of ["journey", "learning", "welcome"] as const) {
      const board = await addBoardFixture(event.id, {
        title: `${template} (${language})`,
        template: template === "welcome" ? "journey" : template,
      });
      const columns = templateColumns(template, language);
      await database.transact(async (tx) => {
        await tx.update(boards).set({ columns }).where(eq(boards.id, board.id));
        for (const column of columns) {
          await tx.insert(notes).values(
            Array.from({ length: 12 }, (_, i) => ({
              id: randomUUID(),
              boardId: board.id,
              column: column.key,
              text: `A short note, number ${i + 1}`,
              position: i + 1,
            })),
          );
        }
      });
      shown.push({ id: board.id, where: `${template} (${language})` });
    }
  }
  for (const viewport of [portrait, { width: 1920, height: 1080 }, { width: 1280, height: 720 }]) {
    const context = await browser.newContext({ viewport });
    await signIn(context, event.organiser.id);
    const screen = await context.newPage();
    for (const board of shown) {
      await screen.goto(`/s/${event.slug}/b/${board.id}`);
      await expect(screen.getByTestId("wall-column").first()).toContainText("(12)");
      await expectHeadingsWhole(screen, `${board.where} at ${viewport.width}×${viewport.height}`);
    }
    await screen.screenshot({ path: `${shots}/headings-${viewport.width}x${viewport.height}.png` });
    await context.close();
  }
});
