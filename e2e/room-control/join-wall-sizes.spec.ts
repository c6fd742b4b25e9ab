import { randomUUID } from "node:crypto";
import { networkInterfaces } from "node:os";
import { type Browser, expect, type Locator, type Page, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { eventPhases, participants, teamMembers } from "@/db/schema";
import { findWelcomeBoard } from "@/lib/boards/find-boards";
import { boardTemplates } from "@/lib/boards/templates";
import { lanIPv4 } from "@/lib/network/reachable-address";
import { joinEvent } from "@/lib/participants/join-event";
import { type ParticipantKind, participantKinds } from "@/lib/participants/profile-facts";
import { insertTeam } from "@/lib/teams/create-team";
import { neighbourhoodMap } from "../boards/map-image";
import { expectAccessible } from "../support/a11y";
import { commandSocket } from "../support/command-socket";
import { addBoardFixture, addBrief, addStaff, createEventFixture, db, joinAs, signIn } from "../support/fixtures";
import { phone, projector } from "../support/viewports";
import { addTeam } from "../teams/support";

const shots = "e2e/.artifacts/screenshots";

/** The projectors venues have: XGA, 720p, 1080p and 4K. */
const sizes = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
];

const longTeamName = "The Brixton Community Garden Collective";
const announcementText = "Lunch is ready in the foyer: please bring your plates back to the kitchen hatch afterwards";

/** The element's box, fully drawn inside the viewport. */
async function expectInsideViewport(page: Page, element: Locator) {
  const box = await element.boundingBox();
  const viewport = page.viewportSize();
  if (!box || !viewport) throw new Error("not drawn");
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(viewport.width + 0.5);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height + 0.5);
  return { box, viewport };
}

/**
 * The words of a heading that the browser split over two lines: each word's text range should
 * sit on one line box (its rectangles share a top). "Ou r Str eet" would list "Our" and "Street".
 */
async function wordsBrokenAcrossLines(heading: Locator) {
  return heading.evaluate((el) => {
    const text = el.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) return ["(no text)"];
    const broken: string[] = [];
    const content = text.textContent ?? "";
    for (const match of content.matchAll(/\S+/g)) {
      const range = document.createRange();
      range.setStart(text, match.index);
      range.setEnd(text, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) broken.push(match[0]);
    }
    return broken;
  });
}

/** The longest note a phone may write (280 characters), with a word too long for a line. */
const longestNote =
  "Bring back the Saturday market on the square: local growers, street food from every corner of Brixton, a stall for the youth club's bike repairs, and benches where older neighbours can sit and talk. Supercalifragilisticexpialidociouslylongwordsbreak too. Then keep it going all year round!".slice(
    0,
    280,
  );

/**
 * How a note on the join wall is cut: the text shows whole lines and says it goes on (a line
 * clamp draws an ellipsis), and the card itself is drawn whole, cut by nothing around it.
 */
async function cutCleanly(note: Locator) {
  return note.evaluate((li) => {
    const card = li.firstElementChild as HTMLElement;
    const text = card.querySelector<HTMLElement>("[data-testid=note-text]");
    const box = card.getBoundingClientRect();
    let cutBy: string | null = null;
    for (let up = card.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflow === "visible") continue;
      const around = up.getBoundingClientRect();
      if (box.bottom > around.bottom + 0.5 || box.right > around.right + 0.5) cutBy ??= up.tagName;
    }
    const style = text ? getComputedStyle(text) : null;
    const lineHeight = style ? Number.parseFloat(style.lineHeight) : 0;
    const lines = text ? text.clientHeight / lineHeight : 0;
    return {
      cutBy,
      clamped: style?.webkitLineClamp ?? "none",
      wholeLines: Math.abs(lines - Math.round(lines)) < 0.05 && Math.round(lines) >= 1,
      goesOn: text ? text.scrollHeight > text.clientHeight + 1 : false,
    };
  });
}

