import { randomUUID } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import { eventFollowUps, eventStaff, events } from "@/db/schema";
import { uniqueJoinCode, uniqueSlug } from "@/lib/events/create-event";
import { slugify } from "@/lib/events/slug";
import type { FileStorage } from "@/lib/files/storage";
import { defaultLocale, knownLocale } from "@/lib/i18n/locales";
import type { EventExport } from "./export-schema";
import { removeStoredFiles, storeImportedFiles } from "./import-files";
import { type ImportStep, importSteps, rowsPerCommit } from "./import-rows";
import { removeAbandonedImports, removeImportedEvent } from "./remove-import";

/**
 * Rebuilds an exported event in this instance, as a new draft event organised by `accountId`.
 *
 * Every row gets a new id (import-rows.ts), the event a new slug if its own is taken, and a new
 * join code. The data must already have passed `parseEventExport`, which bounds how many rows
 * it makes (export-caps.ts).
 *
 * It is written a slice at a time, so the room's writes go on meanwhile; until the last slice
 * makes the importer its organiser, the event is a draft nobody runs, which no page, list or
 * socket shows. An import refused half way (a database rule broken, say) is removed again, a
 * slice at a time too, with the files stored for it: nothing of it is left behind.
 *
 * A catch-up names the event it follows by slug: it follows it again here when the importing
 * account organises an event of that slug (the weekend imported first, or the same instance),
 * and `follows` says whether it did, so the organiser can be told when it could not.
 *
 * Files (photos, map images, showcase images, project-pack files) come from `archive`, the
 * files of the "Everything with the files" zip by path: each is checked and stored again as a
 * new file of the new event (import-files.ts). A file the JSON names but the upload lacks (a
 * plain JSON import lacks them all) is left out and listed in `files.missing`.
 */
export async function importEvent(
  db: Database,
  data: EventExport,
  accountId: string,
  archive: { files: ReadonlyMap<string, Uint8Array>; storage: FileStorage } | null = null,
): Promise<{
  eventId: string;
  slug: string;
  files: { carried: number; missing: string[] };
  /** The file's catch-up followed this slug: "linked" here, or "unlinked" (not an event the importer organises). */
  follows: { slug: string; outcome: "linked" | "unlinked" } | null;
}> {
  await removeAbandonedImports(db, accountId);
  const files = await storeImportedFiles(data, archive?.files ?? new Map(), archive?.storage ?? null);
  const eventId = randomUUID();
  // Every slice of one import shares a key, so a commit of many writes takes one of its slices at most.
  const fairnessKey = `import:${eventId}`;
  let begun = false;
  try {
    const slug = await db.transact((tx) => insertEvent(tx, data, eventId, accountId), { fairnessKey });
    begun = true;
    await writeInSlices(db, importSteps(data, eventId, accountId, files), fairnessKey);
    const follows = await db.transact(
      async (tx) => {
        await tx.insert(eventStaff).values({ eventId, accountId, role: "organiser" });
        const followed = data.event.followsEventSlug;
        return followed ? await followAgain(tx, eventId, followed, accountId) : null;
      },
      { fairnessKey },
    );
    return { eventId, slug, follows, files: { carried: files.stored.size, missing: files.missing } };
  } catch (error) {
    if (begun) await removeImportedEvent(db, eventId);
    await removeStoredFiles(archive?.storage ?? null, files.stored);
    throw error;
  }
}

/** The event's own row: a draft, with a slug and a join code of its own here. */
async function insertEvent(tx: Tx, data: EventExport, eventId: string, accountId: string) {
  const e = data.event;
  const slug = await uniqueSlug(tx, slugify(e.slug || e.name));
  await tx.insert(events).values({
    id: eventId,
    slug,
    joinCode: await uniqueJoinCode(tx),
    name: e.name,
    // A copy should not appear in public until its organisers decide so.
    status: "draft",
    place: e.place,
    description: e.description,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    goals: e.goals,
    accessInfo: e.accessInfo,
    childcare: e.childcare,
    food: e.food,
    whatToBring: e.whatToBring,
    // A language this installation does not speak reads as English, never as an error page.
    language: knownLocale(e.language) ?? defaultLocale,
    joinLanguages: e.joinLanguages.flatMap((code) => knownLocale(code) ?? []),
    // The privacy notice people joined under, and how long their details are kept, go with the event.
    dataController: e.dataController,
    privacyContact: e.privacyContact,
    retentionMonths: e.retentionMonths,
    createdBy: accountId,
  });
  return slug;
}

/** Commits the steps in order, `rowsPerCommit` rows (or updates) at a time. */
async function writeInSlices(db: Database, steps: Iterable<ImportStep>, fairnessKey: string) {
  let slice: ((tx: Tx) => Promise<unknown>)[] = [];
  let size = 0;
  const commit = async () => {
    const writes = slice;
    slice = [];
    size = 0;
    if (writes.length > 0)
      await db.transact(
        async (tx) => {
          for (const write of writes) await write(tx);
        },
        { fairnessKey },
      );
  };
  for (const step of steps) {
    if ("update" in step) {
      slice.push(step.update);
      size += 1;
    } else {
      for (let from = 0; from < step.rows.length; ) {
        const rows = step.rows.slice(from, from + rowsPerCommit - size);
        slice.push((tx) => tx.insert(step.table).values(rows));
        size += rows.length;
        from += rows.length;
        if (size >= rowsPerCommit) await commit();
      }
    }
    if (size >= rowsPerCommit) await commit();
  }
  await commit();
}

/**
 * Links an imported catch-up to the event it followed, found by slug among the events the
 * importer organises: someone else's event of that slug is not theirs to attach a catch-up to
 * (its projects would show on it).
 */
async function followAgain(tx: Tx, eventId: string, followsSlug: string, accountId: string) {
  const [weekend] = await tx
    .select({ id: events.id })
    .from(events)
    .innerJoin(eventStaff, and(eq(eventStaff.eventId, events.id), eq(eventStaff.accountId, accountId)))
    .where(and(eq(events.slug, followsSlug), eq(eventStaff.role, "organiser"), ne(events.id, eventId)));
  if (!weekend) return { slug: followsSlug, outcome: "unlinked" as const };
  await tx.insert(eventFollowUps).values({ eventId, followsEventId: weekend.id });
  return { slug: followsSlug, outcome: "linked" as const };
}
