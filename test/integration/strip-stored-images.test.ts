/**
 * Images stored before uploads were stripped: `npm run images:strip` replaces each with its
 * stripped, upright, resized copy under the same key, corrects the recorded size, and a second
 * run changes nothing.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { notePhotos, projectCheckIns } from "@/db/schema";
import { LocalDiskStorage, newStorageKey } from "@/lib/files/storage";
import { stripStoredImages } from "@/lib/files/strip-stored-images";
import { createProject } from "@/lib/projects/create-project";
import { notAPhoto, phonePhoto, photoProblems, readBack } from "../support/test-images";
import { createAccount, createTestEvent, openTempDatabase } from "./support/fixtures";

let temp: Awaited<ReturnType<typeof openTempDatabase>>;
let uploads: string;
beforeEach(async () => {
  temp = await openTempDatabase();
  uploads = mkdtempSync(join(tmpdir(), "madein-strip-"));
});
afterEach(() => {
  temp.cleanup();
  rmSync(uploads, { recursive: true, force: true });
});

describe("stripStoredImages", () => {
  it("strips what was stored as sent, once, and leaves what it cannot read", { timeout: 120_000 }, async () => {
    const { db } = temp;
    const storage = new LocalDiskStorage(uploads);
    const organiser = await createAccount(db);
    const event = await createTestEvent(db, organiser.accountId);
    const original = await phonePhoto();
    const [photoKey, checkInKey, brokenKey] = [newStorageKey(), newStorageKey(), newStorageKey()];
    await storage.save(photoKey, original);
    await storage.save(checkInKey, original);
    await storage.save(brokenKey, notAPhoto);
    const photoId = randomUUID();
    const projectId = await db.transact((tx) =>
      createProject(tx, {
        eventId: event.id,
        teamId: null,
        title: "Park",
        summary: "",
        ownerName: "Ada",
        ownerRole: "",
        coOwners: [],
      }),
    );
    await db.transact(async (tx) => {
      await tx.insert(notePhotos).values([
        {
          id: photoId,
          boardId: event.welcomeBoardId,
          eventId: event.id,
          storageKey: photoKey,
          contentType: "image/jpeg",
          bytes: original.byteLength,
          uploadedBy: "p:x",
        },
        {
          id: randomUUID(),
          boardId: event.welcomeBoardId,
          eventId: event.id,
          storageKey: brokenKey,
          contentType: "image/jpeg",
          bytes: 9,
          uploadedBy: "p:x",
        },
      ]);
      await tx.insert(projectCheckIns).values({
        id: randomUUID(),
        projectId,
        status: "on_track",
        authorName: "Ada",
        photos: [{ storageKey: checkInKey, contentType: "image/jpeg" }],
      });
    });

    expect(await stripStoredImages(db, storage)).toEqual({ checked: 3, stripped: 2, unreadable: 1, missing: 0 });
    for (const key of [photoKey, checkInKey]) {
      expect(photoProblems(await readBack((await storage.read(key)) ?? new Uint8Array()), key)).toEqual([]);
      expect((await readBack((await storage.read(key, "w640")) ?? new Uint8Array())).width).toBe(640);
    }
    const [row] = await db.read.select().from(notePhotos).where(eq(notePhotos.id, photoId));
    expect(row?.bytes).toBe((await storage.read(photoKey))?.byteLength);
    const stripped = await storage.read(photoKey);

    expect(await stripStoredImages(db, storage)).toEqual({ checked: 3, stripped: 0, unreadable: 1, missing: 0 });
    expect(await storage.read(photoKey)).toEqual(stripped);
    expect(Buffer.from((await storage.read(brokenKey)) ?? [])).toEqual(notAPhoto);
  });
});
