import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { unzipSync } from "fflate";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { briefFiles, notePhotos, notes, projectCheckIns, showcaseImages } from "@/db/schema";
import { addBriefFile } from "@/lib/briefs/add-brief-file";
import { eventArchiveEntries } from "@/lib/exports/event-archive";
import { loadEventExport } from "@/lib/exports/load-event-export";
import { zipStream } from "@/lib/exports/zip-stream";
import { LocalDiskStorage, newStorageKey } from "@/lib/files/storage";
import { createProject } from "@/lib/projects/create-project";
import { seedWeekend } from "../support/seeded-weekend";
import { tinyPng } from "../support/tiny-png";
import { createAccount, openTempDatabase } from "./support/fixtures";

const bytesOf = (label: string) => new TextEncoder().encode(`pretend image: ${label}`);

describe("the event archive", () => {
  let temp: Awaited<ReturnType<typeof openTempDatabase>>;
  let db: Database;
  let uploads: string;
  beforeEach(async () => {
    temp = await openTempDatabase();
    db = temp.db;
    uploads = mkdtempSync(join(tmpdir(), "madein-archive-"));
  });
  afterEach(() => {
    temp.cleanup();
    rmSync(uploads, { recursive: true, force: true });
  });

  it("carries the JSON, the report, every table and every file people uploaded, and says which are missing", async () => {
    const storage = new LocalDiskStorage(uploads);
    const organiser = await createAccount(db);
    const weekend = await seedWeekend(db, organiser.accountId, "Made in Lambeth");
    const other = await seedWeekend(db, organiser.accountId, "Another weekend");
    const eventId = weekend.event.id;
    const stored = async (label: string) => {
      const key = newStorageKey();
      await storage.save(key, bytesOf(label));
      return key;
    };

    const pack = await addBriefFile(db, storage, {
      eventId,
      briefId: weekend.ids.parksBrief,
      title: "Site map",
      file: { name: "site map.png", size: tinyPng.byteLength, bytes: new Uint8Array(tinyPng) },
      uploadedBy: organiser.accountId,
    });
    if (!pack.ok) throw new Error(pack.message);
    const onNote = randomUUID();
    const detached = randomUUID();
    const ofOtherEvent = randomUUID();
    const image = randomUUID();
    const checkIn = randomUUID();
    const projectId = await db.transact((tx) =>
      createProject(tx, { eventId, teamId: null, title: "Park", summary: "", ownerName: "Ada", ownerRole: "", coOwners: [] }),
    );
    const photoRow = (id: string, forEvent: string, boardId: string, storageKey: string) => ({
      id,
      boardId,
      eventId: forEvent,
      storageKey,
      contentType: "image/jpeg",
      bytes: 20,
      uploadedBy: "p:someone",
    });
    const missingKey = newStorageKey(); // listed by the event, never saved
    const rows = {
      onNote: photoRow(onNote, eventId, weekend.boardId, await stored("note photo")),
      detached: photoRow(detached, eventId, weekend.boardId, await stored("never attached")),
      other: photoRow(ofOtherEvent, other.event.id, other.boardId, await stored("other event")),
      image: await stored("showcase image"),
      checkIn: await stored("check-in photo"),
    };
    await db.transact(async (tx) => {
      await tx.insert(notePhotos).values([rows.onNote, rows.detached, rows.other]);
      await tx.update(notes).set({ photoId: onNote }).where(eq(notes.id, weekend.noteIds[0]));
      await tx.update(notes).set({ photoId: ofOtherEvent }).where(eq(notes.id, other.noteIds[0]));
      await tx.insert(showcaseImages).values({
        id: image,
        teamId: weekend.ids.parksTeam,
        eventId,
        storageKey: rows.image,
        contentType: "image/png",
        bytes: 20,
        uploadedBy: "p:someone",
      });
      await tx.insert(projectCheckIns).values({
        id: checkIn,
        projectId,
        status: "on_track",
        authorName: "Ada",
        photos: [
          { storageKey: rows.checkIn, contentType: "image/webp" },
          { storageKey: missingKey, contentType: "image/jpeg" },
        ],
      });
    });

    const data = await loadEventExport(db.read, eventId);
    if (!data) throw new Error("no export");
    const chunks: Uint8Array[] = [];
    const slug = weekend.event.slug;
    for await (const chunk of zipStream(
      eventArchiveEntries(db.read, storage, { slug, eventId }, data),
    ) as unknown as AsyncIterable<Uint8Array>)
      chunks.push(chunk);
    const archive = unzipSync(new Uint8Array(Buffer.concat(chunks)));
    const text = (path: string) => new TextDecoder().decode(archive[path]);

    expect(JSON.parse(text(`${slug}.made-in.json`)).event.name).toBe("Made in Lambeth");
    expect(text(`${slug}-report.md`)).toContain("Made in Lambeth");
    expect(Object.keys(archive).filter((p) => p.startsWith("csv/")).length).toBeGreaterThanOrEqual(8);
    expect(
      Object.keys(archive)
        .filter((p) => p.startsWith("files/"))
        .sort(),
    ).toEqual(
      [
        `files/brief-files/${pack.id}-site-map.png`,
        `files/note-photos/${onNote}.jpg`,
        `files/showcase-images/${image}.png`,
        `files/check-in-photos/${checkIn}-1.webp`,
      ].sort(),
    );
    expect(text(`files/note-photos/${onNote}.jpg`)).toBe("pretend image: note photo");
    expect(text(`files/showcase-images/${image}.png`)).toBe("pretend image: showcase image");
    expect(text(`files/check-in-photos/${checkIn}-1.webp`)).toBe("pretend image: check-in photo");
    // Re-encoded when it was uploaded (lib/files/images.ts): still a PNG, as stored.
    const kept = await db.read.select().from(briefFiles).where(eq(briefFiles.id, pack.id));
    expect(Buffer.from(archive[`files/brief-files/${pack.id}-site-map.png`] ?? [])).toEqual(
      Buffer.from((await storage.read(kept[0]?.storageKey ?? "")) ?? []),
    );
    expect(Buffer.from(archive[`files/brief-files/${pack.id}-site-map.png`] ?? []).subarray(0, 8)).toEqual(
      tinyPng.subarray(0, 8),
    );
    // A photo never put on a note, and another event's photo, are not this event's record.
    expect(text("MISSING.txt")).toContain(`files/check-in-photos/${checkIn}-2.jpg`);
  });
});