/** The big screen signed in as staff, on the join wall, with the announcement sent before it opened. */
async function joinWallWithAnnouncement(
  browser: Browser,
  accountId: string,
  slug: string,
  viewport: { width: number; height: number },
) {
  const screenContext = await browser.newContext({ viewport });
  await signIn(screenContext, accountId);
  const screen = await screenContext.newPage();
  await screen.goto(`/s/${slug}`);
  await expect(screen.locator('[data-status="online"]')).toBeVisible();
  await expect(screen.getByTestId("big-screen")).toHaveAttribute("data-wall", "join");
  await expect(screen.getByTestId("screen-announcement")).toContainText("Lunch is ready");
  return { screenContext, screen };
}

test("the join wall keeps a large QR code phones can reach at every projector size, team names stay whole, and staff clear an announcement from every screen", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const facilitator = await addStaff(event.id, "facilitator");
  for (const name of [longTeamName, "Our Street", "Neighbourhood Storytellers", "Pop-up Library"]) await addTeam(event.id, name);
  const staffSocket = await commandSocket(event.id, facilitator.id);
  await staffSocket.command("announcement:send", { text: announcementText });
  const welcome = await findWelcomeBoard((await db()).read, event.id);
  if (!welcome) throw new Error("no welcome board");
  for (const text of ["Hello from Stockwell", longestNote, "Fix the lift at the library"]) {
    await staffSocket.command("note:create", {
      boardId: welcome.id,
      column: welcome.columns[0]?.key ?? "",
      text,
      colour: "yellow",
    });
  }

  const { screen } = await joinWallWithAnnouncement(browser, facilitator.id, event.slug, projector.viewport);
  const qr = screen.getByTestId("join-qr");

  // The page was opened on 127.0.0.1: phones get this machine's network address instead.
  const lan = lanIPv4(networkInterfaces());
  const link = screen.getByTestId("join-url");
  if (lan) {
    await expect(link).toHaveText(`${lan}:${new URL(screen.url()).port}/j/${event.joinCode}`);
    await expect(qr).toHaveAttribute("alt", `QR code to join: http://${lan}:${new URL(screen.url()).port}/j/${event.joinCode}`);
    for (const local of ["localhost", "127.0.0.1"]) {
      await expect(link).not.toContainText(local);
      expect(await qr.getAttribute("alt")).not.toContain(local);
    }
    await expect(screen.getByTestId("join-unreachable")).toHaveCount(0);
  } else {
    // This machine has no non-internal IPv4 address (a sandbox without a network): the screen
    // keeps the local address and says that phones cannot reach it, and how to fix it.
    await expect(screen.getByTestId("join-unreachable")).toContainText("PUBLIC_URL");
  }

  for (const size of sizes) {
    await screen.setViewportSize(size);
    const label = `${size.width}×${size.height}`;
    await expect(screen.getByTestId("screen-announcement"), label).toBeVisible();
    // At least about a third of the screen's height, and all of it on the screen.
    await expect(async () => {
      const { box } = await expectInsideViewport(screen, qr);
      expect(box.height, label).toBeGreaterThanOrEqual(0.3 * size.height);
      expect(Math.abs(box.width - box.height), `${label}: the QR code is square`).toBeLessThanOrEqual(1);
    }).toPass({ timeout: 5_000 });
    await expectInsideViewport(screen, screen.getByTestId("screen-code"));
    await expectInsideViewport(screen, link);
    // Nothing runs off the screen.
    const page = await screen.evaluate(() => ({
      width: document.documentElement.scrollWidth,
      height: document.documentElement.scrollHeight,
    }));
    expect(page, label).toEqual(size);

    // Team names wrap between words, never inside one, and none runs out of its card.
    const team = screen.getByTestId("overview-team").filter({ hasText: longTeamName }).getByRole("heading");
    await expect(team).toBeVisible();
    expect(await wordsBrokenAcrossLines(team), label).toEqual([]);
    for (const heading of await screen.getByTestId("overview-team").getByRole("heading").all()) {
      expect(await wordsBrokenAcrossLines(heading), label).toEqual([]);
      const fits = await heading.evaluate((el) => el.scrollWidth <= el.clientWidth);
      expect(fits, `${label}: ${await heading.textContent()}`).toBe(true);
    }
    // The longest note is cut at a whole line, with an ellipsis, inside its card; the card is drawn whole.
    const longest = screen.getByTestId("screen-note").filter({ hasText: longestNote.slice(0, 40) });
    await expect(longest).toBeVisible();
    expect(await cutCleanly(longest), label).toEqual({ cutBy: null, clamped: "4", wholeLines: true, goesOn: true });
    await screen.screenshot({ path: `${shots}/join-wall-${size.width}x${size.height}.png` });
    await expectAccessible(screen);
  }
  await screen.setViewportSize(projector.viewport);

  // A phone sees the announcement too; the facilitator clears it from the console.
  const phoneContext = await browser.newContext(phone);
  await joinAs(phoneContext, event.id, "Amira");
  const mobile = await phoneContext.newPage();
  await mobile.goto(`/p/${event.slug}`);
  await expect(mobile.getByTestId("announcement")).toContainText("Lunch is ready");

  const laptopContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await signIn(laptopContext, facilitator.id);
  const console_ = await laptopContext.newPage();
  await console_.goto(`/f/${event.slug}`);
  const showing = console_.getByTestId("announcement-showing");
  await expect(showing).toContainText("Lunch is ready");
  await showing.getByRole("button", { name: /^Clear from every screen/ }).click();

  await expect(screen.getByTestId("screen-announcement")).toHaveCount(0);
  await expect(mobile.getByTestId("announcement")).toHaveCount(0);
  await expect(console_.getByText("No announcement is showing.")).toBeVisible();
  // It stays in the history, to show again; a reload does not bring it back.
  await expect(console_.getByTestId("announcement-earlier")).toContainText("Lunch is ready");
  await screen.reload();
  await expect(screen.getByTestId("screen-code")).toBeVisible();
  await expect(screen.getByTestId("screen-announcement")).toHaveCount(0);
  await mobile.reload();
  await expect(mobile.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(mobile.getByTestId("announcement")).toHaveCount(0);

  // Shown again from the history, it is back on every screen, live.
  await console_.getByRole("button", { name: /^Show again/ }).click();
  await expect(screen.getByTestId("screen-announcement")).toContainText("Lunch is ready");
  await expect(mobile.getByTestId("announcement")).toContainText("Lunch is ready");
  staffSocket.close();
});

