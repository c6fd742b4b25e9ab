import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { presentationFeedback, presentationReactions } from "@/db/schema";
import { actorKey } from "@/lib/auth/actor";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms } from "@/lib/realtime/contract";
import type { WriteHandler } from "@/lib/realtime/handler";
import { maxReactionsPerPerson } from "./rules";
import { feedbackViews, reactionCounts, teamInEvent } from "./store";

/**
 * Taps of appreciation (as many as the phone folded into this command, up to what is left of the
 * person's cheers for the team): counted, and the team's new counts go to every screen batched,
 * a few times a second whatever the room's applause (the socket layer's `cheers`).
 */
export const react: WriteHandler<"presentation:react"> = {
  kind: "write",
  permission: "writeNote",
  async apply(tx, { actor, payload, now }) {
    const team = await teamInEvent(tx, actor, payload.teamId);
    const key = actorKey(actor);
    const [mine] = await tx
      .select({ n: count() })
      .from(presentationReactions)
      .where(and(eq(presentationReactions.teamId, team.id), eq(presentationReactions.reactorKey, key)));
    const taps = Math.min(payload.times, maxReactionsPerPerson - Number(mine?.n ?? 0));
    if (taps <= 0) {
      throw new CommandFailure("conflict", `That's ${maxReactionsPerPerson} cheers from you for this team: thank you!`);
    }
    await tx.insert(presentationReactions).values(
      Array.from({ length: taps }, () => ({
        id: randomUUID(),
        eventId: actor.eventId,
        teamId: team.id,
        kind: payload.kind,
        reactorKey: key,
        createdAt: now,
      })),
    );
    const counts = (await reactionCounts(tx, actor.eventId, team.id))[team.id] ?? {};
    return {
      result: { counts },
      broadcasts: [],
      signals: [{ kind: "cheers", eventId: actor.eventId, teamId: team.id, room: rooms.presentations(actor.eventId) }],
    };
  },
};

/**
 * Written feedback to a team, kept for the team and the organisers' record: the room hears only
 * that the team was given some (their screens and the staff's read it from their snapshot).
 */
export const giveFeedback: WriteHandler<"presentation:feedback"> = {
  kind: "write",
  permission: "writeNote",
  async apply(tx, { actor, payload, now }) {
    const team = await teamInEvent(tx, actor, payload.teamId);
    const feedback = {
      id: randomUUID(),
      eventId: actor.eventId,
      teamId: team.id,
      authorKey: actorKey(actor),
      text: payload.text,
      createdAt: now,
    };
    await tx.insert(presentationFeedback).values(feedback);
    const [view] = await feedbackViews(tx, actor.eventId, [feedback]);
    if (!view) throw new Error("feedback not named");
    return {
      result: { feedback: view },
      broadcasts: [{ room: rooms.presentations(actor.eventId), event: "presentation:feedback-given", data: { teamId: team.id } }],
    };
  },
};
