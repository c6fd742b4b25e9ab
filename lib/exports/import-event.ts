import { randomUUID } from "node:crypto";
import { and, eq, ne } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import {
  boards,
  briefContacts,
  briefFiles,
  briefLinks,
  briefReframes,
  briefs,
  eventFollowUps,
  eventPhases,
  eventStaff,
  events,
  noteGroups,
  notePhotos,
  notes,
  participants,
  presentationFeedback,
  presentationJudges,
  presentationReactions,
  presentationRuns,
  presentationScores,
  projectCheckIns,
  projectMilestones,
  projectRisks,
  projects,
  showcaseImages,
  showcases,
  teamMembers,
  teams,
  voteRounds,
  votes,
} from "@/db/schema";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { uniqueJoinCode, uniqueSlug } from "@/lib/events/create-event";
import { slugify } from "@/lib/events/slug";
import { fileKindKey, safeFileName } from "@/lib/files/file-types";
import type { FileStorage } from "@/lib/files/storage";
import { defaultLocale, knownLocale } from "@/lib/i18n/locales";
import type { EventExport } from "./export-schema";
import { type ImportedFiles, removeStoredFiles, type StoredFile, storeImportedFiles } from "./import-files";

/**
 * Rebuilds an exported event in this instance, as a new draft event organised by `accountId`.
 *
 * Every row gets a new id (ids from another instance could collide with ours, or be chosen to),
 * the event a new slug if its own is taken, and a new join code. Nobody can act as an imported
 * participant: their resume tokens are fresh and never shown. Timestamps are kept. The data
 * must already have passed `parseEventExport`.
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
  const files = await storeImportedFiles(data, archive?.files ?? new Map(), archive?.storage ?? null);
  try {
    const made = await db.transact((tx) => importInto(tx, data, accountId, files));
    return { ...made, files: { carried: files.stored.size, missing: files.missing } };
  } catch (error) {
    // Refused whole: the files stored for it go too, so nothing of it is left behind.
    await removeStoredFiles(archive?.storage ?? null, files.stored);
    throw error;
  }
}

async function importInto(tx: Tx, data: EventExport, accountId: string, files: ImportedFiles) {
  const fileAt = (path: string | null | undefined): StoredFile | null => (path ? (files.stored.get(path) ?? null) : null);
  const importerKey = `a:${accountId}`;
  const ids = new Map<string, string>();
  const fresh = (old: string) => {
    const id = randomUUID();
    ids.set(old, id);
    return id;
  };
  const mapped = (old: string | null) => (old === null ? null : (ids.get(old) ?? null));
  const must = (old: string) => {
    const id = ids.get(old);
    if (!id) throw new Error(`Import refers to ${old} before it was made`);
    return id;
  };

  const eventId = randomUUID();
  // Staff are not carried: each pseudonym becomes a key of its own in this event, the same for
  // their scores and feedback, so one person stays one person. A dot's "voter-N" is a pseudonym of
  // its round (lib/exports/load-event-export.ts); files written before it name participants.
  const personKey = (person: string) => (/^(staff|voter)-/.test(person) ? `x:${eventId}:${person}` : `p:${must(person)}`);
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
  await tx.insert(eventStaff).values({ eventId, accountId, role: "organiser" });
  const follows = e.followsEventSlug ? await followAgain(tx, eventId, e.followsEventSlug, accountId) : null;

  for (const p of data.phases) await tx.insert(eventPhases).values({ id: randomUUID(), eventId, ...p });

  for (const b of data.briefs) {
    const briefId = fresh(b.id);
    const { id: _id, links, contacts, files: _files, ...fields } = b;
    await tx.insert(briefs).values({ ...fields, id: briefId, eventId });
    for (const [position, f] of b.files.entries()) {
      const file = fileAt(f.path);
      if (!file) continue;
      await tx.insert(briefFiles).values({
        id: randomUUID(),
        briefId,
        // An archive from before untitled files stayed untitled gives the uploaded name as the title:
        // imported, it would be on the public page again (migration 0034 cleared the stored ones).
        title: f.title === f.fileName ? "" : f.title,
        storageKey: file.storageKey,
        // Cleaned as an upload's name is (lib/briefs/add-brief-file.ts): an archive is typed by anyone.
        fileName: safeFileName(f.fileName, fileKindKey(file.contentType) ?? "bin"),
        contentType: file.contentType,
        size: file.size,
        position,
        uploadedBy: accountId,
      });
    }
    for (const l of links) await tx.insert(briefLinks).values({ ...l, id: randomUUID(), briefId });
    for (const c of contacts) await tx.insert(briefContacts).values({ ...c, id: randomUUID(), briefId });
  }

  for (const p of data.participants) {
    const { id, language, ...fields } = p;
    await tx.insert(participants).values({
      ...fields,
      id: fresh(id),
      eventId,
      resumeTokenHash: hashToken(newToken()),
      // A language this installation does not speak: as if they never chose (the event's is used).
      // Someone who left keeps none (an archive from before leaving erased it still names it).
      language: fields.leftAt === null ? knownLocale(language) : null,
    });
  }

  for (const t of data.teams) {
    const teamId = fresh(t.id);
    const { id: _id, memberIds, briefId, ...fields } = t;
    await tx.insert(teams).values({ ...fields, id: teamId, eventId, briefId: mapped(briefId) });
    for (const member of memberIds) await tx.insert(teamMembers).values({ eventId, teamId, participantId: must(member) });
  }

  for (const r of data.reframes) {
    await tx.insert(briefReframes).values({
      id: fresh(r.id),
      eventId,
      briefId: must(r.briefId),
      teamId: must(r.teamId),
      // Staff are not carried, so a staff author is named "Staff" from now on.
      authorParticipantId: r.author && !r.author.startsWith("staff-") ? must(r.author) : null,
      text: r.text,
      createdAt: r.createdAt,
    });
  }

  // Ids first, so a note copied from a later board still finds its source.
  for (const b of data.boards) {
    fresh(b.id);
    for (const g of b.groups) fresh(g.id);
    for (const n of b.notes) fresh(n.id);
  }
  // One photo row per archive file, on the board that first shows it (a note copied to another
  // board shows the same photo, as it did before).
  const photoIds = new Map<string, string>();
  const photoFor = async (path: string | null | undefined, boardId: string) => {
    const file = fileAt(path);
    if (!path || !file) return null;
    const known = photoIds.get(path);
    if (known) return known;
    const id = randomUUID();
    photoIds.set(path, id);
    await tx.insert(notePhotos).values({
      id,
      boardId,
      eventId,
      storageKey: file.storageKey,
      contentType: file.contentType,
      bytes: file.size,
      uploadedBy: importerKey,
    });
    return id;
  };
  for (const b of data.boards) {
    const boardId = must(b.id);
    const { id: _id, groups, notes: boardNotes, teamId, mapImage, ...fields } = b;
    await tx.insert(boards).values({ ...fields, id: boardId, eventId, teamId: mapped(teamId) });
    const mapPhotoId = await photoFor(mapImage, boardId);
    if (mapPhotoId) await tx.update(boards).set({ mapPhotoId }).where(eq(boards.id, boardId));
    for (const g of groups)
      await tx.insert(noteGroups).values({ id: must(g.id), boardId, title: g.title, createdAt: g.createdAt });
    for (const n of boardNotes) {
      const source = mapped(n.sourceNoteId);
      await tx.insert(notes).values({
        id: must(n.id),
        boardId,
        column: n.column,
        text: n.text,
        colour: n.colour,
        authorParticipantId: mapped(n.authorParticipantId),
        // Staff accounts are not carried: a staff note is kept as written by the importer.
        authorAccountId: n.byStaff ? accountId : null,
        position: n.position,
        groupId: mapped(n.groupId),
        pinX: n.pin?.x ?? null,
        pinY: n.pin?.y ?? null,
        photoId: await photoFor(n.photo, boardId),
        sourceNoteId: source,
        sourceBoardId: source ? mapped(boardOfNote(data, n.sourceNoteId)) : null,
        // When it was hidden is not exported: its writing is the earliest it can have been.
        withheldAt: n.withheld ? n.createdAt : null,
        createdAt: n.createdAt,
      });
    }
  }

  for (const r of data.voteRounds) {
    const roundId = fresh(r.id);
    const { id: _id, boardId, votes: dots, status, shortlist, ...fields } = r;
    // Dots go in while the round is open (the database refuses them otherwise), then it is set
    // to its exported state.
    await tx.insert(voteRounds).values({ ...fields, id: roundId, eventId, boardId: must(boardId), status: "open" });
    for (const v of dots) {
      const voterKey = personKey(v.voter);
      await tx.insert(votes).values({
        id: randomUUID(),
        roundId,
        voterKey,
        targetId: must(v.targetId),
        slot: v.slot,
        placeOnTarget: v.placeOnTarget,
        createdAt: v.createdAt,
      });
    }
    await tx
      .update(voteRounds)
      .set({ status, shortlist: shortlist?.flatMap((id) => mapped(id) ?? []) ?? null })
      .where(eq(voteRounds.id, roundId));
  }

  for (const p of data.projects) {
    const projectId = fresh(p.id);
    const { id: _id, teamId, milestones, checkIns, risks, ownerLanguage, ...fields } = p;
    await tx.insert(projects).values({
      ...fields,
      id: projectId,
      eventId,
      teamId: mapped(teamId),
      // A language this installation does not speak: as if the owner never chose (the event's is used).
      ownerLanguage: knownLocale(ownerLanguage),
    });
    for (const m of milestones) await tx.insert(projectMilestones).values({ ...m, id: randomUUID(), projectId });
    for (const c of checkIns) {
      const { photoCount: _count, photos, ...rest } = c;
      const kept = (photos ?? []).flatMap((path) => {
        const file = fileAt(path);
        return file ? [{ storageKey: file.storageKey, contentType: file.contentType }] : [];
      });
      await tx.insert(projectCheckIns).values({ ...rest, id: randomUUID(), projectId, photos: kept });
    }
    for (const r of risks) await tx.insert(projectRisks).values({ ...r, projectId });
  }

  const p = data.presentations;
  if (p.run) {
    const { order, currentTeamId, peoplesChoiceBoardId, includedTeamIds, criteria, ...fields } = p.run;
    await tx.insert(presentationRuns).values({
      ...fields,
      eventId,
      order: order.map(must),
      currentTeamId: mapped(currentTeamId),
      peoplesChoiceBoardId: mapped(peoplesChoiceBoardId),
      includedTeamIds: includedTeamIds.map(must),
      criteria: Object.fromEntries(criteria.map((c) => [must(c.teamId), c.criteria])),
    });
  }
  for (const s of p.showcases) {
    const { teamId, images, updatedBy: _name, editor, ...fields } = s;
    const imageIds: string[] = [];
    for (const image of images) {
      const file = fileAt(image.path);
      if (!file) continue;
      const id = randomUUID();
      imageIds.push(id);
      await tx.insert(showcaseImages).values({
        id,
        teamId: must(teamId),
        eventId,
        storageKey: file.storageKey,
        contentType: file.contentType,
        bytes: file.size,
        uploadedBy: importerKey,
        createdAt: image.createdAt,
      });
    }
    await tx
      .insert(showcases)
      .values({ ...fields, teamId: must(teamId), eventId, imageIds, updatedByKey: editor ? personKey(editor) : null });
  }
  for (const r of p.reactions) {
    const teamId = must(r.teamId);
    const rows = Array.from({ length: r.count }, () => ({
      id: randomUUID(),
      eventId,
      teamId,
      kind: r.kind,
      reactorKey: `x:${eventId}:imported`,
    }));
    for (let i = 0; i < rows.length; i += 500) await tx.insert(presentationReactions).values(rows.slice(i, i + 500));
  }
  for (const f of p.feedback) {
    const { teamId, author, authorName: _name, ...fields } = f;
    await tx
      .insert(presentationFeedback)
      .values({ ...fields, id: randomUUID(), eventId, teamId: must(teamId), authorKey: personKey(author) });
  }
  for (const j of p.judges)
    await tx.insert(presentationJudges).values({ eventId, judgeKey: personKey(j.judge), createdAt: j.createdAt });
  for (const s of p.scores) {
    const { teamId, judge, ...fields } = s;
    await tx.insert(presentationScores).values({ ...fields, eventId, teamId: must(teamId), judgeKey: personKey(judge) });
  }

  return { eventId, slug, follows };
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

function boardOfNote(data: EventExport, noteId: string | null) {
  if (!noteId) return null;
  return data.boards.find((b) => b.notes.some((n) => n.id === noteId))?.id ?? null;
}