const teamNames = [
  longTeamName,
  "Our Street",
  "Neighbourhood Storytellers",
  "Pop-up Library",
  "Tenants' Voices of Loughborough Junction",
  "Healthwatch A",
  "Healthwatch B",
  "Love Your Space",
  "Young Lambeth Co-op",
  "Connectors",
  "Stockwell Skate Park Friends",
  "Lambeth Website",
];

/**
 * Teams as tall as a big screen draws them: a brief of another name, people of several kinds
 * with skills, some full, one nobody has joined yet.
 */
async function teamsOfPeople(eventId: string, count: number) {
  const brief = await addBrief(eventId, { title: "Making the parks feel safe after dark" });
  await (await db()).transact(async (tx) => {
    for (let i = 0; i < count; i++) {
      const name = teamNames[i] ?? `Team ${i + 1}`;
      const size = i === 2 ? 0 : 2 + (i % 4);
      const team = await insertTeam(tx, {
        eventId,
        name,
        briefId: i % 3 === 0 ? brief : null,
        capacity: i % 2 ? size : null,
        now: Date.now(),
      });
      for (let n = 0; n < size; n++) {
        const { participantId } = await joinEvent(tx, { eventId, displayName: `Person ${i}-${n}`, ageBand: "18_plus" });
        const kind: ParticipantKind = participantKinds[(i + n) % participantKinds.length] ?? "resident";
        await tx
          .update(participants)
          .set({ kind, skills: ["talking to people", "spreadsheets", "drawing", "filming"].slice(0, 1 + (n % 4)) })
          .where(eq(participants.id, participantId));
        await tx.insert(teamMembers).values({ eventId, participantId, teamId: team.id });
      }
    }
  });
}

