import { and, count, eq, inArray, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { boards, type participants, teamMembers, voteRounds, votes } from "@/db/schema";
import { joinNumberOf } from "@/lib/participants/join-number";
import { personView } from "@/lib/participants/participant-views";
import { watchPresenting } from "@/lib/presentations/presenting-watch";
import { rooms } from "@/lib/realtime/constants";
import type { PersonView, TeamView } from "@/lib/realtime/contract-teams";
import type { Broadcast, Signal } from "@/lib/realtime/handler";

type Placed = {
  result: { person: PersonView; fromTeamId: string | null; votesWithdrawn?: number };
  broadcasts: Broadcast[];
  signals?: Signal[];
};

/**
 * The one way a person's team changes, whoever asks: their own tap (join, move, leave) or a
 * facilitator's move. `team` null takes them out of their team. `admit` is given the team's
 * headcount besides this person and throws to refuse, so each caller applies its own capacity
 * rule; the count and the write happen in the caller's transaction (writes are serialised), so
 * capacity holds however many phones tap at once. The primary key (event, participant) makes a
 * second team impossible. Every screen hears the change as one `team:membership-changed`.
 */
export async function placeInTeam(
  tx: Tx,
  input: {
    eventId: string;
    person: { participant: typeof participants.$inferSelect; teamId: string | null };
    team: TeamView | null;
    now: number;
    admit: (headcount: number) => void;
  },
): Promise<Placed> {
  const { eventId, person: found, team, now } = input;
  const participantId = found.participant.id;
  const fromTeamId = found.teamId;
  const toTeamId = team?.id ?? null;
  const person = personView(found.participant, toTeamId, await joinNumberOf(tx, found.participant));
  if (fromTeamId === toTeamId) {
    // Already there (a second tab, a double tap, two facilitators at once): nothing changes, nothing to broadcast.
    return { result: { person, fromTeamId }, broadcasts: [] };
  }
  if (team) {
    const [others] = await tx
      .select({ n: count() })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, team.id), ne(teamMembers.participantId, participantId)));
    input.admit(others?.n ?? 0);
  }
  const presenting = await watchPresenting(tx, eventId);
  if (team) {
    await tx
      .insert(teamMembers)
      .values({ eventId, participantId, teamId: team.id, joinedAt: now })
      .onConflictDoUpdate({ target: [teamMembers.eventId, teamMembers.participantId], set: { teamId: team.id, joinedAt: now } });
  } else {
    await tx.delete(teamMembers).where(and(eq(teamMembers.eventId, eventId), eq(teamMembers.participantId, participantId)));
  }
  const withdrawn = team ? await withdrawOwnTeamDots(tx, eventId, participantId, team.id) : { count: 0, rounds: [] };
  return {
    result: { person, fromTeamId, ...(team ? { votesWithdrawn: withdrawn.count } : {}) },
    broadcasts: [
      { room: rooms.teams(eventId), event: "team:membership-changed", data: { person, fromTeamId } },
      ...(await presenting()),
    ],
    signals: withdrawn.rounds.map((r) => ({ kind: "tally" as const, roundId: r.id, room: rooms.votes(r.boardId) })),
  };
}

/**
 * The own-team rule, kept in time: joining a team takes back this person's people's-choice dots
 * on it (in any round that excludes your own team), and the phone tells them. Moving team is
 * never refused over a dot: people "vote with their feet" and may move at any time, and a dot
 * for your own team is exactly what the rule forbids, whenever it was placed. In an open round
 * they can place the dot again elsewhere. It also keeps the database in the state its trigger
 * (votes_not_for_own_team) and the importer expect.
 */
async function withdrawOwnTeamDots(tx: Tx, eventId: string, participantId: string, teamId: string) {
  const rounds = await tx
    .select({ id: voteRounds.id, boardId: voteRounds.boardId })
    .from(voteRounds)
    .innerJoin(boards, eq(boards.id, voteRounds.boardId))
    .where(and(eq(boards.eventId, eventId), eq(voteRounds.excludeOwnTeam, true)));
  if (rounds.length === 0) return { count: 0, rounds: [] };
  const gone = await tx
    .delete(votes)
    .where(
      and(
        inArray(
          votes.roundId,
          rounds.map((r) => r.id),
        ),
        eq(votes.voterKey, `p:${participantId}`),
        eq(votes.targetId, teamId),
      ),
    )
    .returning({ roundId: votes.roundId });
  const touched = new Set(gone.map((g) => g.roundId));
  return { count: gone.length, rounds: rounds.filter((r) => touched.has(r.id)) };
}
