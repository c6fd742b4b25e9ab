import { count, eq } from "drizzle-orm";
import { teamMembers, teams } from "@/db/schema";
import { resultsIfProjected } from "@/lib/presentations/results";
import { CommandFailure } from "@/lib/realtime/command-error";
import type { WriteHandler } from "@/lib/realtime/handler";
import { capacityProblem } from "./team-rules";
import { findTeam, refuseTakenTeamName, teamBroadcasts } from "./team-views";

/** Renames a team or changes its capacity (null: no limit). */
export const updateTeam: WriteHandler<"team:update"> = {
  kind: "write",
  permission: "manageTeams",
  async apply(tx, { actor, payload }) {
    const team = await findTeam(tx, actor.eventId, payload.teamId);
    if (!team) throw new CommandFailure("not_found", "That team doesn't exist any more.");
    if (payload.name !== undefined) await refuseTakenTeamName(tx, actor.eventId, payload.name, team.id);
    if (payload.capacity !== undefined) {
      const [members] = await tx.select({ n: count() }).from(teamMembers).where(eq(teamMembers.teamId, team.id));
      const problem = capacityProblem(payload.capacity, members?.n ?? 0);
      if (problem) throw new CommandFailure("conflict", problem, [{ path: "capacity", message: problem }]);
    }
    const changes = {
      ...(payload.name !== undefined ? { name: payload.name } : {}),
      ...(payload.capacity !== undefined ? { capacity: payload.capacity } : {}),
    };
    await tx.update(teams).set(changes).where(eq(teams.id, team.id));
    const updated = { ...team, ...changes };
    return {
      result: { team: updated },
      broadcasts: [
        ...teamBroadcasts(actor.eventId, "team:updated", updated),
        // Results on the big screen and phones carry the names they were drawn with: sent again, renamed.
        ...(payload.name !== undefined ? await resultsIfProjected(tx, actor.eventId) : []),
      ],
    };
  },
};
