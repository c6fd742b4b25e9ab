/**
 * A weekend that has happened: briefs, people with profiles (some consenting to contact), teams
 * with a reframed brief, boards with notes and groups, a closed vote round with a
 * shortlist, and final presentations: a showcase, reactions, feedback, judges' scores (one judge
 * is the organiser) and a people's-choice vote. Written straight into the database, for integration and browser tests of what
 * comes after the weekend. Some text is hostile on purpose (formulas, Markdown).
 */
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import {
  boards,
  briefLinks,
  briefReframes,
  briefs,
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
  showcases,
  teamMembers,
  teams,
  voteRounds,
  votes,
} from "@/db/schema";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { createEvent } from "@/lib/events/create-event";

export const weekendText = {
  parksBrief: "Love Your Space",
  websiteBrief: "Lambeth Website",
  parksReframe: "Make the park feel like ours: start with the people who never go in",
  hostileNote: '=HYPERLINK("http://evil.example","click")',
  winningNote: "Pop-up café by the playground",
  groupTitle: "Things to do in the park",
  consentingName: "Resident of Brixton Hill",
  consentingContact: "+44 20 7926 0000",
  privateName: "Council officer, Parks",
  privateContact: "not-for-export@example.test",
  showcaseTitle: "Park Café Saturdays",
  showcaseMade: "A pop-up café by the playground\n# run by residents",
  showcaseNeeds: "=A gazebo and a hygiene course",
  feedback: "Talk to the <b>friends of the park</b> group",
  parksCriterion: "More residents using and looking after their park.",
};

type P = typeof participants.$inferInsert & { id: string };

