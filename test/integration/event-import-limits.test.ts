/**
 * An import must never stop the room for others: it is bounded (export-caps.ts, read-upload.ts),
 * written a slice at a time while the room's writes go on, invisible until it is whole, removed
 * when it fails half way, and open to organisers only.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import { events, notes } from "@/db/schema";
import { findDashboard } from "@/lib/accounts/dashboard";
import { exportCaps } from "@/lib/exports/export-caps";
import { type EventExport, parseEventExport } from "@/lib/exports/export-schema";
import { importEvent } from "@/lib/exports/import-event";
import { importUpload } from "@/lib/exports/import-upload";
import { loadEventExport } from "@/lib/exports/load-event-export";
import { mayImportEvents } from "@/lib/exports/may-import";
import { abandonedAfterMs } from "@/lib/exports/remove-import";
import { LocalDiskStorage } from "@/lib/files/storage";
import { seedWeekend } from "../support/seeded-weekend";
import { clientsFor, participantCookie } from "./support/clients";
import {
  addParticipant,
  addStaff,
  commandId,
  createAccount,
  createTestEvent,
  openTempDatabase,
  tempDatabaseUrl,
} from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/server";

// The dashboard's nudges are server code; here they run against the test server's database directly.
vi.mock("server-only", () => ({}));

let t: TestServer;
let db: Database;
beforeAll(async () => {
  t = await startTestServer();
  db = t.server.db;
});
afterAll(() => t.dispose());

/** A real weekend's export, as the review page downloads it. */
async function weekendExport(organiserId: string) {
  const weekend = await seedWeekend(db, organiserId);
  const data = await loadEventExport(db.read, weekend.event.id);
  if (!data) throw new Error("no export");
  return { weekend, data };
}

/** The export with `boards` boards of `perBoard` notes each, by staff, as a long weekend's walls. */
function withWalls(data: EventExport, boards: number, perBoard: number): EventExport {
  const board = data.boards.find((b) => b.notes.length > 0);
  const [note] = board?.notes ?? [];
  if (!board || !note) throw new Error("no note to copy");
  const walls = Array.from({ length: boards }, (_, b) => ({
    ...board,
    id: `wall-${b}`,
    teamId: null,
    title: `Wall ${b + 1}`,
    groups: [],
    notes: Array.from({ length: perBoard }, (_, i) => ({
      ...note,
      id: `wall-${b}-note-${i}`,
      text: `Idea ${i + 1}: a bench by the bus stop`,
      authorParticipantId: null,
      byStaff: true,
      groupId: null,
      photo: null,
      hadPhoto: false,
      sourceNoteId: null,
      position: i,
    })),
  }));
  return { ...data, boards: [...data.boards, ...walls] };
}

/** Every table's row count, to see that a refused import left nothing behind. */
async function rowCounts() {
  const tables = await db.read.all<{ name: string }>(
    sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%' ORDER BY name`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await db.read.all<{ n: number }>(sql.raw(`SELECT count(*) AS n FROM "${name}"`));
    counts[name] = Number(row?.n ?? 0);
  }
  return counts;
}

