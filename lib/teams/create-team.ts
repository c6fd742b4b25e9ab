import { randomUUID } from "node:crypto";
import { and, eq, max } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { briefs, teams } from "@/db/schema";
import { CommandFailure } from "@/lib/realtime/command-error";
import type { TeamView } from "@/lib/realtime/contract-teams";
import type { WriteHandler } from "@/lib/realtime/handler";
import { refuseTakenTeamName, teamBroadcasts } from "./team-views";

/** Inserts a team at the end of the event's list. Shared by create, split and ensureTeamsForBriefs. */
export async function insertTeam(
  tx: Tx,
  input: { eventId: string; name: string; briefId: string | null; capacity: number | null; now: number },
): Promise<TeamView> {
  let briefTitle: string | null = null;
  if (input.briefId) {
    const [brief] = await tx
      .select({ title: briefs.title })
      .from(briefs)
      .where(and(eq(briefs.id, input.briefId), eq(briefs.eventId, input.eventId)));
    if (!brief) throw new CommandFailure("not_found", "That brief doesn't exist in this event.");
    briefTitle = brief.title;
  }
  const [last] = await tx
    .select({ position: max(teams.position) })
    .from(teams)
    .where(eq(teams.eventId, input.eventId));
  const team = {
    id: randomUUID(),
    eventId: input.eventId,
    name: input.name,
    briefId: input.briefId,
    capacity: input.capacity,
    position: (last?.position ?? -1) + 1,
    createdAt: input.now,
  };
  await tx.insert(teams).values(team);
  return { id: team.id, name: team.name, briefId: team.briefId, briefTitle, capacity: team.capacity, position: team.position };
}

export const createTeam: WriteHandler<"team:create"> = {
  kind: "write",
  permission: "manageTeams",
  async apply(tx, { actor, payload, now }) {
    await refuseTakenTeamName(tx, actor.eventId, payload.name);
    const team = await insertTeam(tx, { eventId: actor.eventId, ...payload, now });
    return { result: { team }, broadcasts: teamBroadcasts(actor.eventId, "team:created", team) };
  },
};