export async function seedWeekend(db: Database, organiserId: string, name = `Weekend ${randomUUID().slice(0, 6)}`) {
  const start = Date.UTC(2026, 9, 10, 9);
  const event = await db.transact((tx) =>
    createEvent(tx, {
      name,
      place: "Lambeth Town Hall",
      createdBy: organiserId,
      status: "published",
      startsAt: start,
      endsAt: start + 2 * 24 * 3600 * 1000,
    }),
  );
  const t = weekendText;
  const ids = { parksBrief: randomUUID(), websiteBrief: randomUUID(), parksTeam: randomUUID(), websiteTeam: randomUUID() };
  const person = (displayName: string, extra: Partial<typeof participants.$inferInsert> = {}) => ({
    id: randomUUID(),
    eventId: event.id,
    displayName,
    resumeTokenHash: hashToken(newToken()),
    ...extra,
  });
  const people: [P, P, P, P] = [
    person(t.consentingName, {
      kind: "resident",
      ageBand: "18_plus",
      skills: ["knowing the area", "talking to people"],
      contactConsent: true,
      contact: t.consentingContact,
    }),
    person(t.privateName, {
      kind: "council_officer",
      ageBand: "18_plus",
      skills: ["spreadsheets"],
      contactConsent: false,
      contact: t.privateContact,
      accessNeeds: "step-free",
    }),
    person("Designer from Kennington", {
      kind: "designer",
      ageBand: "18_plus",
      skills: ["drawing", "Talking to people"],
      contactConsent: true,
      contact: "=cmd|' /C calc'!A0",
    }),
    person("Young person", { kind: "young_person", ageBand: "16_17", skills: ["filming"] }),
  ];
  const boardId = randomUUID();
  const groupId = randomUUID();
  const noteIds: [string, string, string, string] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const roundId = randomUUID();
  const peoplesChoiceBoardId = randomUUID();
  const peoplesChoiceRoundId = randomUUID();

  await db.transact(async (tx) => {
    await tx.insert(eventPhases).values([
      { id: randomUUID(), eventId: event.id, name: "Kick-off", startsAt: start, position: 0 },
      { id: randomUUID(), eventId: event.id, name: "Make", startsAt: start + 24 * 3600 * 1000, position: 1 },
    ]);
    await tx.insert(briefs).values([
      {
        id: ids.parksBrief,
        eventId: event.id,
        position: 0,
        status: "published",
        title: t.parksBrief,
        problem: "People don't use the parks near them.",
        successLooksLike: "More residents using and looking after their park.",
        budget: "£5,000",
        ownerRole: "Project lead, Public Realm services",
      },
      {
        id: ids.websiteBrief,
        eventId: event.id,
        position: 1,
        status: "published",
        title: t.websiteBrief,
        problem: "Nobody can find anything.",
      },
    ]);
    await tx.insert(briefLinks).values({
      id: randomUUID(),
      briefId: ids.parksBrief,
      kind: "data",
      title: "Park usage survey",
      url: "https://example.test/survey",
    });
    await tx.insert(participants).values(people);
    await tx.insert(teams).values([
      { id: ids.parksTeam, eventId: event.id, briefId: ids.parksBrief, name: "Parks team", position: 0 },
      { id: ids.websiteTeam, eventId: event.id, briefId: ids.websiteBrief, name: "Website team", position: 1 },
    ]);
    await tx.insert(teamMembers).values([
      { eventId: event.id, participantId: people[0].id, teamId: ids.parksTeam },
      { eventId: event.id, participantId: people[1].id, teamId: ids.parksTeam },
      { eventId: event.id, participantId: people[3].id, teamId: ids.parksTeam },
      { eventId: event.id, participantId: people[2].id, teamId: ids.websiteTeam },
    ]);
    await tx.insert(briefReframes).values({
      id: randomUUID(),
      eventId: event.id,
      briefId: ids.parksBrief,
      teamId: ids.parksTeam,
      authorParticipantId: people[0].id,
      text: t.parksReframe,
    });
    await tx.insert(boards).values({
      id: boardId,
      eventId: event.id,
      teamId: ids.parksTeam,
      title: "Parks ideas",
      columns: [
        { key: "ideas", title: "Ideas" },
        { key: "questions", title: "Questions" },
      ],
    });
    await tx.insert(noteGroups).values({ id: groupId, boardId, title: t.groupTitle });
    await tx.insert(notes).values([
      { id: noteIds[0], boardId, column: "ideas", text: t.winningNote, authorParticipantId: people[0].id, groupId, position: 1 },
      {
        id: noteIds[1],
        boardId,
        column: "ideas",
        text: "Outdoor cinema nights",
        authorParticipantId: people[3].id,
        groupId,
        position: 2,
      },
      { id: noteIds[2], boardId, column: "ideas", text: t.hostileNote, authorParticipantId: people[1].id, position: 3 },
      {
        id: noteIds[3],
        boardId,
        column: "questions",
        text: "Who locks the gates?\n# not a heading",
        authorParticipantId: people[1].id,
        position: 1,
      },
    ]);
    await tx
      .insert(voteRounds)
      .values({ id: roundId, boardId, eventId: event.id, dotsPerPerson: 3, maxPerTarget: 2, shortlistSize: 2 });
    const dot = (voter: string, target: string, slot: number, place: number) => ({
      id: randomUUID(),
      roundId,
      voterKey: `p:${voter}`,
      targetId: target,
      slot,
      placeOnTarget: place,
    });
    await tx
      .insert(votes)
      .values([
        dot(people[0].id, noteIds[0], 0, 0),
        dot(people[0].id, noteIds[0], 1, 1),
        dot(people[1].id, noteIds[0], 0, 0),
        dot(people[1].id, noteIds[1], 1, 0),
        dot(people[3].id, noteIds[2], 0, 0),
      ]);
    await tx
      .update(voteRounds)
      .set({
        status: "revealed",
        closedAt: start + 30 * 3600 * 1000,
        revealedAt: start + 30 * 3600 * 1000,
        shortlist: [noteIds[0], noteIds[1]],
      })
      .where(eq(voteRounds.id, roundId));
    await seedPresentations(tx, {
      eventId: event.id,
      organiserId,
      at: start + 40 * 3600 * 1000,
      parks: ids.parksTeam,
      website: ids.websiteTeam,
      people: people.map((p) => p.id),
      peoplesChoiceBoardId,
      peoplesChoiceRoundId,
    });
    await tx
      .update(events)
      .set({ goals: ["Less talking, more doing"] })
      .where(eq(events.id, event.id));
  });
  return { event: { ...event, name }, ids, people, boardId, noteIds, roundId, peoplesChoiceBoardId };
}

type Tx = Parameters<Parameters<Database["transact"]>[0]>[0];

/**
 * The presentations: the website team went first, the parks team wrote a showcase, got
 * reactions, feedback (one from the organiser) and scores from a participant judge and the
 * organiser, and won the people's choice. The website team was scored on criteria the organiser set.
 */
