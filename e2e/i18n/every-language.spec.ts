import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { events, teamMembers } from "@/db/schema";
import { allLocales } from "@/lib/i18n/locales";
import { createProject } from "@/lib/projects/create-project";
import { addAgenda } from "../room-control/support";
import { expectAccessible } from "../support/a11y";
import { commandSocket } from "../support/command-socket";
import { e2eBaseUrl } from "../support/config";
import { addBoardFixture, addBrief, addStaff, createEventFixture, db, joinAs, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";
import { addTeam } from "../teams/support";
import { alwaysAllowed, untranslatedWords, userDataWords } from "./support";

/** An event in mid-weekend: agenda, a brief, a team with its member, a board with a note, a timer. */
async function weekendInProgress() {
  const event = await createEventFixture();
  await addAgenda(event.id, ["Explore", "Make"]);
  const briefId = await addBrief(event.id, { title: "Safer streets", problem: "Walking home after dark" });
  const team = await addTeam(event.id, "Street reporters");
  const board = await addBoardFixture(event.id, { title: "Big ideas", template: "ideas" });
  const facilitator = await addStaff(event.id, "facilitator", "Sam");
  return { event, briefId, team, board, facilitator };
}

async function asParticipant(context: BrowserContext, eventId: string, teamId: string, name: string) {
  const joined = await joinAs(context, eventId, name);
  await (await db()).transact((tx) => tx.insert(teamMembers).values({ eventId, participantId: joined.participantId, teamId }));
  return joined;
}

function participantPages(w: Awaited<ReturnType<typeof weekendInProgress>>) {
  const { event } = w;
  return [
    "/",
    "/j",
    `/j/${event.joinCode}`,
    `/j/${event.joinCode}/privacy`,
    `/p/${event.slug}`,
    `/p/${event.slug}/me`,
    `/p/${event.slug}/device`,
    `/p/${event.slug}/b/${w.board.id}`,
    `/p/${event.slug}/brief/${w.briefId}`,
    `/p/${event.slug}/presentations`,
    `/p/${event.slug}/showcase`,
    `/e/${event.slug}`,
  ];
}

/** The home page lists every published event: their names and places are their organisers' words, not the product's. */
async function publishedEventWords(): Promise<Set<string>> {
  const rows = await (await db()).read
    .select({ name: events.name, place: events.place })
    .from(events)
    .where(eq(events.status, "published"));
  return new Set(rows.flatMap((r) => `${r.name} ${r.place}`.match(/[A-Za-z]{2,}/g) ?? []).map((w) => w.toLowerCase()));
}

/** A phase started, an announcement made and a timer running, as a facilitator would. */
async function setTheRoomGoing(w: Awaited<ReturnType<typeof weekendInProgress>>) {
  const staff = await commandSocket(w.event.id, w.facilitator.id);
  await staff.command("phase:next", { fromPhaseId: null });
  await staff.command("announcement:send", { text: "Lunch is ready" });
  await staff.command("timer:start", { minutes: 5 });
  staff.close();
}

/** Words a page may show untranslated: the product's name, the event's own data and its join code. */
async function eventWords(w: Awaited<ReturnType<typeof weekendInProgress>>) {
  // The join code as shown, "K7Q-4MX": the event's data, in two halves.
  const codeHalves = [w.event.joinCode.slice(0, 3), w.event.joinCode.slice(3)]
    .flatMap((half) => half.match(/[A-Za-z]{2,}/g) ?? [])
    .map((word) => word.toLowerCase());
  return new Set([...alwaysAllowed, ...codeHalves, ...(await userDataWords(w.event.id))]);
}

/** A page has loaded what it shows: live pages wait for their connection. */
async function settle(page: Page) {
  await expect(page).toHaveTitle(/\S/);
  const live = page.locator("[data-status]");
  if ((await live.count()) > 0) await expect(live.first()).toHaveAttribute("data-status", "online");
}

test("every participant page in the pseudo-locale: no text that skipped the catalogue", async ({ browser }) => {
  test.setTimeout(300_000);
  const w = await weekendInProgress();
  const context = await browser.newContext({ ...phone, locale: "en-GB" });
  await context.addCookies([{ url: e2eBaseUrl, name: "mi_lang", value: "en-XA", sameSite: "Lax" }]);
  await asParticipant(context, w.event.id, w.team.id, "Ŧéšţ");
  await setTheRoomGoing(w);

  const allowed = await eventWords(w);
  const page = await context.newPage();
  const found: string[] = [];
  for (const path of participantPages(w)) {
    // A page of its own for each: /j/CODE sends a joined phone on to its room, so visit it signed out.
    const target = path.startsWith("/j") ? await (await browser.newContext({ ...phone })).newPage() : page;
    if (target !== page) {
      await target.context().addCookies([{ url: e2eBaseUrl, name: "mi_lang", value: "en-XA", sameSite: "Lax" }]);
    }
    await target.goto(path);
    await settle(target);
    await expect(target.locator("html")).toHaveAttribute("lang", "en-XA");
    // Read after the page: every event it lists was published by then.
    const here = path === "/" ? new Set([...allowed, ...(await publishedEventWords())]) : allowed;
    for (const word of await untranslatedWords(target, here)) found.push(`${path}: ${word}`);
    if (target !== page) await target.context().close();
  }
  expect(found, "hard-coded text on participant pages").toEqual([]);
  await context.close();
});

const laptop = { viewport: { width: 1280, height: 720 } };

/** Every page the organisers and facilitators use, and the big screen in the event's language. */
function staffPages(w: Awaited<ReturnType<typeof weekendInProgress>>, projectId: string) {
  const { event } = w;
  return [
    "/o",
    "/o/import",
    `/o/${event.slug}`,
    `/o/${event.slug}/edit`,
    `/o/${event.slug}/invite`,
    `/o/${event.slug}/audit`,
    `/o/${event.slug}/briefs/${w.briefId}`,
    `/o/${event.slug}/projects`,
    `/o/${event.slug}/projects/${projectId}`,
    `/o/${event.slug}/review`,
    `/f/${event.slug}`,
    `/f/${event.slug}/b/${w.board.id}`,
    `/f/${event.slug}/presentations`,
    `/f/${event.slug}/presentations/results`,
    `/s/${event.slug}`,
  ];
}

/** The weekend followed up: a project, a member on their phone, the room going, the event in `language`. */
async function staffWeekend(browser: Browser, w: Awaited<ReturnType<typeof weekendInProgress>>, language: string) {
  const projectId = await (await db()).transact((tx) =>
    createProject(tx, {
      eventId: w.event.id,
      teamId: w.team.id,
      title: "Lantern walk",
      summary: "Lit routes home",
      ownerName: "Amara",
      ownerRole: "Resident",
      ownerEmail: "amara@example.test",
      coOwners: [],
      now: Date.now() - 40 * 24 * 3600_000,
    }),
  );
  await (await db()).transact((tx) => tx.update(events).set({ language }).where(eq(events.id, w.event.id)));
  const phoneContext = await browser.newContext({ ...phone });
  await asParticipant(phoneContext, w.event.id, w.team.id, "Amara");
  await setTheRoomGoing(w);
  return { projectId, phoneContext };
}

test("every staff page and the big screen in the pseudo-locale: no text that skipped the catalogue", async ({ browser }) => {
  test.setTimeout(360_000);
  const w = await weekendInProgress();
  // The big screen speaks the event's language: here the pseudo-locale too.
  const { projectId, phoneContext } = await staffWeekend(browser, w, "en-XA");

  const context = await browser.newContext({ ...laptop, locale: "en-GB" });
  await context.addCookies([{ url: e2eBaseUrl, name: "mi_lang", value: "en-XA", sameSite: "Lax" }]);
  await signIn(context, w.event.organiser.id);
  const allowed = await eventWords(w);
  const page = await context.newPage();
  const found: string[] = [];
  for (const path of staffPages(w, projectId)) {
    await page.goto(path);
    await settle(page);
    await expect(page.locator("html")).toHaveAttribute("lang", "en-XA");
    for (const word of await untranslatedWords(page, allowed)) found.push(`${path}: ${word}`);
    // The longest words any language has (a third longer, accented): still no serious accessibility problem.
    await expectAccessible(page);
  }
  // Signed out: the sign-in pages.
  const visitor = await browser.newContext({ ...laptop });
  await visitor.addCookies([{ url: e2eBaseUrl, name: "mi_lang", value: "en-XA", sameSite: "Lax" }]);
  const door = await visitor.newPage();
  for (const path of ["/signin", "/signin/forgot", `/signin?next=%2Fs%2F${w.event.slug}`]) {
    await door.goto(path);
    await settle(door);
    for (const word of await untranslatedWords(door, allowed)) found.push(`${path}: ${word}`);
  }
  expect(found, "hard-coded text on staff pages").toEqual([]);
  await context.close();
  await visitor.close();
  await phoneContext.close();
});

for (const locale of allLocales.filter((l) => !l.pseudo)) {
  test(`participant pages in ${locale.name}: lang="${locale.code}" and no serious accessibility problem`, async ({ browser }) => {
    test.setTimeout(300_000);
    const w = await weekendInProgress();
    const context = await browser.newContext({ ...phone });
    await context.addCookies([{ url: e2eBaseUrl, name: "mi_lang", value: locale.code, sameSite: "Lax" }]);
    await asParticipant(context, w.event.id, w.team.id, "Amara");
    const page = await context.newPage();
    for (const path of participantPages(w).filter((p) => !p.startsWith("/j/"))) {
      await page.goto(path);
      await settle(page);
      await expect(page.locator("html")).toHaveAttribute("lang", locale.code);
      await expectAccessible(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} scrolls sideways`).toBeLessThanOrEqual(
        390,
      );
    }
    await context.close();
  });
}

for (const locale of allLocales.filter((l) => !l.pseudo && !l.fallback)) {
  test(`staff pages and the big screen in ${locale.name}: lang="${locale.code}", no serious accessibility problem, nothing wider than a laptop`, async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const w = await weekendInProgress();
    const { projectId, phoneContext } = await staffWeekend(browser, w, locale.code);
    const context = await browser.newContext({ ...laptop });
    await context.addCookies([{ url: e2eBaseUrl, name: "mi_lang", value: locale.code, sameSite: "Lax" }]);
    await signIn(context, w.event.organiser.id);
    const page = await context.newPage();
    for (const path of staffPages(w, projectId)) {
      await page.goto(path);
      await settle(page);
      await expect(page.locator("html")).toHaveAttribute("lang", locale.code);
      await expectAccessible(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} scrolls sideways`).toBeLessThanOrEqual(
        1280,
      );
    }
    await context.close();
    await phoneContext.close();
  });
}
