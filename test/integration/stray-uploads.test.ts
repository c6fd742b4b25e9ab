/**
 * Photos uploaded for a note that never came are bounded: a few per person, so many per event,
 * and an hour each (lib/files/stray-uploads.ts). The real upload path (savePhoto) on a migrated
 * libSQL file and a real storage directory.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deletedNotes, notePhotos, notes, showcaseImages, showcases } from "@/db/schema";
import { actorKey } from "@/lib/auth/actor";
import { LocalDiskStorage } from "@/lib/files/storage";
import { strayPhotoLimits, sweepStrayPhotos } from "@/lib/files/stray-uploads";
import { recognise } from "@/lib/i18n/server-text";
import { savePhoto } from "@/lib/notes/note-photos";
import { saveShowcaseImage } from "@/lib/presentations/showcase-images";
import { insertTeam } from "@/lib/teams/create-team";
import { tinyPng } from "../support/tiny-png";
import {
  addParticipant,
  createAccount,
  createTestEvent,
  openTempDatabase,
  participantActor,
  staffActor,
} from "./support/fixtures";

describe("photos on no note", () => {
  let temp: Awaited<ReturnType<typeof openTempDatabase>>;
  let uploads: string;
  beforeEach(async () => {
    temp = await openTempDatabase();
    uploads = mkdtempSync(join(tmpdir(), "madein-stray-"));
  });
  afterEach(() => {
    temp.cleanup();
    rmSync(uploads, { recursive: true, force: true });
  });

  /** An event with Amira in it, and the storage her uploads go to. */
  async function amiraAtAnEvent() {
    const { db } = temp;
    const organiser = await createAccount(db);
    const event = await createTestEvent(db, organiser.accountId);
    const amiraId = await addParticipant(db, event.id, "Amira");
    return { db, event, storage: new LocalDiskStorage(uploads), amiraId, amira: participantActor(event.id, amiraId) };
  }

  it("are refused past a few per person, said in words the catalogue knows; a photo put on a note frees a place", async () => {
    const { db, event, storage, amiraId, amira } = await amiraAtAnEvent();
    const ben = participantActor(event.id, await addParticipant(db, event.id, "Ben"));
    const upload = (who: typeof amira) => savePhoto(db, storage, who, event.welcomeBoardId, new Uint8Array(tinyPng));

    const ids: string[] = [];
    for (let i = 0; i < strayPhotoLimits.perPerson; i++) ids.push(await upload(amira));
    const refused = await upload(amira).catch((e: Error & { code?: string }) => e);
    expect(refused).toMatchObject({
      code: "rate_limited",
      message: "You have 10 photos that aren't on a note yet. Put one on a note first.",
    });
    expect(recognise((refused as Error).message)).not.toBeNull();
    // Someone else's are theirs to count.
    await expect(upload(ben)).resolves.toEqual(expect.any(String));

    await db.transact((tx) =>
      tx.insert(notes).values({
        id: randomUUID(),
        boardId: event.welcomeBoardId,
        column: event.welcomeColumn,
        text: "The pond",
        authorParticipantId: amiraId,
        photoId: ids[0],
      }),
    );
    await expect(upload(amira)).resolves.toEqual(expect.any(String));
    expect(recognise("Lots of photos are waiting to go on notes in this event. Try again in a few minutes.")).not.toBeNull();
  });

  it("sent all at once, are still held to the bound, and a refused one leaves no file behind", async () => {
    const { db, event, storage, amira } = await amiraAtAnEvent();
    const sent = await Promise.allSettled(
      Array.from({ length: strayPhotoLimits.perPerson * 3 }, () =>
        savePhoto(db, storage, amira, event.welcomeBoardId, new Uint8Array(tinyPng)),
      ),
    );
    expect(sent.filter((s) => s.status === "fulfilled")).toHaveLength(strayPhotoLimits.perPerson);
    const kept = await db.read.select().from(notePhotos).where(eq(notePhotos.eventId, event.id));
    expect(kept).toHaveLength(strayPhotoLimits.perPerson);
    // Only the kept photos' files are on disk (each with its sizes): every file is one of theirs.
    const keys = new Set(kept.map((p) => p.storageKey));
    const files = readdirSync(uploads, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files.length).toBeGreaterThanOrEqual(kept.length);
    expect(files.map((f) => f.name.split(".")[0]).filter((key) => !keys.has(key!))).toEqual([]);
  });

  it("go after an hour, files and all; a photo on a note, or on a note kept for an undo, stays", async () => {
    const { db, event, storage, amiraId, amira } = await amiraAtAnEvent();
    const [onNote, undoable, stray] = [await savePhoto(db, storage, amira, event.welcomeBoardId, new Uint8Array(tinyPng))].concat(
      await savePhoto(db, storage, amira, event.welcomeBoardId, new Uint8Array(tinyPng)),
      await savePhoto(db, storage, amira, event.welcomeBoardId, new Uint8Array(tinyPng)),
    );
    const note = {
      id: randomUUID(),
      boardId: event.welcomeBoardId,
      column: event.welcomeColumn,
      text: "The pond",
      authorParticipantId: amiraId,
    };
    await db.transact(async (tx) => {
      await tx.insert(notes).values({ ...note, photoId: onNote });
      await tx.insert(deletedNotes).values({
        noteId: randomUUID(),
        boardId: event.welcomeBoardId,
        deletedBy: actorKey(amira),
        authorParticipantId: amiraId,
        note: { ...note, photoId: undoable },
        deletedAt: Date.now(),
      });
    });
    const keyOf = async (id: string | undefined) =>
      (
        await db.read
          .select({ key: notePhotos.storageKey })
          .from(notePhotos)
          .where(eq(notePhotos.id, id ?? ""))
      )[0]?.key;
    const strayKey = await keyOf(stray);

    expect(await sweepStrayPhotos(db)).toEqual([]);
    expect(await sweepStrayPhotos(db, Date.now() + strayPhotoLimits.keptMs + 1000)).toEqual([strayKey]);
    expect(await keyOf(stray)).toBeUndefined();
    expect(await keyOf(onNote)).toBeDefined();
    expect(await keyOf(undoable)).toBeDefined();
  });

  it("showcase images: a team holds only so many outside its showcase, and those go after an hour too", async () => {
    const { db } = temp;
    const organiser = await createAccount(db);
    const event = await createTestEvent(db, organiser.accountId);
    const storage = new LocalDiskStorage(uploads);
    const team = await db.transact((tx) =>
      insertTeam(tx, { eventId: event.id, name: "Parks", briefId: null, capacity: null, now: Date.now() }),
    );
    const staff = staffActor(event.id, organiser.accountId);
    const upload = () => saveShowcaseImage(db, storage, staff, team.id, new Uint8Array(tinyPng));
    const ids: string[] = [];
    for (let i = 0; i < strayPhotoLimits.perPerson * 2; i++) ids.push(await upload());
    const refused = await upload().catch((e: Error & { code?: string }) => e);
    expect(refused).toMatchObject({
      code: "rate_limited",
      message: "Your team has 20 images that aren't in its showcase yet. Add one first.",
    });
    expect(recognise((refused as Error).message)).not.toBeNull();
    // One in the showcase frees a place, and stays when the others are swept.
    await db.transact((tx) => tx.insert(showcases).values({ teamId: team.id, eventId: event.id, imageIds: [ids[0] as string] }));
    await expect(upload()).resolves.toEqual(expect.any(String));
    const swept = await sweepStrayPhotos(db, Date.now() + strayPhotoLimits.keptMs + 1000);
    expect(swept).toHaveLength(strayPhotoLimits.perPerson * 2);
    const left = await db.read.select({ id: showcaseImages.id }).from(showcaseImages).where(eq(showcaseImages.teamId, team.id));
    expect(left.map((r) => r.id)).toEqual([ids[0]]);
  });
});