async function seedPresentations(
  tx: Tx,
  s: {
    eventId: string;
    organiserId: string;
    at: number;
    parks: string;
    website: string;
    people: string[];
    peoplesChoiceBoardId: string;
    peoplesChoiceRoundId: string;
  },
) {
  const t = weekendText;
  const [resident, officer, designer, young] = s.people as [string, string, string, string];
  const staff = `a:${s.organiserId}`;
  await tx.insert(boards).values({
    id: s.peoplesChoiceBoardId,
    eventId: s.eventId,
    teamId: null,
    title: "People's choice",
    // As the app makes it: the people's choice is voted on teams, so its board has no columns.
    columns: [],
    position: 1,
  });
  await tx.insert(voteRounds).values({
    id: s.peoplesChoiceRoundId,
    boardId: s.peoplesChoiceBoardId,
    eventId: s.eventId,
    targets: "teams",
    excludeOwnTeam: true,
    dotsPerPerson: 1,
    maxPerTarget: 1,
    shortlistSize: 0,
    createdAt: s.at,
  });
  const dot = (voterKey: string, targetId: string) => ({
    id: randomUUID(),
    roundId: s.peoplesChoiceRoundId,
    voterKey,
    targetId,
    slot: 0,
    placeOnTarget: 0,
    createdAt: s.at + 1000,
  });
  await tx.insert(votes).values([dot(`p:${designer}`, s.parks), dot(staff, s.parks), dot(`p:${resident}`, s.website)]);
  await tx
    .update(voteRounds)
    .set({ status: "revealed", closedAt: s.at + 2000, revealedAt: s.at + 2000 })
    .where(eq(voteRounds.id, s.peoplesChoiceRoundId));
  await tx.insert(presentationRuns).values({
    eventId: s.eventId,
    order: [s.website, s.parks],
    presentSeconds: 240,
    questionsSeconds: 60,
    stage: "finished",
    peoplesChoiceBoardId: s.peoplesChoiceBoardId,
    criteria: { [s.website]: ["People can find things", "It could be built"] },
    updatedAt: s.at,
  });
  await tx.insert(showcases).values({
    teamId: s.parks,
    eventId: s.eventId,
    title: t.showcaseTitle,
    summary: "A café that gets people [into the park](http://evil.example)",
    made: t.showcaseMade,
    learned: "Parents at the school gate are the people to ask.",
    links: [{ title: "Plan", url: "https://example.test/cafe-plan" }],
    nextSteps: "Open on two Saturdays in spring",
    needs: t.showcaseNeeds,
    updatedByKey: `p:${resident}`,
    updatedAt: s.at,
  });
  const reaction = (teamId: string, kind: "clap" | "love" | "idea", reactorKey: string) => ({
    id: randomUUID(),
    eventId: s.eventId,
    teamId,
    kind,
    reactorKey,
    createdAt: s.at,
  });
  await tx
    .insert(presentationReactions)
    .values([
      reaction(s.parks, "clap", `p:${designer}`),
      reaction(s.parks, "clap", `p:${designer}`),
      reaction(s.parks, "clap", staff),
      reaction(s.parks, "idea", `p:${young}`),
      reaction(s.website, "love", `p:${officer}`),
    ]);
  await tx.insert(presentationFeedback).values([
    {
      id: randomUUID(),
      eventId: s.eventId,
      teamId: s.parks,
      authorKey: `p:${designer}`,
      text: t.feedback,
      createdAt: s.at + 100,
    },
    {
      id: randomUUID(),
      eventId: s.eventId,
      teamId: s.parks,
      authorKey: staff,
      text: "Bring this to the parks forum",
      createdAt: s.at + 200,
    },
  ]);
  await tx.insert(presentationJudges).values([
    { eventId: s.eventId, judgeKey: `p:${young}`, createdAt: s.at },
    { eventId: s.eventId, judgeKey: staff, createdAt: s.at + 1 },
  ]);
  const score = (teamId: string, judgeKey: string, criterion: string, value: number) => ({
    eventId: s.eventId,
    teamId,
    judgeKey,
    criterion,
    score: value,
    updatedAt: s.at + 300,
  });
  await tx
    .insert(presentationScores)
    .values([
      score(s.parks, `p:${young}`, t.parksCriterion, 4),
      score(s.parks, staff, t.parksCriterion, 5),
      score(s.website, `p:${young}`, "People can find things", 3),
      score(s.website, staff, "People can find things", 2),
      score(s.website, staff, "It could be built", 4),
    ]);
}