/** A card drawn whole: inside the screen, cut by nothing around it, and nothing of it cut inside. */
async function drawnWhole(card: Locator) {
  return card.evaluate((el) => {
    const box = el.getBoundingClientRect();
    let cutBy: string | null =
      box.top < 0 || box.left < 0 || box.bottom > innerHeight + 0.5 || box.right > innerWidth + 0.5 ? "the screen" : null;
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflow === "visible") continue;
      const around = up.getBoundingClientRect();
      if (box.bottom > around.bottom + 0.5 || box.right > around.right + 0.5) cutBy ??= up.tagName;
    }
    return { cutBy, cutInside: el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1 };
  });
}

test("the join wall draws every team whole, from one team to a dozen, under the notes and an announcement, at every projector size; past what fits, it says how many more", async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const screenContext = await browser.newContext(projector);
  for (const count of [1, 4, 8, 12, 40]) {
    const event = await createEventFixture();
    const facilitator = await addStaff(event.id, "facilitator");
    await teamsOfPeople(event.id, count);
    const staffSocket = await commandSocket(event.id, facilitator.id);
    await staffSocket.command("announcement:send", { text: announcementText });
    const welcome = await findWelcomeBoard((await db()).read, event.id);
    if (!welcome) throw new Error("no welcome board");
    for (const text of [longestNote, "Fix the lift at the library", "Hello from Stockwell"]) {
      await staffSocket.command("note:create", {
        boardId: welcome.id,
        column: welcome.columns[0]?.key ?? "",
        text,
        colour: "yellow",
      });
    }
    staffSocket.close();

    await signIn(screenContext, facilitator.id);
    const screen = await screenContext.newPage();
    await screen.goto(`/s/${event.slug}`);
    await expect(screen.locator('[data-status="online"]')).toBeVisible();
    await expect(screen.getByTestId("screen-note")).toHaveCount(3);
    const cards = screen.getByTestId("overview-team");
    const more = screen.getByTestId("more-teams");
    for (const size of sizes) {
      await screen.setViewportSize(size);
      const label = `${count} teams at ${size.width}×${size.height}`;
      if (count <= 12) {
        await expect(cards, label).toHaveCount(count);
        await expect(more, label).toHaveCount(0);
      } else {
        // Forty teams can't all be read from the back of a hall: the last place says how many more there are.
        await expect(more, label).toBeVisible();
        // The wall measures what fits after a resize, so it is judged once it has settled, as the cards are below.
        await expect(async () => {
          const notShown = Number((await more.textContent())?.match(/\d+/)?.[0]);
          expect(notShown + (await cards.count()), label).toBe(count);
          expect(await drawnWhole(more), label).toEqual({ cutBy: null, cutInside: false });
        }).toPass({ timeout: 10_000 });
      }
      await expect(async () => {
        for (let i = 0; i < (await cards.count()); i++) {
          expect(await drawnWhole(cards.nth(i)), `${label}: ${await cards.nth(i).getByRole("heading").textContent()}`).toEqual({
            cutBy: null,
            cutInside: false,
          });
        }
      }).toPass({ timeout: 10_000 });
      for (const heading of await cards.getByRole("heading").all()) {
        expect(await wordsBrokenAcrossLines(heading), label).toEqual([]);
      }
      // The QR code keeps its size, whatever the teams need.
      const qr = await expectInsideViewport(screen, screen.getByTestId("join-qr"));
      expect(qr.box.height, label).toBeGreaterThanOrEqual(0.3 * size.height);
      await screen.screenshot({ path: `${shots}/join-wall-${count}-teams-${size.width}x${size.height}.png` });
    }
    await screen.close();
  }
  await screenContext.close();
});

