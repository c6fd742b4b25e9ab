import { randomUUID } from "node:crypto";
import { and, eq, gt, inArray, isNotNull, isNull, lt, ne, notInArray, or } from "drizzle-orm";
import type { Database, Db } from "@/db/client";
import { boards, events, notePhotos, participants, projectCheckIns, projects, sentEmails, showcaseImages } from "@/db/schema";
import type { FileStorage } from "@/lib/files/storage";
import { acquireLease, releaseLease } from "@/lib/jobs/lease";
import { runCommandLogScrubs } from "@/lib/realtime/command-log-scrub-worker";
import { pruneAudit, recordAudit } from "./audit";
import { erasePersonalData } from "./erase-personal-data";
import { retentionEndsAt } from "./retention";

const retentionLease = "retention-sweep";
/** Longer than any sweep takes; a process that dies mid-sweep holds the lease no longer than this. */
const leaseTtlMs = 15 * 60_000;

export type DueEvent = {
  id: string;
  slug: string;
  name: string;
  retentionEndedAt: number;
  /** When its personal data was last erased; null the first time. */
  erasedAt: number | null;
  /** What would be erased: people to pseudonymise, photos to delete. */
  participants: number;
  photos: number;
};

export type SweepReport =
  | { outcome: "busy" }
  | { outcome: "dry-run"; due: DueEvent[] }
  | { outcome: "swept"; erased: (DueEvent & { filesMissing: number })[]; auditPruned: number };

/** How long the record of an email tied to no event (a password reset, a digest) is kept: a year. */
export const accountEmailsKeptMs = 365 * 24 * 60 * 60_000;

/**
 * Events whose retention period has passed and whose personal data is still there: never erased,
 * or erased and since given more (the join code still works: someone joined late, an organiser
 * added an owner's address, a photo was uploaded, an email was sent).
 */
async function findDueEvents(db: Db, now: number): Promise<DueEvent[]> {
  const candidates = await db
    .select({
      id: events.id,
      slug: events.slug,
      name: events.name,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      createdAt: events.createdAt,
      retentionMonths: events.retentionMonths,
      personalDataErasedAt: events.personalDataErasedAt,
    })
    .from(events);
  const due: DueEvent[] = [];
  for (const e of candidates) {
    if (retentionEndsAt(e) > now) continue;
    const found = await countPersonalData(db, e.id, e.personalDataErasedAt);
    if (e.personalDataErasedAt !== null && found.participants + found.photos + found.addresses === 0) continue;
    due.push({
      id: e.id,
      slug: e.slug,
      name: e.name,
      retentionEndedAt: retentionEndsAt(e),
      erasedAt: e.personalDataErasedAt,
      participants: found.participants,
      photos: found.photos,
    });
  }
  return due;
}

/**
 * What an erasure would take. After an earlier one (`erasedAt`), the people are those who joined
 * since; every photo and address it finds came since, as the erasure took all of them.
 */
async function countPersonalData(db: Db, eventId: string, erasedAt: number | null) {
  const maps = db
    .select({ id: boards.mapPhotoId })
    .from(boards)
    .where(and(eq(boards.eventId, eventId), isNotNull(boards.mapPhotoId)));
  const eventProjects = db.select({ id: projects.id }).from(projects).where(eq(projects.eventId, eventId));
  const [people, photos, images, checkIns, owners, emails] = await Promise.all([
    db
      .select({ id: participants.id })
      .from(participants)
      .where(
        and(
          eq(participants.eventId, eventId),
          isNull(participants.leftAt),
          erasedAt === null ? undefined : gt(participants.createdAt, erasedAt),
        ),
      ),
    db
      .select({ id: notePhotos.id })
      .from(notePhotos)
      .where(and(eq(notePhotos.eventId, eventId), notInArray(notePhotos.id, maps))),
    db.select({ id: showcaseImages.id }).from(showcaseImages).where(eq(showcaseImages.eventId, eventId)),
    db.select({ photos: projectCheckIns.photos }).from(projectCheckIns).where(inArray(projectCheckIns.projectId, eventProjects)),
    db
      .select({ id: projects.id })
      .from(projects)
      .where(
        and(
          eq(projects.eventId, eventId),
          erasedAt === null ? ne(projects.ownerEmail, "") : or(ne(projects.ownerEmail, ""), gt(projects.createdAt, erasedAt)),
        ),
      ),
    db.select({ id: sentEmails.id }).from(sentEmails).where(eq(sentEmails.eventId, eventId)).limit(1),
  ]);
  const checkInPhotos = checkIns.reduce((sum, c) => sum + c.photos.length, 0);
  return {
    participants: people.length,
    photos: photos.length + images.length + checkInPhotos,
    addresses: owners.length + emails.length,
  };
}

