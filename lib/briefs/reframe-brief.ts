import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { briefReframes, briefs, teamMembers, teams } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { canReframe } from "./reframe-rules";

/**
 * Errors a reframe can end in:
 * - `brief_not_found`: no such brief in the actor's event.
 * - `no_team`: a participant who is not in a team working on this brief (or staff who named no team).
 * - `not_allowed`: the named team does not work on this brief, or the actor may not speak for it.
 */
export type ReframeError = "brief_not_found" | "no_team" | "not_allowed";

/**
 * "Tear up the brief": records a team's reframed problem statement. A participant speaks for
 * their own team; staff name the team. Nothing is overwritten: each reframe is a new row.
 */
export async function reframeBrief(
  tx: Tx,
  input: { actor: Actor; briefId: string; teamId?: string; text: string; now?: number },
): Promise<{ ok: true; id: string; teamId: string } | { ok: false; error: ReframeError }> {
  const { actor } = input;
  const [brief] = await tx
    .select({ id: briefs.id })
    .from(briefs)
    .where(and(eq(briefs.id, input.briefId), eq(briefs.eventId, actor.eventId)));
  if (!brief) return { ok: false, error: "brief_not_found" };

  let teamId = input.teamId;
  let isMember = false;
  if (actor.kind === "participant") {
    const [membership] = await tx
      .select({ teamId: teamMembers.teamId })
      .from(teamMembers)
      .where(and(eq(teamMembers.eventId, actor.eventId), eq(teamMembers.participantId, actor.participantId)));
    if (!membership) return { ok: false, error: "no_team" };
    // A participant speaks only for the team they are in, whatever the form said.
    teamId = membership.teamId;
    isMember = true;
  }
  if (!teamId) return { ok: false, error: "no_team" };
  const [team] = await tx.select({ eventId: teams.eventId, briefId: teams.briefId }).from(teams).where(eq(teams.id, teamId));
  if (!team) return { ok: false, error: actor.kind === "participant" ? "no_team" : "not_allowed" };
  if (!canReframe({ actor, briefId: brief.id, team, isMember })) {
    return { ok: false, error: actor.kind === "participant" ? "no_team" : "not_allowed" };
  }

  const id = randomUUID();
  await tx.insert(briefReframes).values({
    id,
    eventId: actor.eventId,
    briefId: brief.id,
    teamId,
    authorParticipantId: actor.kind === "participant" ? actor.participantId : null,
    authorAccountId: actor.kind === "staff" ? actor.accountId : null,
    text: input.text,
    ...(input.now ? { createdAt: input.now } : {}),
  });
  return { ok: true, id, teamId };
}