test("a big screen stood on its end (1080×1920) gives the QR code and the words their full size, with nothing off the screen", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const facilitator = await addStaff(event.id, "facilitator");
  for (const name of [longTeamName, "Our Street", "Pop-up Library"]) await addTeam(event.id, name);
  const staffSocket = await commandSocket(event.id, facilitator.id);
  await staffSocket.command("announcement:send", { text: announcementText });
  const portrait = { width: 1080, height: 1920 };
  const { screenContext, screen } = await joinWallWithAnnouncement(browser, facilitator.id, event.slug, portrait);

  // Scaled for a landscape picture, the QR code was under a third of the width and the code's type half size.
  await expect(async () => {
    const { box } = await expectInsideViewport(screen, screen.getByTestId("join-qr"));
    expect(box.width).toBeGreaterThanOrEqual(0.5 * portrait.width);
    expect(Math.abs(box.width - box.height), "the QR code is square").toBeLessThanOrEqual(1);
  }).toPass({ timeout: 5_000 });
  // As tall as on a 1920×1080 projector (text-6xl: 60 px there).
  const codeSize = await screen.getByTestId("screen-code").evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  expect(codeSize).toBeGreaterThanOrEqual(56);
  await expectInsideViewport(screen, screen.getByTestId("screen-code"));
  await expectInsideViewport(screen, screen.getByTestId("join-url"));
  const page = await screen.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
  }));
  expect(page).toEqual(portrait);
  // The teams still show below, their names whole.
  const team = screen.getByTestId("overview-team").filter({ hasText: longTeamName }).getByRole("heading");
  await expect(team).toBeVisible();
  expect(await wordsBrokenAcrossLines(team)).toEqual([]);
  await screen.screenshot({ path: `${shots}/join-wall-portrait-1080x1920.png` });
  await screenContext.close();
});

test("opened without a staff session, the big screen says why it asks to sign in, and opens after sign-in", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const facilitator = await addStaff(event.id, "facilitator");
  const context = await browser.newContext(projector);
  const screen = await context.newPage();
  await screen.goto(`/s/${event.slug}`);
  await expect(screen).toHaveURL(new RegExp(`/signin\\?next=%2Fs%2F${event.slug}$`));
  await expect(screen.getByRole("heading", { name: "Sign in once to open the big screen", level: 1 })).toBeVisible();
  await expect(screen.getByTestId("signin-big-screen")).toContainText(
    "a facilitator or organiser of this event signs in once on this device",
  );
  await expectAccessible(screen);

  await screen.getByLabel("Email address").fill(facilitator.email);
  await screen.getByLabel("Password").fill(facilitator.password);
  await screen.getByRole("button", { name: "Sign in" }).click();
  await expect(screen).toHaveURL(new RegExp(`/s/${event.slug}$`));
  await expect(screen.getByTestId("screen-code")).toBeVisible();

  // Any other sign-in keeps its usual words.
  const other = await browser.newPage();
  await other.goto("/signin?next=%2Fo");
  await expect(other.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await expect(other.getByTestId("signin-big-screen")).toHaveCount(0);
});

