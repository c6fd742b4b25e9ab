import { and, asc, count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  boards,
  briefContacts,
  briefFiles,
  briefLinks,
  briefReframes,
  briefs,
  eventFollowUps,
  eventPhases,
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
  showcaseImages,
  showcases,
  teamMembers,
  teams,
  voteRounds,
  votes,
} from "@/db/schema";
import { authorKey, namesByKey, staffName } from "@/lib/participants/names";
import { reactionKinds } from "@/lib/realtime/constants";
import { archivePaths, eventPhotoTypes } from "./event-files";
import { type EventExport, type ExportedPresentations, exportFormat, exportVersion } from "./export-schema";

// Insertion order breaks ties, so an import (which inserts in export order) exports identically.
const rowid = sql`rowid`;

const groupBy = <T, K>(rows: T[], key: (row: T) => K) => {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    map.set(k, [...(map.get(k) ?? []), row]);
  }
  return map;
};

/** Everything about one event, in the versioned export format. Null: no such event. */
export async function loadEventExport(db: Db, eventId: string, now = Date.now()): Promise<EventExport | null> {
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event) return null;
  const [followUp] = await db
    .select({ slug: events.slug })
    .from(eventFollowUps)
    .innerJoin(events, eq(events.id, eventFollowUps.followsEventId))
    .where(eq(eventFollowUps.eventId, eventId));

  const [phaseRows, briefRows, people, teamRows, members, reframes, boardRows, rounds, projectRows] = await Promise.all([
    db
      .select()
      .from(eventPhases)
      .where(eq(eventPhases.eventId, eventId))
      .orderBy(asc(eventPhases.startsAt), asc(eventPhases.position), rowid),
    db.select().from(briefs).where(eq(briefs.eventId, eventId)).orderBy(asc(briefs.position), rowid),
    db.select().from(participants).where(eq(participants.eventId, eventId)).orderBy(rowid),
    db.select().from(teams).where(eq(teams.eventId, eventId)).orderBy(asc(teams.position), rowid),
    db.select().from(teamMembers).where(eq(teamMembers.eventId, eventId)).orderBy(rowid),
    db.select().from(briefReframes).where(eq(briefReframes.eventId, eventId)).orderBy(rowid),
    db.select().from(boards).where(eq(boards.eventId, eventId)).orderBy(asc(boards.position), rowid),
    db.select().from(voteRounds).where(eq(voteRounds.eventId, eventId)).orderBy(rowid),
    db.select().from(projects).where(eq(projects.eventId, eventId)).orderBy(rowid),
  ]);
  const briefIds = briefRows.map((b) => b.id);
  const boardIds = boardRows.map((b) => b.id);
  const roundIds = rounds.map((r) => r.id);
  const projectIds = projectRows.map((p) => p.id);
  const none = ["-"];
  const [links, contacts, files, groups, noteRows, voteRows, milestones, checkIns, risks] = await Promise.all([
    db
      .select()
      .from(briefLinks)
      .where(inArray(briefLinks.briefId, briefIds.length ? briefIds : none))
      .orderBy(asc(briefLinks.position), rowid),
    db
      .select()
      .from(briefContacts)
      .where(inArray(briefContacts.briefId, briefIds.length ? briefIds : none))
      .orderBy(asc(briefContacts.position), rowid),
    db
      .select()
      .from(briefFiles)
      .where(inArray(briefFiles.briefId, briefIds.length ? briefIds : none))
      .orderBy(asc(briefFiles.position), rowid),
    db
      .select()
      .from(noteGroups)
      .where(inArray(noteGroups.boardId, boardIds.length ? boardIds : none))
      .orderBy(rowid),
    db
      .select()
      .from(notes)
      // A note waiting to be erased (its author left asking for it to go: lib/notes/erase-later.ts)
      // is no longer part of the event's record.
      .where(and(inArray(notes.boardId, boardIds.length ? boardIds : none), isNull(notes.eraseAt)))
      .orderBy(rowid),
    db
      .select()
      .from(votes)
      .where(inArray(votes.roundId, roundIds.length ? roundIds : none))
      .orderBy(rowid),
    db
      .select()
      .from(projectMilestones)
      .where(inArray(projectMilestones.projectId, projectIds.length ? projectIds : none))
      .orderBy(asc(projectMilestones.dueAt), rowid),
    db
      .select()
      .from(projectCheckIns)
      .where(inArray(projectCheckIns.projectId, projectIds.length ? projectIds : none))
      .orderBy(rowid),
    db
      .select()
      .from(projectRisks)
      .where(inArray(projectRisks.projectId, projectIds.length ? projectIds : none))
      .orderBy(rowid),
  ]);

  const linksOf = groupBy(links, (l) => l.briefId);
  const contactsOf = groupBy(contacts, (c) => c.briefId);
  const filesOf = groupBy(files, (f) => f.briefId);
  const groupsOf = groupBy(groups, (g) => g.boardId);
  const notesOf = groupBy(noteRows, (n) => n.boardId);
  // A dot stays in a closed round when its note or group goes later (the record of how the room
  // voted), but what it was on is no longer in the record: the dot is left out with it.
  const targets = new Set([...noteRows.map((n) => n.id), ...groups.map((g) => g.id), ...teamRows.map((t) => t.id)]);
  const votesOf = groupBy(
    voteRows.filter((v) => targets.has(v.targetId)),
    (v) => v.roundId,
  );
  const membersOf = groupBy(members, (m) => m.teamId);
  const milestonesOf = groupBy(milestones, (m) => m.projectId);
  const checkInsOf = groupBy(checkIns, (c) => c.projectId);
  const risksOf = groupBy(risks, (r) => r.projectId);
  const noteIds = new Set(noteRows.map((n) => n.id));
  const anonymousBoards = new Set(boardRows.filter((b) => b.anonymous).map((b) => b.id));
  const unsignedCopy = (n: { sourceBoardId: string | null }) => n.sourceBoardId !== null && anonymousBoards.has(n.sourceBoardId);
  // A pin on a map (or a copy of one) by someone not known to be 18 or over: the room never saw
  // whose it is (toWire's youngOnAMap), and a record naming it would say where a child goes.
  const mapBoards = new Set(boardRows.filter((b) => b.template === "map").map((b) => b.id));
  const adults = new Set(people.filter((p) => p.ageBand === "18_plus").map((p) => p.id));
  const youngOnAMap = (n: { boardId: string; sourceBoardId: string | null; authorParticipantId: string | null }) =>
    n.authorParticipantId !== null &&
    !adults.has(n.authorParticipantId) &&
    (mapBoards.has(n.boardId) || (n.sourceBoardId !== null && mapBoards.has(n.sourceBoardId)));
  // Paths of photos stored by this event only: another event's photo is not this event's record.
  const photoTypes = await eventPhotoTypes(db, eventId);
  const photoPath = (photoId: string | null, path: typeof archivePaths.notePhoto) => {
    const type = photoId ? photoTypes.get(photoId) : undefined;
    return photoId && type ? path(photoId, type) : null;
  };

  // Staff are not exported; their dots keep a stable pseudonym so "one voter" stays one voter.
  const staffVoters = new Map<string, string>();
  const voterOf = (key: string) => {
    if (key.startsWith("p:")) return key.slice(2);
    if (!staffVoters.has(key)) staffVoters.set(key, `staff-${staffVoters.size + 1}`);
    return staffVoters.get(key) as string;
  };

  // Nobody may see who voted for what (docs/privacy.md), organisers reading this file included:
  // a dot's voter is a pseudonym of its round only, "voter-N", tied to no participant, no other
  // round and no judge. Within the round it still tells one voter's dots apart (their count,
  // the round's dot budget on import).
  const dotVoters = new Map<string, Map<string, string>>();
  const dotVoterOf = (roundId: string, key: string) => {
    const round = dotVoters.get(roundId) ?? new Map<string, string>();
    dotVoters.set(roundId, round);
    if (!round.has(key)) round.set(key, `voter-${round.size + 1}`);
    return round.get(key) as string;
  };

  // Names are derived from profiles now, as the organisers see them; staff accounts are not exported.
  const nameOfKey = await namesByKey(
    db,
    eventId,
    people.map((p) => `p:${p.id}`),
    "private",
  );
  const nameOf = (key: string | null) => (key?.startsWith("p:") ? nameOfKey(key) : staffName);
  const presentations = await loadPresentations(db, eventId, teamRows, new Set(boardIds), voterOf, nameOf);

  return {
    format: exportFormat,
    version: exportVersion,
    exportedAt: now,
    event: {
      name: event.name,
      slug: event.slug,
      status: event.status,
      place: event.place,
      description: event.description,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      goals: event.goals,
      accessInfo: event.accessInfo,
      childcare: event.childcare,
      food: event.food,
      whatToBring: event.whatToBring,
      language: event.language,
      joinLanguages: event.joinLanguages,
      followsEventSlug: followUp?.slug ?? null,
      dataController: event.dataController,
      privacyContact: event.privacyContact,
      retentionMonths: event.retentionMonths,
    },
    phases: phaseRows.map((p) => ({ name: p.name, position: p.position, startsAt: p.startsAt, endsAt: p.endsAt })),
    briefs: briefRows.map((b) => ({
      id: b.id,
      position: b.position,
      status: b.status,
      title: b.title,
      problem: b.problem,
      whyItMatters: b.whyItMatters,
      successLooksLike: b.successLooksLike,
      budget: b.budget,
      timescale: b.timescale,
      mayNotChange: b.mayNotChange,
      ownerRole: b.ownerRole,
      ownerOrganisation: b.ownerOrganisation,
      background: b.background,
      createdAt: b.createdAt,
      links: (linksOf.get(b.id) ?? []).map((l) => ({
        kind: l.kind,
        title: l.title,
        url: l.url,
        note: l.note,
        position: l.position,
      })),
      contacts: (contactsOf.get(b.id) ?? []).map((c) => ({ role: c.role, howToReach: c.howToReach, position: c.position })),
      files: (filesOf.get(b.id) ?? []).map((f) => ({
        title: f.title,
        fileName: f.fileName,
        contentType: f.contentType,
        size: f.size,
        path: archivePaths.briefFile(f.id, f.fileName),
      })),
    })),
    participants: people.map((p) => ({
      id: p.id,
      displayName: p.displayName,
      kind: p.kind,
      skills: p.skills,
      ageBand: p.ageBand,
      language: p.language,
      contactConsent: p.contactConsent,
      contact: p.contactConsent ? p.contact : "",
      leftAt: p.leftAt,
      createdAt: p.createdAt,
    })),
    teams: teamRows.map((t) => ({
      id: t.id,
      briefId: t.briefId,
      name: t.name,
      capacity: t.capacity,
      position: t.position,
      createdAt: t.createdAt,
      memberIds: (membersOf.get(t.id) ?? []).map((m) => m.participantId),
    })),
    reframes: reframes.map((r) => ({
      id: r.id,
      briefId: r.briefId,
      teamId: r.teamId,
      author: authorKey(r) ? voterOf(authorKey(r) as string) : null,
      authorName: nameOf(authorKey(r)),
      text: r.text,
      createdAt: r.createdAt,
    })),
    boards: boardRows.map((b) => ({
      id: b.id,
      teamId: b.teamId,
      title: b.title,
      columns: b.columns,
      template: b.template,
      locked: b.locked,
      anonymous: b.anonymous,
      hiddenUntilReveal: b.hiddenUntilReveal,
      revealedAt: b.revealedAt,
      mapImage: photoPath(b.mapPhotoId, archivePaths.mapImage),
      position: b.position,
      createdAt: b.createdAt,
      groups: (groupsOf.get(b.id) ?? []).map((g) => ({ id: g.id, title: g.title, createdAt: g.createdAt })),
      notes: (notesOf.get(b.id) ?? []).map((n) => ({
        id: n.id,
        column: n.column,
        text: n.text,
        colour: n.colour,
        // An anonymous board promised nobody would see who wrote what; the export keeps that
        // promise, for the copies of its notes on other boards too (an import cannot always
        // follow a copy back to that board: its source may be gone, or a copy itself). So for
        // a young person's pins on a map, and their copies.
        authorParticipantId: b.anonymous || unsignedCopy(n) || youngOnAMap(n) ? null : n.authorParticipantId,
        byStaff: n.authorAccountId !== null && !unsignedCopy(n),
        position: n.position,
        groupId: n.groupId,
        hadPhoto: n.photoId !== null,
        photo: photoPath(n.photoId, archivePaths.notePhoto),
        pin: n.pinX !== null && n.pinY !== null ? { x: n.pinX, y: n.pinY } : null,
        // Only a source inside this event can be followed after an import.
        sourceNoteId: n.sourceNoteId && noteIds.has(n.sourceNoteId) ? n.sourceNoteId : null,
        withheld: n.withheldAt !== null,
        createdAt: n.createdAt,
      })),
    })),
    voteRounds: rounds.map((r) => ({
      id: r.id,
      boardId: r.boardId,
      status: r.status,
      dotsPerPerson: r.dotsPerPerson,
      maxPerTarget: r.maxPerTarget,
      targets: r.targets,
      excludeOwnTeam: r.excludeOwnTeam,
      talliesLive: r.talliesLive,
      columns: r.columns,
      shortlistSize: r.shortlistSize,
      shortlist: r.shortlist,
      endsAt: r.endsAt,
      createdAt: r.createdAt,
      closedAt: r.closedAt,
      revealedAt: r.revealedAt,
      votes: (votesOf.get(r.id) ?? []).map((v) => ({
        voter: dotVoterOf(r.id, v.voterKey),
        targetId: v.targetId,
        slot: v.slot,
        placeOnTarget: v.placeOnTarget,
        createdAt: v.createdAt,
      })),
    })),
    projects: projectRows.map((p) => ({
      id: p.id,
      teamId: p.teamId,
      title: p.title,
      summary: p.summary,
      ownerName: p.ownerName,
      ownerRole: p.ownerRole,
      coOwners: p.coOwners,
      ownerLanguage: p.ownerLanguage,
      startedAt: p.startedAt,
      isPublic: p.isPublic,
      createdAt: p.createdAt,
      milestones: (milestonesOf.get(p.id) ?? []).map((m) => ({ day: m.day, title: m.title, dueAt: m.dueAt, doneAt: m.doneAt })),
      checkIns: (checkInsOf.get(p.id) ?? []).map((c) => ({
        status: c.status,
        progress: c.progress,
        evidence: c.evidence,
        numbers: c.numbers,
        links: c.links,
        photoCount: c.photos.length,
        photos: c.photos.map((p, n) => archivePaths.checkInPhoto(c.id, n, p.contentType)),
        learning: c.learning,
        helpNeeded: c.helpNeeded,
        authorName: c.authorName,
        createdAt: c.createdAt,
      })),
      risks: (risksOf.get(p.id) ?? []).map((r) => ({
        item: r.item,
        checked: r.checked,
        notes: r.notes,
        checkedBy: r.checkedBy,
        updatedAt: r.updatedAt,
      })),
    })),
    presentations,
  };
}

