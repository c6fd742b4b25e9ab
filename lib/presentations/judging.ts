import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { presentationJudges, presentationScores, teams } from "@/db/schema";
import { actorKey } from "@/lib/auth/actor";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms } from "@/lib/realtime/contract";
import type { Broadcast, WriteHandler } from "@/lib/realtime/handler";
import { resultsIfProjected } from "./results";
import { criteriaFromSuccess, criterionRenames } from "./rules";
import { criteriaFor, findJudges, findRun, isJudge, judgeCandidates, presentationTeams, saveRun, teamInEvent } from "./store";

/** A facilitator makes someone in the event a judge: a guest who joined with the code, or staff. */
export const assignJudge: WriteHandler<"judge:assign"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload }) {
    if (payload.judge) {
      const person = (await judgeCandidates(tx, actor.eventId)).find((p) => p.key === payload.personKey);
      if (!person) throw new CommandFailure("not_found", "That person isn't in this event.");
      await tx.insert(presentationJudges).values({ eventId: actor.eventId, judgeKey: person.key }).onConflictDoNothing();
    } else {
      await tx
        .delete(presentationJudges)
        .where(and(eq(presentationJudges.eventId, actor.eventId), eq(presentationJudges.judgeKey, payload.personKey)));
    }
    const judges = await findJudges(tx, actor.eventId);
    return {
      result: { judges },
      broadcasts: [
        {
          room: rooms.presentations(actor.eventId),
          event: "presentation:judges-changed",
          data: { judgeKeys: judges.map((j) => j.key) },
        },
        // A judge's scores count only while they are one.
        ...(await resultsIfProjected(tx, actor.eventId)),
      ],
    };
  },
};

/** A judge scores one criterion of a team (null takes the score back, for an accidental tap). */
export const scoreTeam: WriteHandler<"judge:score"> = {
  kind: "write",
  permission: "writeNote",
  async apply(tx, { actor, payload, now }) {
    const key = actorKey(actor);
    if (!(await isJudge(tx, actor.eventId, key))) throw new CommandFailure("forbidden", "Only judges score the teams.");
    const team = await teamInEvent(tx, actor, payload.teamId);
    const run = await findRun(tx, actor.eventId);
    const criteria = criteriaFor(run, await presentationTeams(tx, actor.eventId))[team.id] ?? [];
    if (!criteria.includes(payload.criterion)) {
      throw new CommandFailure("conflict", "That criterion has changed. Reload to see the current ones.");
    }
    const where = and(
      eq(presentationScores.teamId, team.id),
      eq(presentationScores.judgeKey, key),
      eq(presentationScores.criterion, payload.criterion),
    );
    if (payload.score === null) await tx.delete(presentationScores).where(where);
    else {
      await tx
        .insert(presentationScores)
        .values({
          eventId: actor.eventId,
          teamId: team.id,
          judgeKey: key,
          criterion: payload.criterion,
          score: payload.score,
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: [presentationScores.teamId, presentationScores.judgeKey, presentationScores.criterion],
          set: { score: payload.score, updatedAt: now },
        });
    }
    const rows = await tx
      .select()
      .from(presentationScores)
      .where(and(eq(presentationScores.teamId, team.id), eq(presentationScores.judgeKey, key)));
    const scores = Object.fromEntries(rows.map((r) => [r.criterion, r.score]));
    return {
      result: { scores },
      broadcasts: [
        { room: rooms.presentations(actor.eventId), event: "presentation:scored", data: { teamId: team.id } },
        ...(await resultsIfProjected(tx, actor.eventId)),
      ],
      // A judge scoring on a phone with a tablet open sees the same scores on both.
      signals: [{ kind: "own-scores", eventId: actor.eventId, judgeKey: key, teamId: team.id, scores }],
    };
  },
};

/** The organiser's own criteria for a team, in place of its brief's success lines. */
export const setCriteria: WriteHandler<"criteria:set"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload, now }) {
    const team = await teamInEvent(tx, actor, payload.teamId);
    const criteria = [...new Set(payload.criteria)];
    const run = await findRun(tx, actor.eventId);
    const before = criteriaFor(run, await presentationTeams(tx, actor.eventId))[team.id] ?? [];
    const renamed = await moveScores(tx, team.id, before, criteria, now);
    await saveRun(tx, actor.eventId, { criteria: { ...run.criteria, [team.id]: criteria } }, now);
    return {
      result: { criteria },
      broadcasts: [
        {
          room: rooms.presentations(actor.eventId),
          event: "presentation:criteria-changed",
          data: { teamId: team.id, criteria, renamed },
        },
        ...(await resultsIfProjected(tx, actor.eventId)),
      ],
    };
  },
};

/** Scores given under a criterion whose wording was fixed move with it (criterionRenames); returns the renames. */
async function moveScores(tx: Tx, teamId: string, before: readonly string[], after: readonly string[], now: number) {
  const renamed = criterionRenames(before, after);
  for (const [from, to] of renamed) {
    const ofTeam = (criterion: string) => and(eq(presentationScores.teamId, teamId), eq(presentationScores.criterion, criterion));
    // Scores left under the new wording by an earlier edit stopped counting then; these replace them.
    await tx.delete(presentationScores).where(ofTeam(to));
    await tx.update(presentationScores).set({ criterion: to, updatedAt: now }).where(ofTeam(from));
  }
  return renamed;
}

/**
 * An organiser edited a brief's "what success looks like": the teams on it judged by those lines
 * (not by criteria of their own) are judged by the new ones on every screen, judges' phones
 * included, and scores under a line whose wording was fixed move with it.
 */
export async function followSuccessLines(
  tx: Tx,
  eventId: string,
  briefId: string,
  change: { before: string; after: string },
  now: number,
): Promise<Broadcast[]> {
  const before = criteriaFromSuccess(change.before);
  const after = criteriaFromSuccess(change.after);
  if (before.join("\n") === after.join("\n")) return [];
  const run = await findRun(tx, eventId);
  const onBrief = (
    await tx
      .select({ id: teams.id })
      .from(teams)
      .where(and(eq(teams.eventId, eventId), eq(teams.briefId, briefId)))
  ).filter((t) => !run.criteria[t.id]);
  if (onBrief.length === 0) return [];
  const broadcasts: Broadcast[] = [];
  for (const team of onBrief) {
    const renamed = await moveScores(tx, team.id, before, after, now);
    broadcasts.push({
      room: rooms.presentations(eventId),
      event: "presentation:criteria-changed",
      data: { teamId: team.id, criteria: after, renamed },
    });
  }
  return [...broadcasts, ...(await resultsIfProjected(tx, eventId))];
}