/**
 * The retention sweep: every event past its retention period has its personal data erased
 * (lib/privacy/erase-personal-data.ts), its photos removed from storage, and an audit entry
 * recorded; audit entries past their keeping date go. One process of the cluster sweeps at a
 * time (a lease in the database), and each event is erased in one transaction that first checks
 * it still needs it, so two sweeps never erase twice. `now` is a parameter: tests set the clock.
 */
export async function sweepRetention(options: {
  db: Database;
  storage: FileStorage;
  now: number;
  dryRun?: boolean;
  /** A scheduled run: skipped if another process swept within this interval. */
  onlyIfNotDoneWithinMs?: number;
  holder?: string;
}): Promise<SweepReport> {
  const { db, storage, now } = options;
  if (options.dryRun) return { outcome: "dry-run", due: await findDueEvents(db.read, now) };
  const holder = options.holder ?? randomUUID();
  // The lease runs on the wall clock even when a test sets `now`, so a test can't block real sweeps.
  const acquired = await acquireLease(db, {
    name: retentionLease,
    holder,
    now: Date.now(),
    ttlMs: leaseTtlMs,
    onlyIfNotDoneWithinMs: options.onlyIfNotDoneWithinMs,
  });
  if (!acquired) return { outcome: "busy" };
  let done = false;
  try {
    const erased: (DueEvent & { filesMissing: number })[] = [];
    for (const event of await findDueEvents(db.read, now)) {
      const erasure = await db.transact(async (tx) => {
        // Another sweep may have erased it since it was found.
        const [still] = await tx
          .select({ id: events.id })
          .from(events)
          .where(
            and(
              eq(events.id, event.id),
              event.erasedAt === null ? isNull(events.personalDataErasedAt) : eq(events.personalDataErasedAt, event.erasedAt),
            ),
          );
        if (!still) return null;
        const result = await erasePersonalData(tx, event.id, now);
        await recordAudit(tx, {
          eventId: event.id,
          accountId: null,
          action: "retention.swept",
          subject: `participants:${result.participants} photos:${result.photos}`,
          now,
        });
        return result;
      });
      if (!erasure) continue;
      const filesMissing = await removeFiles(storage, erasure.storageKeys);
      erased.push({ ...event, participants: erasure.participants, photos: erasure.photos, filesMissing });
    }
    const auditPruned = await db.transact((tx) => pruneAudit(tx, now));
    // Emails of no event (password resets, organisers' digests) have no retention of their own to follow.
    await db.transact((tx) =>
      tx.delete(sentEmails).where(and(isNull(sentEmails.eventId), lt(sentEmails.sentAt, now - accountEmailsKeptMs))),
    );
    // The erased events' command records, a chunk at a time, now: a sweep run from the CLI leaves
    // nothing for a server to finish (a server would, within seconds).
    if (erased.length > 0) await runCommandLogScrubs(db);
    done = true;
    return { outcome: "swept", erased, auditPruned };
  } finally {
    await releaseLease(db, { name: retentionLease, holder, now: Date.now(), done });
  }
}

/** Removes files after their rows are gone; a failure leaves an orphan file, never a broken row. Returns how many failed. */
export async function removeFiles(storage: FileStorage, keys: string[]) {
  let failed = 0;
  for (const key of keys) {
    try {
      await storage.remove(key);
    } catch {
      failed += 1;
    }
  }
  return failed;
}
