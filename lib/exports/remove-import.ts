import { and, eq, lt, notExists } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { getTableConfig } from "drizzle-orm/sqlite-core";
import type { Database } from "@/db/client";
import { runFixed } from "@/db/fixed-sql";
import {
  boards,
  briefContacts,
  briefFiles,
  briefLinks,
  briefReframes,
  briefs,
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
  presentationScores,
  projectCheckIns,
  projectMilestones,
  projectRisks,
  projects,
  showcaseImages,
  teamMembers,
  teams,
  voteRounds,
  votes,
} from "@/db/schema";
import { rowsPerCommit } from "./import-rows";

/**
 * The tables an import fills, children before parents: each with the column naming its event, or
 * its parent and the parent's table (whose `event_id` names the event). What is left when they
 * are empty is a few rows per event, which deleting the event removes by cascade.
 */
const parts: [SQLiteTable, SQLiteColumn, SQLiteTable?][] = [
  [votes, votes.roundId, voteRounds],
  [voteRounds, voteRounds.eventId],
  [notes, notes.boardId, boards],
  [noteGroups, noteGroups.boardId, boards],
  [notePhotos, notePhotos.eventId],
  [presentationScores, presentationScores.eventId],
  [presentationFeedback, presentationFeedback.eventId],
  [presentationJudges, presentationJudges.eventId],
  [presentationReactions, presentationReactions.eventId],
  [showcaseImages, showcaseImages.eventId],
  [projectCheckIns, projectCheckIns.projectId, projects],
  [projectMilestones, projectMilestones.projectId, projects],
  [projectRisks, projectRisks.projectId, projects],
  [projects, projects.eventId],
  [boards, boards.eventId],
  [briefReframes, briefReframes.eventId],
  [teamMembers, teamMembers.eventId],
  [participants, participants.eventId],
  [teams, teams.eventId],
  [briefFiles, briefFiles.briefId, briefs],
  [briefLinks, briefLinks.briefId, briefs],
  [briefContacts, briefContacts.briefId, briefs],
  [briefs, briefs.eventId],
  [eventPhases, eventPhases.eventId],
];

const name = (table: SQLiteTable) => `"${getTableConfig(table).name}"`;

/** One delete of at most `rowsPerCommit` rows of this part, as fixed SQL (`?1` is the event's id). */
function deleteSome([table, column, parent]: (typeof parts)[number]) {
  const scope = parent ? `"${column.name}" IN (SELECT id FROM ${name(parent)} WHERE event_id = ?1)` : `"${column.name}" = ?1`;
  return `DELETE FROM ${name(table)} WHERE rowid IN (SELECT rowid FROM ${name(table)} WHERE ${scope} LIMIT ${rowsPerCommit})`;
}

/**
 * Removes an event an import began and did not finish, as many rows per commit as it writes, so the
 * room's writes go on between them (an import's event can hold a couple of hundred thousand rows).
 * Its stored files are the importer's to remove: they are known only to it.
 */
export async function removeImportedEvent(db: Database, eventId: string) {
  const fairnessKey = `import:${eventId}`;
  for (const part of parts) {
    const statement = deleteSome(part);
    while ((await db.transact((tx) => runFixed(tx, statement, [eventId]), { fairnessKey })) > 0) {
      // Until none of this part is left.
    }
  }
  await db.transact((tx) => tx.delete(events).where(eq(events.id, eventId)), { fairnessKey });
}

/** How long an import may run before its event, still nobody's, is taken for one a crash left behind. */
export const abandonedAfterMs = 60 * 60_000;

/**
 * Events an import of this account began and never finished (the process stopped half way): an
 * import makes its organiser staff only in its last commit, so until then the event is a draft
 * that is nobody's, which no page or socket shows. Removed when the same account imports again.
 */
export async function removeAbandonedImports(db: Database, accountId: string, now = Date.now()) {
  const abandoned = await db.read
    .select({ id: events.id })
    .from(events)
    .where(
      and(
        eq(events.createdBy, accountId),
        eq(events.status, "draft"),
        lt(events.createdAt, now - abandonedAfterMs),
        notExists(db.read.select({ one: eventStaff.accountId }).from(eventStaff).where(eq(eventStaff.eventId, events.id))),
      ),
    );
  for (const { id } of abandoned) await removeImportedEvent(db, id);
}
