import { and, count, eq, inArray, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { boards, teamMembers, voteRounds, votes } from "@/db/schema";
import { activeParticipant, personView } from "@/lib/participants/participant-views";
import { watchPresenting } from "@/lib/presentations/presenting-watch";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms } from "@/lib/realtime/constants";
import type { WriteHandler } from "@/lib/realtime/handler";
import { hasRoom } from "./team-rules";
import { findTeam } from "./team-views";

/**
 * Joins a team, or moves to it from another: one tap, "voting with your feet". The count and
 * the write happen in the same transaction (writes are serialised), so capacity holds however
 * many phones tap at once; the primary key (event, participant) makes a second team impossible.
 */
export const joinTeam: WriteHandler<"team:join"> = {
  kind: "write",
  permission: "readEvent",
  async apply(tx, { actor, payload, now }) {
    const me = await activeParticipant(tx, actor);
    const team = await findTeam(tx, actor.eventId, payload.teamId);
    if (!team) throw new CommandFailure("not_found", "That team doesn't exist any more.");
    const fromTeamId = me.teamId;
    if (fromTeamId === team.id) {
      // Already there (a second tab, a double tap): nothing changes, nothing to broadcast.
      return { result: { person: personView(me.participant, team.id), fromTeamId }, broadcasts: [] };
    }
    const [others] = await tx
      .select({ n: count() })
      .from(teamMembers)
      .where(and(eq(teamMembers.teamId, team.id), ne(teamMembers.participantId, me.participant.id)));
    if (!hasRoom(team.capacity, others?.n ?? 0)) throw new CommandFailure("conflict", "That team is full.");
    const presenting = await watchPresenting(tx, actor.eventId);
    await tx
      .insert(teamMembers)
      .values({ eventId: actor.eventId, participantId: me.participant.id, teamId: team.id, joinedAt: now })
      .onConflictDoUpdate({ target: [teamMembers.eventId, teamMembers.participantId], set: { teamId: team.id, joinedAt: now } });
    const withdrawn = await withdrawOwnTeamDots(tx, actor.eventId, me.participant.id, team.id);
    const person = personView(me.participant, team.id);
    return {
      result: { person, fromTeamId, votesWithdrawn: withdrawn.count },
      broadcasts: [
        { room: rooms.teams(actor.eventId), event: "team:membership-changed", data: { person, fromTeamId } },
        ...(await presenting()),
      ],
      signals: withdrawn.rounds.map((r) => ({ kind: "tally" as const, roundId: r.id, room: rooms.votes(r.boardId) })),
    };
  },
};

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
