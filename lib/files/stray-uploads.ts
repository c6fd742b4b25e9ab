import { and, count, eq, lt, type SQL, sql } from "drizzle-orm";
import type { Database, Db, Tx } from "@/db/client";
import { notePhotos, showcaseImages } from "@/db/schema";

/**
 * A photo is uploaded before the note it goes on (app/api/boards/[boardId]/photos), so some are
 * never put on one: a note given up, a photo picked twice. Stored straight away, those strays
 * would stay until the event's retention, and anyone with the join code could fill the disk with
 * them. So a person may have only a few waiting, an event only so many at once, and a stray goes
 * after an hour (a phone's note still on its way by then is asked for the photo again).
 */
export const strayPhotoLimits = { perPerson: 10, perEvent: 300, keptMs: 60 * 60_000 } as const;
/** How often each process sweeps them. */
export const strayPhotoSweepMs = 10 * 60_000;

/** On no note, no board's map, and no note kept for an undo. */
const stray: SQL = sql`not exists (select 1 from notes n where n.photo_id = ${notePhotos.id})
  and not exists (select 1 from boards b where b.map_photo_id = ${notePhotos.id})
  and not exists (select 1 from deleted_notes d where json_extract(d.note, '$.photoId') = ${notePhotos.id})`;

const strays = async (db: Db | Tx, where: SQL | undefined) =>
  (await db.select({ n: count() }).from(notePhotos).where(and(where, stray)))[0]?.n ?? 0;

/** Why this person may not upload another photo now (a sentence lib/i18n/server-text.ts knows), or null. */
export async function strayPhotoRefusal(db: Db | Tx, eventId: string, uploadedBy: string): Promise<string | null> {
  const { perPerson, perEvent } = strayPhotoLimits;
  if ((await strays(db, and(eq(notePhotos.eventId, eventId), eq(notePhotos.uploadedBy, uploadedBy)))) >= perPerson) {
    return `You have ${perPerson} photos that aren't on a note yet. Put one on a note first.`;
  }
  if ((await strays(db, eq(notePhotos.eventId, eventId))) >= perEvent) {
    return "Lots of photos are waiting to go on notes in this event. Try again in a few minutes.";
  }
  return null;
}

/**
 * The same for a team's showcase images: uploaded first, then added to the showcase
 * (`showcase:save`). One not in its team's showcase is a stray; a team may hold only so many.
 */
const strayImage: SQL = sql`not exists (select 1 from showcases s, json_each(s.image_ids) i
  where s.team_id = ${showcaseImages.teamId} and i.value = ${showcaseImages.id})`;

/** Why this team may not take another image now (a sentence lib/i18n/server-text.ts knows), or null. */
export async function strayImageRefusal(db: Db | Tx, teamId: string): Promise<string | null> {
  const [row] = await db
    .select({ n: count() })
    .from(showcaseImages)
    .where(and(eq(showcaseImages.teamId, teamId), strayImage));
  const perTeam = strayPhotoLimits.perPerson * 2;
  return (row?.n ?? 0) >= perTeam ? `Your team has ${perTeam} images that aren't in its showcase yet. Add one first.` : null;
}

/** Deletes the strays (note photos, showcase images) older than an hour; their files are the caller's to remove. */
export async function sweepStrayPhotos(db: Database, now = Date.now()): Promise<string[]> {
  const before = now - strayPhotoLimits.keptMs;
  const gone = await db.transact(async (tx) => [
    ...(await tx
      .delete(notePhotos)
      .where(and(lt(notePhotos.createdAt, before), stray))
      .returning({ storageKey: notePhotos.storageKey })),
    ...(await tx
      .delete(showcaseImages)
      .where(and(lt(showcaseImages.createdAt, before), strayImage))
      .returning({ storageKey: showcaseImages.storageKey })),
  ]);
  return gone.map((p) => p.storageKey);
}
