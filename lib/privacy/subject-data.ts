import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import {
  boards,
  briefReframes,
  briefs,
  events,
  notePhotos,
  notes,
  participants,
  presentationFeedback,
  presentationJudges,
  presentationReactions,
  presentationScores,
  projectCheckIns,
  projectMilestones,
  projects,
  showcaseImages,
  showcases,
  teamMembers,
  teams,
  voteRounds,
  votes,
} from "@/db/schema";
import { boardTitleIn } from "@/lib/exports/boards-in-words";
import { translator } from "@/lib/i18n/translator";
import { profileWords } from "@/lib/participants/profile-words";
import { retentionEndsAt } from "./retention";

const iso = (ms: number | null | undefined) => (ms == null ? null : new Date(ms).toISOString());

/** The notice at the top of every download: whose data, who holds it, until when; in the reader's words. */
async function aboutTheEvent(db: Db, eventId: string, locale: string) {
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event) return null;
  return {
    name: event.name,
    dataController: event.dataController || translator(locale, "join.privacy")("defaultController", { event: event.name }),
    privacyContact: event.privacyContact || null,
    personalDataKeptUntil: iso(retentionEndsAt(event)),
  };
}

/**
 * Everything an event holds about one participant, for them to download ("your data"): what
 * they told us, the team they are in, and what they wrote, voted, reacted, scored and uploaded.
 * Read fresh from the tables, so nothing is left out by a copy going stale. Its keys are the
 * format's, in English whatever the reader's language (a program reads them); the words Made In
 * wrote for them (their kind, age group and suggested skills as the form offered them, who holds
 * their data) are in `locale`. Codes (a note's colour, a reaction) stay codes.
 */
export async function participantData(db: Db, eventId: string, participantId: string, locale = "en-GB") {
  const event = await aboutTheEvent(db, eventId, locale);
  const profile = profileWords(locale);
  const [me] = await db
    .select()
    .from(participants)
    .where(and(eq(participants.id, participantId), eq(participants.eventId, eventId)));
  if (!event || !me) return null;
  const key = `p:${participantId}`;
  const [team] = await db
    .select({ id: teams.id, name: teams.name, joinedAt: teamMembers.joinedAt })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.eventId, eventId), eq(teamMembers.participantId, participantId)));
  const eventBoards = db.select({ id: boards.id }).from(boards).where(eq(boards.eventId, eventId));
  const [myNotes, myVotes, myReactions, myFeedback, myReframes, myScores, judge, myPhotos, myImages, showcase] =
    await Promise.all([
      db
        .select({
          id: notes.id,
          board: boards.title,
          boardTemplate: boards.template,
          column: notes.column,
          text: notes.text,
          colour: notes.colour,
          photoId: notes.photoId,
          createdAt: notes.createdAt,
          updatedAt: notes.updatedAt,
        })
        .from(notes)
        .innerJoin(boards, eq(boards.id, notes.boardId))
        .where(and(eq(notes.authorParticipantId, participantId), inArray(notes.boardId, eventBoards)))
        .orderBy(notes.createdAt),
      db
        .select({
          round: votes.roundId,
          board: boards.title,
          boardTemplate: boards.template,
          target: votes.targetId,
          createdAt: votes.createdAt,
        })
        .from(votes)
        .innerJoin(voteRounds, eq(voteRounds.id, votes.roundId))
        .innerJoin(boards, eq(boards.id, voteRounds.boardId))
        .where(and(eq(votes.voterKey, key), eq(voteRounds.eventId, eventId)))
        .orderBy(votes.createdAt),
      db
        .select({ team: teams.name, kind: presentationReactions.kind, createdAt: presentationReactions.createdAt })
        .from(presentationReactions)
        .innerJoin(teams, eq(teams.id, presentationReactions.teamId))
        .where(and(eq(presentationReactions.eventId, eventId), eq(presentationReactions.reactorKey, key)))
        .orderBy(presentationReactions.createdAt),
      db
        .select({
          team: teams.name,
          text: presentationFeedback.text,
          createdAt: presentationFeedback.createdAt,
        })
        .from(presentationFeedback)
        .innerJoin(teams, eq(teams.id, presentationFeedback.teamId))
        .where(and(eq(presentationFeedback.eventId, eventId), eq(presentationFeedback.authorKey, key)))
        .orderBy(presentationFeedback.createdAt),
      db
        .select({
          brief: briefs.title,
          text: briefReframes.text,
          createdAt: briefReframes.createdAt,
        })
        .from(briefReframes)
        .innerJoin(briefs, eq(briefs.id, briefReframes.briefId))
        .where(and(eq(briefReframes.eventId, eventId), eq(briefReframes.authorParticipantId, participantId)))
        .orderBy(briefReframes.createdAt),
      db
        .select({
          team: teams.name,
          criterion: presentationScores.criterion,
          score: presentationScores.score,
          updatedAt: presentationScores.updatedAt,
        })
        .from(presentationScores)
        .innerJoin(teams, eq(teams.id, presentationScores.teamId))
        .where(and(eq(presentationScores.eventId, eventId), eq(presentationScores.judgeKey, key))),
      db
        .select({ since: presentationJudges.createdAt })
        .from(presentationJudges)
        .where(and(eq(presentationJudges.eventId, eventId), eq(presentationJudges.judgeKey, key))),
      db
        .select({
          id: notePhotos.id,
          board: boards.title,
          boardTemplate: boards.template,
          bytes: notePhotos.bytes,
          createdAt: notePhotos.createdAt,
        })
        .from(notePhotos)
        .innerJoin(boards, eq(boards.id, notePhotos.boardId))
        .where(and(eq(notePhotos.eventId, eventId), eq(notePhotos.uploadedBy, key))),
      db
        .select({ id: showcaseImages.id, team: teams.name, bytes: showcaseImages.bytes, createdAt: showcaseImages.createdAt })
        .from(showcaseImages)
        .innerJoin(teams, eq(teams.id, showcaseImages.teamId))
        .where(and(eq(showcaseImages.eventId, eventId), eq(showcaseImages.uploadedBy, key))),
      team
        ? db.select().from(showcases).where(eq(showcases.teamId, team.id))
        : Promise.resolve([] as (typeof showcases.$inferSelect)[]),
    ]);
  const s = showcase[0];
  // A board from a template is named as the reader's screens name it; a typed name stays as typed.
  const titleOf = boardTitleIn(locale);
  const boardOf = (row: { board: string; boardTemplate: string }) => titleOf({ template: row.boardTemplate, title: row.board });
  return {
    format: "made-in/your-data",
    version: 1,
    downloadedAt: new Date().toISOString(),
    event,
    profile: {
      name: me.displayName,
      kind: me.kind ? profile.kind(me.kind) : null,
      skills: me.skills.map(profile.skill),
      ageBand: me.ageBand ? profile.ageBand(me.ageBand) : null,
      accessNeeds: me.accessNeeds,
      agreedToBeContacted: me.contactConsent,
      contact: me.contact,
      joinedAt: iso(me.createdAt),
      leftAt: iso(me.leftAt),
    },
    team: team ? { name: team.name, joinedAt: iso(team.joinedAt) } : null,
    notes: myNotes.map(({ boardTemplate, ...n }) => ({
      ...n,
      board: boardOf({ board: n.board, boardTemplate }),
      photo: n.photoId ? `/photos/${n.photoId}` : null,
      photoId: undefined,
      createdAt: iso(n.createdAt),
      updatedAt: iso(n.updatedAt),
    })),
    votes: myVotes.map((v) => ({ board: boardOf(v), round: v.round, on: v.target, at: iso(v.createdAt) })),
    reactions: myReactions.map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    feedback: myFeedback.map((f) => ({ ...f, createdAt: iso(f.createdAt) })),
    reframedBriefs: myReframes.map((r) => ({ ...r, createdAt: iso(r.createdAt) })),
    judging: judge[0]
      ? { judgeSince: iso(judge[0].since), scores: myScores.map((x) => ({ ...x, updatedAt: iso(x.updatedAt) })) }
      : null,
    uploads: {
      notePhotos: myPhotos.map((p) => ({ url: `/photos/${p.id}`, board: boardOf(p), bytes: p.bytes, at: iso(p.createdAt) })),
      showcaseImages: myImages.map((i) => ({
        url: `/showcase-images/${i.id}`,
        team: i.team,
        bytes: i.bytes,
        at: iso(i.createdAt),
      })),
    },
    // A team's showcase is written together.
    teamShowcase: s
      ? {
          title: s.title,
          summary: s.summary,
          made: s.made,
          learned: s.learned,
          links: s.links,
          nextSteps: s.nextSteps,
          takenForwardBy: s.takenForwardBy,
          needs: s.needs,
          lastEditedAt: iso(s.updatedAt),
        }
      : null,
  };
}

