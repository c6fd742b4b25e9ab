/**
 * A weekend that has happened: briefs, people with profiles (some consenting to contact), teams
 * with a reframed brief, boards with notes and groups, and a closed vote round with a
 * shortlist. Written straight into the database, for integration and browser tests of what
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
      skills: ["knowing the area", "talking to people"],
      contactConsent: true,
      contact: t.consentingContact,
    }),
    person(t.privateName, {
      kind: "council_officer",
      skills: ["spreadsheets"],
      contactConsent: false,
      contact: t.privateContact,
      accessNeeds: "step-free",
    }),
    person("Designer from Kennington", {
      kind: "designer",
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
      authorName: t.consentingName,
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
    await tx
      .update(events)
      .set({ goals: ["Less talking, more doing"] })
      .where(eq(events.id, event.id));
  });
  return { event: { ...event, name }, ids, people, boardId, noteIds, roundId };
}
