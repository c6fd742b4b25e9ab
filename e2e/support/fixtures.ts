import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext } from "@playwright/test";
import { eq } from "drizzle-orm";
import { type Database, openDatabase } from "@/db/client";
import { accountSessions, accounts, briefs, eventStaff, events } from "@/db/schema";
import { accountSessionCookie, participantCookieName } from "@/lib/auth/cookies";
import { hashPassword } from "@/lib/auth/password";
import { hashToken, newToken, sign } from "@/lib/auth/tokens";
import { parseEnv } from "@/lib/config/env";
import { createEvent } from "@/lib/events/create-event";
import { joinEvent } from "@/lib/participants/join-event";
import { createProject } from "@/lib/projects/create-project";
import { newOwnerLink } from "@/lib/projects/owner-link";
import { e2eBaseUrl, e2eDatabaseUrl } from "./config";
import { phone } from "./viewports";

/**
 * Test data goes straight into the server's database file, so each test sets up its own
 * world in milliseconds instead of clicking through sign-up.
 */
let database: Promise<Database> | null = null;
export const db = () => {
  database ??= openDatabase(e2eDatabaseUrl);
  return database;
};
const secret = () => parseEnv({ ...process.env, DATABASE_URL: e2eDatabaseUrl }).SESSION_SECRET;

// Hashing is slow on purpose; one hash serves every fixture account.
let sharedHash: Promise<string> | null = null;
export const fixturePassword = "correct horse battery staple";

export async function createAccount(name = "Fixture organiser") {
  sharedHash ??= hashPassword(fixturePassword);
  const account = {
    id: randomUUID(),
    email: `${randomUUID().slice(0, 8)}@fixture.example`,
    name,
    passwordHash: await sharedHash,
  };
  await (await db()).transact((tx) => tx.insert(accounts).values(account));
  return { ...account, password: fixturePassword };
}

export async function createEventFixture(options: { name?: string; status?: "draft" | "published" } = {}) {
  const organiser = await createAccount();
  const name = options.name ?? `Test weekend ${randomUUID().slice(0, 6)}`;
  const event = await (await db()).transact((tx) =>
    createEvent(tx, {
      name,
      place: "Test Town Hall",
      createdBy: organiser.id,
      status: options.status ?? "published",
    }),
  );
  return { ...event, name, organiser };
}

export async function addStaff(eventId: string, role: "organiser" | "facilitator", name = "Fixture facilitator") {
  const account = await createAccount(name);
  await (await db()).transact((tx) => tx.insert(eventStaff).values({ eventId, accountId: account.id, role }));
  return account;
}

const cookieBase = () => ({ url: e2eBaseUrl, httpOnly: true, sameSite: "Lax" as const });

/** Signs a browser context in as an account, as the sign-in page would. */
export async function signIn(context: BrowserContext, accountId: string) {
  const token = newToken();
  await (await db()).transact((tx) =>
    tx.insert(accountSessions).values({ tokenHash: hashToken(token), accountId, expiresAt: Date.now() + 3600_000 }),
  );
  await context.addCookies([{ ...cookieBase(), name: accountSessionCookie, value: token }]);
}

/**
 * Joins an event as a participant and gives the context their cookie, as the join page would,
 * as someone who has said they are 18 or over (the room sees their name) unless told otherwise.
 */
export async function joinAs(
  context: BrowserContext,
  eventId: string,
  displayName: string,
  ageBand: "under_16" | "16_17" | "18_plus" | null = "18_plus",
) {
  const joined = await (await db()).transact((tx) => joinEvent(tx, { eventId, displayName, ageBand }));
  await context.addCookies([
    { ...cookieBase(), name: participantCookieName(eventId), value: sign(joined.participantId, secret()) },
  ]);
  return joined;
}

/** Adds a brief to an event: published unless told otherwise. */
export async function addBrief(
  eventId: string,
  brief: Partial<Omit<typeof briefs.$inferInsert, "id" | "eventId">> & { title: string },
) {
  const id = randomUUID();
  await (await db()).transact((tx) => tx.insert(briefs).values({ status: "published", ...brief, id, eventId }));
  return id;
}

/** Moves an event to another status, e.g. to archive it after the weekend. */
export async function setEventStatus(eventId: string, status: "draft" | "published" | "archived") {
  await (await db()).transact((tx) => tx.update(events).set({ status }).where(eq(events.id, eventId)));
}

/**
 * Gives an event dates (Friday 5 March 2027 18:00 to Sunday 7 March 17:00, London in winter, so
 * UTC), as an event being edited has: its details form then saves as it stands, and an agenda
 * over the weekend's three days is within them.
 */
export async function dateEvent(eventId: string) {
  await (await db()).transact((tx) =>
    tx
      .update(events)
      .set({ startsAt: Date.UTC(2027, 2, 5, 18), endsAt: Date.UTC(2027, 2, 7, 17) })
      .where(eq(events.id, eventId)),
  );
}

/** Adds a board from a template to an event (for the whole room unless a team is given). */
export async function addBoardFixture(
  eventId: string,
  options: { title?: string; template?: "ideas" | "journey" | "learning" | "postcards" | "map"; teamId?: string | null } = {},
) {
  const { insertBoard } = await import("@/lib/boards/create-board");
  const board = await (await db()).transact((tx) =>
    insertBoard(tx, {
      eventId,
      teamId: options.teamId ?? null,
      title: options.title ?? "Ideas",
      template: options.template ?? "journey",
    }),
  );
  return board;
}

/** Phones (390×844) that have joined the event under these names, each open on the board. */
export async function phonesOnBoard(browser: Browser, event: { id: string; slug: string }, boardId: string, names: string[]) {
  return Promise.all(
    names.map(async (name) => {
      const context = await browser.newContext(phone);
      await joinAs(context, event.id, name);
      const page = await context.newPage();
      await page.goto(`/p/${event.slug}/b/${boardId}`);
      return { context, page };
    }),
  );
}

/** A project in a new event with an owner link, as an organiser makes one after the weekend. */
export async function projectWithOwnerLink(title = "Street library") {
  const event = await createEventFixture();
  return (await db()).transact(async (tx) => {
    const id = await createProject(tx, {
      eventId: event.id,
      teamId: null,
      title,
      summary: "",
      ownerName: "Amara",
      ownerRole: "Resident",
      coOwners: [],
    });
    return { projectId: id, token: await newOwnerLink(tx, id) };
  });
}
