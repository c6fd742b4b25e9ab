/**
 * Real data for tests: a migrated libSQL file in its own temp directory, and the few rows
 * (accounts with sessions, events, participants, boards) that commands need. Used by the
 * integration tests and by the unit tests that run against a real database.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { type Database, migrateDatabase, openDatabase } from "@/db/client";
import { accountSessions, accounts, boards, eventPhases, eventStaff, type StaffRole, type sentEmails } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { createEvent } from "@/lib/events/create-event";
import { joinEvent } from "@/lib/participants/join-event";
import type { AgeBand } from "@/lib/participants/profile";

/** A fresh directory under the OS temp dir and a `file:` URL inside it. */
export function tempDatabaseUrl(prefix = "madein-test-") {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, url: `file:${join(dir, "madein.db")}`, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Migrated and opened; `cleanup` closes it and deletes the directory. */
export async function openTempDatabase() {
  const temp = tempDatabaseUrl();
  await migrateDatabase(temp.url);
  const db = await openDatabase(temp.url);
  return {
    ...temp,
    db,
    cleanup() {
      db.close();
      temp.remove();
    },
  };
}

const day = 24 * 3600 * 1000;

/** An organiser/facilitator account with a live session; the token is what the cookie carries. */
export async function createAccount(db: Database, name = "Project lead, Public Realm services") {
  const accountId = randomUUID();
  const sessionToken = newToken();
  await db.transact(async (tx) => {
    await tx.insert(accounts).values({ id: accountId, email: `${accountId}@example.test`, name, passwordHash: "unused" });
    await tx.insert(accountSessions).values({ tokenHash: hashToken(sessionToken), accountId, expiresAt: Date.now() + day });
  });
  return { accountId, name, sessionToken };
}

/** Another session of the account (another device signed in); its token, as that device's cookie carries it. */
export async function createAccountSession(db: Database, accountId: string) {
  const token = newToken();
  await db.transact((tx) =>
    tx.insert(accountSessions).values({ tokenHash: hashToken(token), accountId, expiresAt: Date.now() + 3_600_000 }),
  );
  return token;
}

/** An event (with its welcome board) organised by `organiserId`. */
export async function createTestEvent(db: Database, organiserId: string, name = "Made in Lambeth") {
  const event = await db.transact((tx) => createEvent(tx, { name, createdBy: organiserId, status: "published" }));
  const [board] = await db.read.select().from(boards).where(eq(boards.eventId, event.id));
  if (!board) throw new Error("createEvent made no welcome board");
  return { ...event, welcomeBoardId: board.id, welcomeColumn: board.columns[0]?.key ?? "hello" };
}

export async function addStaff(db: Database, eventId: string, accountId: string, role: StaffRole) {
  await db.transact((tx) => tx.insert(eventStaff).values({ eventId, accountId, role }));
}

/**
 * A participant who has said they are 18 or over (so the room sees their name), unless told
 * otherwise: `ageBand: null` is someone who has not answered yet.
 */
export async function addParticipant(
  db: Database,
  eventId: string,
  displayName = "Resident",
  ageBand: AgeBand | null = "18_plus",
) {
  const { participantId } = await db.transact((tx) => joinEvent(tx, { eventId, displayName, ageBand }));
  return participantId;
}

export async function addBoard(db: Database, eventId: string, title = "Ideas", columns = [{ key: "ideas", title: "Ideas" }]) {
  const id = randomUUID();
  await db.transact((tx) => tx.insert(boards).values({ id, eventId, title, columns }));
  return id;
}

export const participantActor = (eventId: string, participantId: string): Actor => ({
  kind: "participant",
  eventId,
  participantId,
  role: "participant",
});

export const staffActor = (
  eventId: string,
  accountId: string,
  role: StaffRole = "organiser",
  name = "Project lead, Public Realm services",
): Actor => ({ kind: "staff", eventId, accountId, name, role });

/** A command id as a device would make one. */
export const commandId = () => `cmd-${randomUUID()}`;

/** An agenda of phases an hour apart, in this order; their ids, in the same order. */
export async function addAgenda(db: Database, eventId: string, names: string[]) {
  const ids = names.map(() => randomUUID());
  await db.transact(async (tx) => {
    for (const [i, name] of names.entries()) {
      await tx
        .insert(eventPhases)
        .values({ id: ids[i] as string, eventId, name, startsAt: 1_800_000_000_000 + i * 3_600_000, position: i });
    }
  });
  return ids;
}

/** The record of an event's email to `recipient` (a personal link, sent now), as deliver() writes it. */
export const emailedRow = (eventId: string, recipient: string): typeof sentEmails.$inferInsert => ({
  id: randomUUID(),
  eventId,
  kind: "device_link",
  recipient,
  subject: "Your personal link",
  outcome: "sent",
  sentAt: Date.now(),
});