describe("importing an event while a room is running", () => {
  it("a phone's note in another event is stored and acknowledged while a large import is still being written", async () => {
    const organiser = await createAccount(db);
    const { data } = await weekendExport(organiser.accountId);
    // Four walls of 5,000 notes: within every cap, and far more than a weekend writes.
    const large = parseEventExport(withWalls(data, 4, exportCaps.notesPerBoard));
    if (!large.ok) throw new Error(large.message);

    const room = await createTestEvent(db, (await createAccount(db)).accountId, "Made in Brixton");
    const clients = clientsFor(t.url);
    try {
      const phone = await clients.connect({
        eventId: room.id,
        cookie: participantCookie(room.id, await addParticipant(db, room.id, "Sam")),
      });
      const begun = new Promise<void>((resolve) => {
        const stop = db.writeQueue.onCommit(() => {
          stop();
          resolve();
        });
      });
      let finished = false;
      const importing = importEvent(db, large.data, organiser.accountId).then((made) => {
        finished = true;
        return made;
      });
      await begun;

      const ack = await phone.timeout(120_000).emitWithAck("note:create", {
        id: commandId(),
        payload: { boardId: room.welcomeBoardId, column: room.welcomeColumn, text: "More benches" },
      });
      // The room's note went in between the import's slices, not after all of them.
      expect(ack).toMatchObject({ ok: true });
      expect(finished).toBe(false);
      // Meanwhile the half-written event is nobody's: not on its organiser's list.
      const halfway = await findDashboard(db.read, organiser.accountId);
      expect(halfway.mine.map((e) => e.name)).toEqual([data.event.name]);

      const made = await importing;
      const [{ count } = { count: 0 }] = await db.read.all<{ count: number }>(
        sql`SELECT count(*) AS count FROM ${notes} JOIN boards ON boards.id = ${notes.boardId} WHERE boards.event_id = ${made.eventId}`,
      );
      expect(Number(count)).toBe(large.data.boards.reduce((sum, b) => sum + b.notes.length, 0));
      const done = await findDashboard(db.read, organiser.accountId);
      expect(done.mine.find((e) => e.slug === made.slug)).toMatchObject({ status: "draft", role: "organiser" });
    } finally {
      clients.closeAll();
    }
  });

  it("a file with more notes on a board than an import takes is refused, saying so, and makes no event", async () => {
    const organiser = await createAccount(db);
    const { data } = await weekendExport(organiser.accountId);
    const over = withWalls(data, 1, exportCaps.notesPerBoard + 1);
    const wall = over.boards.length;
    const before = (await db.read.select({ id: events.id }).from(events)).length;
    const temp = tempDatabaseUrl("madein-import-files-");
    try {
      const refused = await importUpload(
        db,
        new TextEncoder().encode(JSON.stringify(over)),
        organiser.accountId,
        new LocalDiskStorage(temp.dir),
      );
      expect(refused).toEqual({
        ok: false,
        message: `That file can't be imported: it has more than 5,000 notes in the boards, board ${wall} ("Wall 1"), more than Made In takes there. Nothing was imported.`,
      });
    } finally {
      temp.remove();
    }
    expect((await db.read.select({ id: events.id }).from(events)).length).toBe(before);
  });

  it("an import refused at its very last write is removed, a slice at a time: no row of it is left in any table", async () => {
    const organiser = await createAccount(db);
    const { data } = await weekendExport(organiser.accountId);
    const parsed = parseEventExport(withWalls(data, 1, 1_000));
    if (!parsed.ok) throw new Error(parsed.message);
    // How many commits a whole import makes; the same file fails at its last one (the disk full, say).
    let commits = 0;
    const counting: Database = {
      ...db,
      transact: (fn, options) => {
        commits++;
        return db.transact(fn, options);
      },
    };
    await importEvent(counting, parsed.data, organiser.accountId);

    const before = await rowCounts();
    let calls = 0;
    const failing: Database = {
      ...db,
      transact: (fn, options) => (++calls === commits ? Promise.reject(new Error("disk I/O error")) : db.transact(fn, options)),
    };
    await expect(importEvent(failing, parsed.data, organiser.accountId)).rejects.toThrow("disk I/O error");
    expect(await rowCounts()).toEqual(before);
  });

  it("an event an import left half-written when the process stopped is removed when its organiser imports again", async () => {
    const organiser = await createAccount(db);
    const { data } = await weekendExport(organiser.accountId);
    const parsed = parseEventExport(data);
    if (!parsed.ok) throw new Error(parsed.message);
    const left = await createTestEvent(db, organiser.accountId, "Left behind");
    const running = await createTestEvent(db, organiser.accountId, "Still importing elsewhere");
    await addParticipant(db, left.id, "Sam");
    // As an import leaves them until its last commit: drafts nobody runs; one began long ago.
    await db.transact(async (tx) => {
      await tx.run(sql`DELETE FROM event_staff WHERE event_id IN (${left.id}, ${running.id})`);
      await tx.run(sql`UPDATE events SET status = 'draft' WHERE id IN (${left.id}, ${running.id})`);
      await tx.run(sql`UPDATE events SET created_at = ${Date.now() - abandonedAfterMs - 60_000} WHERE id = ${left.id}`);
    });
    await importEvent(db, parsed.data, organiser.accountId);
    const names = (await db.read.select({ name: events.name }).from(events)).map((e) => e.name);
    expect(names).not.toContain("Left behind");
    // One begun within the hour may be another process's import still being written.
    expect(names).toContain("Still importing elsewhere");
  });
});

describe("who may import", () => {
  it("organisers may; a facilitator of one event, or an account with no event, may not; the account that set up the installation may before it organises anything", async () => {
    const fresh = await openTempDatabase();
    try {
      const freshDb = fresh.db;
      const setUp = await createAccount(freshDb, "Set up this Made In");
      expect(await mayImportEvents(freshDb.read, setUp.accountId)).toBe(true);
      const organiser = await createAccount(freshDb, "Organiser");
      const event = await createTestEvent(freshDb, organiser.accountId);
      expect(await mayImportEvents(freshDb.read, organiser.accountId)).toBe(true);
      const facilitator = await createAccount(freshDb, "Facilitator");
      await addStaff(freshDb, event.id, facilitator.accountId, "facilitator");
      expect(await mayImportEvents(freshDb.read, facilitator.accountId)).toBe(false);
      const nobody = await createAccount(freshDb, "Signed in by single sign-on, no events");
      expect(await mayImportEvents(freshDb.read, nobody.accountId)).toBe(false);
    } finally {
      fresh.cleanup();
    }
  });
});