/**
 * The event's presentations. `personOf` turns an actor key into a participant id or the staff
 * pseudonym already given to their dots, so one person stays one person across the export.
 */
async function loadPresentations(
  db: Db,
  eventId: string,
  teamRows: { id: string }[],
  boardIds: Set<string>,
  personOf: (key: string) => string,
  nameOf: (key: string | null) => string,
): Promise<ExportedPresentations> {
  const [[run], showcaseRows, imageRows, reactionRows, feedbackRows, judgeRows, scoreRows] = await Promise.all([
    db.select().from(presentationRuns).where(eq(presentationRuns.eventId, eventId)),
    db.select().from(showcases).where(eq(showcases.eventId, eventId)).orderBy(rowid),
    db.select().from(showcaseImages).where(eq(showcaseImages.eventId, eventId)),
    db
      .select({ teamId: presentationReactions.teamId, kind: presentationReactions.kind, n: count() })
      .from(presentationReactions)
      .where(eq(presentationReactions.eventId, eventId))
      .groupBy(presentationReactions.teamId, presentationReactions.kind),
    db
      .select()
      .from(presentationFeedback)
      .where(eq(presentationFeedback.eventId, eventId))
      .orderBy(asc(presentationFeedback.createdAt), rowid),
    db
      .select()
      .from(presentationJudges)
      .where(eq(presentationJudges.eventId, eventId))
      .orderBy(asc(presentationJudges.createdAt), rowid),
    db.select().from(presentationScores).where(eq(presentationScores.eventId, eventId)).orderBy(rowid),
  ]);
  const teamOrder = new Map(teamRows.map((t, i) => [t.id, i]));
  const images = new Map(imageRows.map((i) => [i.id, i]));
  const judges = judgeRows.map((j) => ({
    judge: personOf(j.judgeKey),
    // Staff accounts are not exported, so neither are their names.
    name: nameOf(j.judgeKey),
    createdAt: j.createdAt,
  }));
  return {
    run: run
      ? {
          order: run.order.filter((id) => teamOrder.has(id)),
          presentSeconds: run.presentSeconds,
          questionsSeconds: run.questionsSeconds,
          currentTeamId: run.currentTeamId,
          stage: run.stage,
          stageStartedAt: run.stageStartedAt,
          peoplesChoiceBoardId:
            run.peoplesChoiceBoardId && boardIds.has(run.peoplesChoiceBoardId) ? run.peoplesChoiceBoardId : null,
          includedTeamIds: run.includedTeamIds.filter((id) => teamOrder.has(id)),
          criteria: Object.entries(run.criteria)
            .filter(([teamId]) => teamOrder.has(teamId))
            .sort(([a], [b]) => (teamOrder.get(a) ?? 0) - (teamOrder.get(b) ?? 0))
            .map(([teamId, criteria]) => ({ teamId, criteria })),
          updatedAt: run.updatedAt,
        }
      : null,
    showcases: showcaseRows
      .sort((a, b) => (teamOrder.get(a.teamId) ?? 0) - (teamOrder.get(b.teamId) ?? 0))
      .map((s) => ({
        teamId: s.teamId,
        title: s.title,
        summary: s.summary,
        made: s.made,
        learned: s.learned,
        links: s.links,
        images: s.imageIds.flatMap((id) => {
          const image = images.get(id);
          return image
            ? [
                {
                  id,
                  contentType: image.contentType,
                  size: image.bytes,
                  createdAt: image.createdAt,
                  path: archivePaths.showcaseImage(id, image.contentType),
                },
              ]
            : [];
        }),
        nextSteps: s.nextSteps,
        takenForwardBy: s.takenForwardBy,
        needs: s.needs,
        updatedBy: s.updatedByKey ? nameOf(s.updatedByKey) : "",
        editor: s.updatedByKey ? personOf(s.updatedByKey) : null,
        updatedAt: s.updatedAt,
      })),
    reactions: reactionRows
      .map((r) => ({ teamId: r.teamId, kind: r.kind, count: Number(r.n) }))
      .sort(
        (a, b) =>
          (teamOrder.get(a.teamId) ?? 0) - (teamOrder.get(b.teamId) ?? 0) ||
          reactionKinds.indexOf(a.kind) - reactionKinds.indexOf(b.kind),
      ),
    feedback: feedbackRows.map((f) => ({
      teamId: f.teamId,
      author: personOf(f.authorKey),
      authorName: nameOf(f.authorKey),
      text: f.text,
      createdAt: f.createdAt,
    })),
    judges,
    scores: scoreRows.map((s) => ({
      teamId: s.teamId,
      judge: personOf(s.judgeKey),
      criterion: s.criterion,
      score: s.score,
      updatedAt: s.updatedAt,
    })),
  };
}