/**
 * What a project holds about its owners and what was posted with the owner's link: the
 * project's owners, milestones and check-ins (photos as addresses). Not the risk checklist: it is
 * the organisers' own record (its notes may be about safeguarding, and name the staff who checked),
 * which only organisers see.
 */
export async function projectOwnerData(db: Db, projectId: string, locale = "en-GB") {
  const [project] = await db.select().from(projects).where(eq(projects.id, projectId));
  if (!project) return null;
  const event = await aboutTheEvent(db, project.eventId, locale);
  const [milestones, checkIns] = await Promise.all([
    db.select().from(projectMilestones).where(eq(projectMilestones.projectId, projectId)).orderBy(projectMilestones.dueAt),
    db.select().from(projectCheckIns).where(eq(projectCheckIns.projectId, projectId)).orderBy(projectCheckIns.createdAt),
  ]);
  return {
    format: "made-in/project-owner-data",
    version: 1,
    downloadedAt: new Date().toISOString(),
    event,
    project: {
      title: project.title,
      summary: project.summary,
      owner: { name: project.ownerName, role: project.ownerRole },
      coOwners: project.coOwners,
      startedAt: iso(project.startedAt),
      shownOnPublicProgressPage: project.isPublic,
    },
    milestones: milestones.map((m) => ({ day: m.day, title: m.title, dueAt: iso(m.dueAt), doneAt: iso(m.doneAt) })),
    checkIns: checkIns.map((c) => ({
      status: c.status,
      progress: c.progress,
      evidence: c.evidence,
      numbers: c.numbers,
      links: c.links,
      photos: c.photos.map((_, n) => `/project-photos/${c.id}/${n}`),
      learning: c.learning,
      helpNeeded: c.helpNeeded,
      signedAs: c.authorName,
      postedAt: iso(c.createdAt),
    })),
  };
}
