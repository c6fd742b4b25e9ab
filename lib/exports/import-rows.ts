import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Tx } from "@/db/client";
import {
  boards,
  briefContacts,
  briefFiles,
  briefLinks,
  briefReframes,
  briefs,
  eventPhases,
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
import { fileKindKey, safeFileName } from "@/lib/files/file-types";
import { knownLocale } from "@/lib/i18n/locales";
import { distinctTeamName } from "@/lib/teams/team-rules";
import type { EventExport } from "./export-schema";
import type { ImportedFiles, StoredFile } from "./import-files";

/**
 * One part of an import's writing: rows of one table, or an update (which counts as one row).
 * The writer (import-event.ts) commits them in this order, a few hundred rows at a time.
 */
export type ImportStep = { table: SQLiteTable; rows: Record<string, unknown>[] } | { update: (tx: Tx) => Promise<unknown> };

/**
 * Rows written per commit, and made at once. The process has one write connection
 * (db/client.ts): while a commit is written, every other write waits, the room's notes and dots
 * too, and so does everything else on the process (libSQL answers synchronously). A hundred rows
 * take a few milliseconds (tens on a busy machine), and the room's writes that arrived meanwhile
 * go before the next slice. The steps are made as the writer asks for them, so making a long
 * list's rows (a new token hashed per person, an id per note) is spread between commits too.
 */
export const rowsPerCommit = 100;

/** Rows of `table`, typed as that table takes them. */
const rowsOf = <T extends SQLiteTable>(table: T, rows: T["$inferInsert"][]): ImportStep => ({
  table,
  rows: rows as Record<string, unknown>[],
});

/** The rows of `items` for `table`, `rowsPerCommit` at a time, each made only when asked for. */
function* sliced<T, Table extends SQLiteTable>(
  table: Table,
  items: readonly T[],
  row: (item: T) => Table["$inferInsert"],
): Generator<ImportStep> {
  for (let from = 0; from < items.length; from += rowsPerCommit)
    yield rowsOf(table, items.slice(from, from + rowsPerCommit).map(row));
}

/**
 * Every row of the export as this instance stores it, under event `eventId` (already written),
 * in an order every foreign key and trigger accepts. Every row gets a new id (ids from another
 * instance could collide with ours, or be chosen to); timestamps are kept. Nobody can act as an
 * imported participant: their resume tokens are fresh and never shown.
 */
export function* importSteps(data: EventExport, eventId: string, accountId: string, files: ImportedFiles): Generator<ImportStep> {
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
  // Staff are not carried: each pseudonym becomes a key of its own in this event, the same for
  // their scores and feedback, so one person stays one person. A dot's "voter-N" is a pseudonym of
  // its round (lib/exports/load-event-export.ts); files written before it name participants.
  const personKey = (person: string) => (/^(staff|voter)-/.test(person) ? `x:${eventId}:${person}` : `p:${must(person)}`);
  yield rowsOf(
    eventPhases,
    data.phases.map((p) => ({ id: randomUUID(), eventId, ...p })),
  );

  // Item by item, each with its own lists, so no more than one item's rows are made at once.
  for (const b of data.briefs) {
    const briefId = fresh(b.id);
    const { id: _id, links, contacts, files: _files, ...fields } = b;
    const fileRows: (typeof briefFiles.$inferInsert)[] = [];
    for (const [position, f] of b.files.entries()) {
      const file = fileAt(f.path);
      if (!file) continue;
      fileRows.push({
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
    yield* [
      rowsOf(briefs, [{ ...fields, id: briefId, eventId }]),
      rowsOf(briefFiles, fileRows),
      rowsOf(
        briefLinks,
        links.map((l) => ({ ...l, id: randomUUID(), briefId })),
      ),
      rowsOf(
        briefContacts,
        contacts.map((c) => ({ ...c, id: randomUUID(), briefId })),
      ),
    ];
  }

  yield* sliced(participants, data.participants, ({ id, language, ...fields }) => ({
    ...fields,
    id: fresh(id),
    eventId,
    resumeTokenHash: hashToken(newToken()),
    // A language this installation does not speak: as if they never chose (the event's is used).
    // Someone who left keeps none (an archive from before leaving erased it still names it).
    language: fields.leftAt === null ? knownLocale(language) : null,
  }));

  // A file from before two teams could not share a name may hold two alike: the second is told apart ("Parks (2)").
  const teamNamesSoFar: string[] = [];
  for (const t of data.teams) {
    const teamId = fresh(t.id);
    const { id: _id, memberIds, briefId, ...fields } = t;
    const name = distinctTeamName(fields.name, teamNamesSoFar, Math.max(60, fields.name.length));
    teamNamesSoFar.push(name);
    yield rowsOf(teams, [{ ...fields, name, id: teamId, eventId, briefId: mapped(briefId) }]);
    yield* sliced(teamMembers, memberIds, (member) => ({ eventId, teamId, participantId: must(member) }));
  }

  yield* sliced(briefReframes, data.reframes, (r) => ({
    id: fresh(r.id),
    eventId,
    briefId: must(r.briefId),
    teamId: must(r.teamId),
    // Staff are not carried, so a staff author is named "Staff" from now on.
    authorParticipantId: r.author && !r.author.startsWith("staff-") ? must(r.author) : null,
    text: r.text,
    createdAt: r.createdAt,
  }));

  yield* boardSteps(data, { eventId, accountId, importerKey, fresh, mapped, must, fileAt });

  for (const r of data.voteRounds) {
    const roundId = fresh(r.id);
    const { id: _id, boardId, votes: dots, status, shortlist, ...fields } = r;
    // Dots go in while the round is open (the database refuses them otherwise), then it is set
    // to its exported state, before the next round of the board opens.
    yield rowsOf(voteRounds, [{ ...fields, id: roundId, eventId, boardId: must(boardId), status: "open" }]);
    yield* sliced(votes, dots, (v) => ({
      id: randomUUID(),
      roundId,
      voterKey: personKey(v.voter),
      targetId: must(v.targetId),
      slot: v.slot,
      placeOnTarget: v.placeOnTarget,
      createdAt: v.createdAt,
    }));
    const shortlisted = shortlist?.flatMap((id) => mapped(id) ?? []) ?? null;
    yield { update: (tx) => tx.update(voteRounds).set({ status, shortlist: shortlisted }).where(eq(voteRounds.id, roundId)) };
  }

  for (const p of data.projects) {
    const projectId = fresh(p.id);
    const { id: _id, teamId, milestones, checkIns, risks, ownerLanguage, ...fields } = p;
    yield rowsOf(projects, [
      {
        ...fields,
        id: projectId,
        eventId,
        teamId: mapped(teamId),
        // A language this installation does not speak: as if the owner never chose (the event's is used).
        ownerLanguage: knownLocale(ownerLanguage),
      },
    ]);
    yield rowsOf(
      projectMilestones,
      milestones.map((m) => ({ ...m, id: randomUUID(), projectId })),
    );
    yield* sliced(projectCheckIns, checkIns, ({ photoCount: _count, photos, ...rest }) => {
      const kept = (photos ?? []).flatMap((path) => {
        const file = fileAt(path);
        return file ? [{ storageKey: file.storageKey, contentType: file.contentType }] : [];
      });
      return { ...rest, id: randomUUID(), projectId, photos: kept };
    });
    yield rowsOf(
      projectRisks,
      risks.map((r) => ({ ...r, projectId })),
    );
  }

  yield* presentationSteps(data, { eventId, importerKey, mapped, must, personKey, fileAt });
}

type Ids = {
  fresh: (old: string) => string;
  mapped: (old: string | null) => string | null;
  must: (old: string) => string;
};
type Files = { fileAt: (path: string | null | undefined) => StoredFile | null };

function* boardSteps(
  data: EventExport,
  {
    eventId,
    accountId,
    importerKey,
    fresh,
    mapped,
    must,
    fileAt,
  }: Ids & Files & { eventId: string; accountId: string; importerKey: string },
): Generator<ImportStep> {
  // Ids first, so a note copied from a later board still finds its source.
  const boardOfNote = new Map<string, string>();
  for (const b of data.boards) {
    fresh(b.id);
    for (const g of b.groups) fresh(g.id);
    for (const n of b.notes) {
      fresh(n.id);
      boardOfNote.set(n.id, b.id);
    }
  }
  // One photo row per archive file, on the board that first shows it (a note copied to another
  // board shows the same photo, as it did before).
  const photoRows: (typeof notePhotos.$inferInsert)[] = [];
  const photoIds = new Map<string, string>();
  const photoFor = (path: string | null | undefined, boardId: string) => {
    const file = fileAt(path);
    if (!path || !file) return null;
    const known = photoIds.get(path);
    if (known) return known;
    const id = randomUUID();
    photoIds.set(path, id);
    photoRows.push({
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
  const maps: ImportStep[] = [];
  const boardRows = data.boards.map(({ id, groups: _groups, notes: _notes, teamId, mapImage, ...fields }) => {
    const boardId = must(id);
    const mapPhotoId = photoFor(mapImage, boardId);
    // The photo's row names the board, so the board is written first and pointed at its map after.
    if (mapPhotoId) maps.push({ update: (tx) => tx.update(boards).set({ mapPhotoId }).where(eq(boards.id, boardId)) });
    return { ...fields, id: boardId, eventId, teamId: mapped(teamId) };
  });
  yield rowsOf(boards, boardRows);
  yield rowsOf(notePhotos, photoRows.splice(0));
  yield* maps;
  for (const b of data.boards) {
    const boardId = must(b.id);
    yield* sliced(noteGroups, b.groups, (g) => ({ id: must(g.id), boardId, title: g.title, createdAt: g.createdAt }));
    const noteSlices = sliced(notes, b.notes, (n) => {
      const source = mapped(n.sourceNoteId);
      return {
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
        photoId: photoFor(n.photo, boardId),
        sourceNoteId: source,
        sourceBoardId: source && n.sourceNoteId ? mapped(boardOfNote.get(n.sourceNoteId) ?? null) : null,
        // When it was hidden is not exported: its writing is the earliest it can have been.
        withheldAt: n.withheld ? n.createdAt : null,
        createdAt: n.createdAt,
      };
    });
    // Each slice's photos go in with it: a photo's row is made as the first note showing it is.
    for (const slice of noteSlices) yield* [rowsOf(notePhotos, photoRows.splice(0)), slice];
  }
}

function* presentationSteps(
  data: EventExport,
  {
    eventId,
    importerKey,
    mapped,
    must,
    personKey,
    fileAt,
  }: Omit<Ids, "fresh"> & Files & { eventId: string; importerKey: string; personKey: (person: string) => string },
): Generator<ImportStep> {
  const p = data.presentations;
  if (p.run) {
    const { order, currentTeamId, peoplesChoiceBoardId, includedTeamIds, criteria, ...fields } = p.run;
    yield rowsOf(presentationRuns, [
      {
        ...fields,
        eventId,
        order: order.map(must),
        currentTeamId: mapped(currentTeamId),
        peoplesChoiceBoardId: mapped(peoplesChoiceBoardId),
        includedTeamIds: includedTeamIds.map(must),
        criteria: Object.fromEntries(criteria.map((c) => [must(c.teamId), c.criteria])),
      },
    ]);
  }
  const imageRows: (typeof showcaseImages.$inferInsert)[] = [];
  const showcaseRows: (typeof showcases.$inferInsert)[] = [];
  for (const s of p.showcases) {
    const { teamId, images, updatedBy: _name, editor, ...fields } = s;
    const imageIds: string[] = [];
    for (const image of images) {
      const file = fileAt(image.path);
      if (!file) continue;
      const id = randomUUID();
      imageIds.push(id);
      imageRows.push({
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
    showcaseRows.push({ ...fields, teamId: must(teamId), eventId, imageIds, updatedByKey: editor ? personKey(editor) : null });
  }
  yield* [rowsOf(showcaseImages, imageRows), rowsOf(showcases, showcaseRows)];
  // Reactions are carried as counts: each becomes that many rows, by nobody in particular.
  for (const r of p.reactions) {
    const teamId = must(r.teamId);
    const one = { eventId, teamId, kind: r.kind, reactorKey: `x:${eventId}:imported` };
    yield* sliced(
      presentationReactions,
      Array.from({ length: r.count }, () => one),
      (row) => ({ ...row, id: randomUUID() }),
    );
  }
  yield* sliced(presentationFeedback, p.feedback, ({ teamId, author, authorName: _name, ...fields }) => ({
    ...fields,
    id: randomUUID(),
    eventId,
    teamId: must(teamId),
    authorKey: personKey(author),
  }));
  yield* sliced(presentationJudges, p.judges, (j) => ({ eventId, judgeKey: personKey(j.judge), createdAt: j.createdAt }));
  yield* sliced(presentationScores, p.scores, ({ teamId, judge, ...fields }) => ({
    ...fields,
    eventId,
    teamId: must(teamId),
    judgeKey: personKey(judge),
  }));
}
