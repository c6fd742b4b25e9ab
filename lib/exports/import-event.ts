import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database, Tx } from "@/db/client";
import {
  boards,
  briefContacts,
  briefLinks,
  briefReframes,
  briefs,
  eventPhases,
  eventStaff,
  events,
  noteGroups,
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
  showcases,
  teamMembers,
  teams,
  voteRounds,
  votes,
} from "@/db/schema";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { uniqueJoinCode } from "@/lib/events/create-event";
import { slugify } from "@/lib/events/slug";
import type { EventExport } from "./export-schema";

/**
 * Rebuilds an exported event in this instance, as a new draft event organised by `accountId`.
 *
 * Every row gets a new id (ids from another instance could collide with ours, or be chosen to),
 * the event a new slug if its own is taken, and a new join code. Nobody can act as an imported
 * participant: their resume tokens are fresh and never shown. Timestamps are kept. The data
 * must already have passed `parseEventExport`.
 */
export async function importEvent(db: Database, data: EventExport, accountId: string) {
  return db.transact((tx) => importInto(tx, data, accountId));
}

async function importInto(tx: Tx, data: EventExport, accountId: string) {
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
  // their dots, scores and feedback, so one person stays one person.
  const personKey = (person: string) => (person.startsWith("staff-") ? `x:${eventId}:${person}` : `p:${must(person)}`);
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
    createdBy: accountId,
  });
  await tx.insert(eventStaff).values({ eventId, accountId, role: "organiser" });

  for (const p of data.phases) await tx.insert(eventPhases).values({ id: randomUUID(), eventId, ...p });

  for (const b of data.briefs) {
    const briefId = fresh(b.id);
    const { id: _id, links, contacts, files: _files, ...fields } = b;
    await tx.insert(briefs).values({ ...fields, id: briefId, eventId });
    for (const l of links) await tx.insert(briefLinks).values({ ...l, id: randomUUID(), briefId });
    for (const c of contacts) await tx.insert(briefContacts).values({ ...c, id: randomUUID(), briefId });
  }

  for (const p of data.participants) {
    const { id, ...fields } = p;
    await tx.insert(participants).values({ ...fields, id: fresh(id), eventId, resumeTokenHash: hashToken(newToken()) });
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
  for (const b of data.boards) {
    const boardId = must(b.id);
    const { id: _id, groups, notes: boardNotes, teamId, ...fields } = b;
    await tx.insert(boards).values({ ...fields, id: boardId, eventId, teamId: mapped(teamId) });
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
        sourceNoteId: source,
        sourceBoardId: source ? mapped(boardOfNote(data, n.sourceNoteId)) : null,
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
    const { id: _id, teamId, milestones, checkIns, risks, ...fields } = p;
    await tx.insert(projects).values({ ...fields, id: projectId, eventId, teamId: mapped(teamId) });
    for (const m of milestones) await tx.insert(projectMilestones).values({ ...m, id: randomUUID(), projectId });
    for (const c of checkIns) {
      const { photoCount: _photos, ...rest } = c;
      await tx.insert(projectCheckIns).values({ ...rest, id: randomUUID(), projectId });
    }
    for (const r of risks) await tx.insert(projectRisks).values({ ...r, projectId });
  }

  const p = data.presentations;
  if (p.run) {
    const { order, currentTeamId, peoplesChoiceBoardId, criteria, ...fields } = p.run;
    await tx.insert(presentationRuns).values({
      ...fields,
      eventId,
      order: order.map(must),
      currentTeamId: mapped(currentTeamId),
      peoplesChoiceBoardId: mapped(peoplesChoiceBoardId),
      criteria: Object.fromEntries(criteria.map((c) => [must(c.teamId), c.criteria])),
    });
  }
  for (const s of p.showcases) {
    const { teamId, images: _images, updatedBy: _name, editor, ...fields } = s;
    // Image files are not in the export, so the imported showcase has none.
    await tx
      .insert(showcases)
      .values({ ...fields, teamId: must(teamId), eventId, imageIds: [], updatedByKey: editor ? personKey(editor) : null });
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

  return { eventId, slug };
}

function boardOfNote(data: EventExport, noteId: string | null) {
  if (!noteId) return null;
  return data.boards.find((b) => b.notes.some((n) => n.id === noteId))?.id ?? null;
}

async function uniqueSlug(tx: Tx, base: string) {
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const taken = await tx.select({ id: events.id }).from(events).where(eq(events.slug, slug));
    if (taken.length === 0) return slug;
  }
}