test("a map fills the projector: scaled to the screen at its own proportions, with its pins on their spots", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const board = await addBoardFixture(event.id, { title: "Our streets", template: "map" });
  const laptopContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await signIn(laptopContext, event.organiser.id);
  const laptop = await laptopContext.newPage();
  await laptop.goto(`/f/${event.slug}/b/${board.id}`);
  // A map 800 px wide: on a 1920-px projector it used to stay 800 px.
  await laptop
    .getByLabel("Image of the map")
    .setInputFiles({ name: "area.png", mimeType: "image/png", buffer: neighbourhoodMap(800, 450) });
  await laptop.getByRole("button", { name: "Upload the map" }).click();
  await expect(laptop.getByText("The map is up on every screen.")).toBeVisible();

  const staffSocket = await commandSocket(event.id, event.organiser.id);
  const column = boardTemplates.map.columns[0];
  await staffSocket.command("note:create", {
    boardId: board.id,
    column,
    text: "Broken bench by the river",
    colour: "yellow",
    pin: { x: 0.75, y: 0.6 },
  });

  const screenContext = await browser.newContext(projector);
  await signIn(screenContext, event.organiser.id);
  const screen = await screenContext.newPage();

  async function expectFilled(page: Page) {
    const image = page.getByTestId("map").getByRole("img");
    await expect(image).toBeVisible();
    const pin = page.getByTestId("map-pin");
    await expect(pin).toContainText("Broken bench");
    await expect(async () => {
      const { box } = await expectInsideViewport(page, image);
      expect(box.width).toBeGreaterThan(1200);
      // Its own proportions (800 × 450), not stretched.
      expect(box.width / box.height).toBeCloseTo(800 / 450, 1);
      // The pin's point is where the note was pinned, as a fraction of the drawn map.
      const marker = await pin.locator(":scope > :first-child").boundingBox();
      if (!marker) throw new Error("pin not drawn");
      expect((marker.x + marker.width / 2 - box.x) / box.width).toBeCloseTo(0.75, 1);
      expect((marker.y + marker.height / 2 - box.y) / box.height).toBeCloseTo(0.6, 1);
    }).toPass({ timeout: 5_000 });
  }

  // The board's own projector page.
  await screen.goto(`/s/${event.slug}/b/${board.id}`);
  await expectFilled(screen);
  await screen.screenshot({ path: `${shots}/map-projected-1920x1080.png` });

  // The board on the big screen.
  await screen.goto(`/s/${event.slug}`);
  await expect(screen.locator('[data-status="online"]')).toBeVisible();
  await staffSocket.command("screen:show", { wall: { kind: "board", boardId: board.id } });
  await expect(screen.getByTestId("wall-board")).toBeVisible();
  await expectFilled(screen);
  await screen.screenshot({ path: `${shots}/map-big-screen-1920x1080.png` });
  await expectAccessible(screen);
  staffSocket.close();
});

test("the agenda and announcement walls fit every projector, with a long agenda and the longest announcement", async ({
  browser,
}) => {
  const event = await createEventFixture();
  const facilitator = await addStaff(event.id, "facilitator");
  const start = Date.parse("2027-05-14T17:00:00Z");
  await (await db()).transact((tx) =>
    tx.insert(eventPhases).values(
      Array.from({ length: 9 }, (_, i) => ({
        id: randomUUID(),
        eventId: event.id,
        position: i,
        name: `Session ${i + 1}: a long afternoon of making things with the whole room`,
        startsAt: start + i * 3_600_000,
      })),
    ),
  );
  const staffSocket = await commandSocket(event.id, facilitator.id);
  const screenContext = await browser.newContext(projector);
  await signIn(screenContext, facilitator.id);
  const screen = await screenContext.newPage();
  await screen.goto(`/s/${event.slug}`);
  await expect(screen.locator('[data-status="online"]')).toBeVisible();
  await staffSocket.command("screen:show", { wall: { kind: "agenda" } });
  const phases = screen.getByTestId("wall-agenda").getByRole("listitem");
  await expect(phases).toHaveCount(9);
  for (const size of sizes) {
    await screen.setViewportSize(size);
    for (let i = 0; i < 9; i++) await expect(async () => void (await expectInsideViewport(screen, phases.nth(i)))).toPass();
  }

  // The longest announcement staff may send: 240 characters, all of it on the screen.
  const longest =
    "Lunch is ready in the main hall downstairs: vegetarian, vegan and halal options are on the left-hand table, and the crèche has its own. Please take your plates back to the kitchen hatch afterwards so the volunteers can wash up. Thank you all!";
  await staffSocket.command("announcement:send", { text: longest.slice(0, 240) });
  await staffSocket.command("screen:show", { wall: { kind: "announcement" } });
  const card = screen.getByTestId("wall-announcement");
  await expect(card).toContainText("Thank you");
  for (const size of sizes) {
    await screen.setViewportSize(size);
    await expect(async () => {
      const inner = await card.evaluate((el) => {
        const box = el.parentElement as HTMLElement;
        return { fits: box.scrollHeight <= box.clientHeight + 1 };
      });
      expect(inner.fits, `${size.width}×${size.height}`).toBe(true);
      await expectInsideViewport(screen, card);
    }).toPass();
  }
  staffSocket.close();
  await screenContext.close();
});
