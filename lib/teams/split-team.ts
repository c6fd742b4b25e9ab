import { eq } from "drizzle-orm";
import { teams } from "@/db/schema";
import { resultsIfProjected } from "@/lib/presentations/results";
import { CommandFailure } from "@/lib/realtime/command-error";
import type { WriteHandler } from "@/lib/realtime/handler";
import { insertTeam } from "./create-team";
import { splitNames } from "./team-rules";
import { findTeams, teamBroadcasts } from "./team-views";

/**
 * "Divide and conquer": a second team on the same brief, with the same capacity. Everyone stays
 * where they are; people move across with one tap, as they would between any teams.
 */
export const splitTeam: WriteHandler<"team:split"> = {
  kind: "write",
  permission: "manageTeams",
  async apply(tx, { actor, payload, now }) {
    const all = await findTeams(tx, actor.eventId);
    const team = all.find((t) => t.id === payload.teamId);
    if (!team) throw new CommandFailure("not_found", "That team doesn't exist any more.");
    const names = splitNames(
      team.name,
      all.map((t) => t.name),
    );
    await tx.update(teams).set({ name: names.original }).where(eq(teams.id, team.id));
    const original = { ...team, name: names.original };
    const added = await insertTeam(tx, {
      eventId: actor.eventId,
      name: names.added,
      briefId: team.briefId,
      capacity: team.capacity,
      now,
    });
    return {
      result: { teams: [original, added] },
      broadcasts: [
        ...teamBroadcasts(actor.eventId, "team:updated", original),
        ...teamBroadcasts(actor.eventId, "team:created", added),
        // The original is renamed ("Parks 1"): projected results say so.
        ...(await resultsIfProjected(tx, actor.eventId)),
      ],
    };
  },
};
