import { and, asc, eq, isNotNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { briefs, teams } from "@/db/schema";
import type { TeamView } from "@/lib/realtime/contract-teams";
import type { Broadcast } from "@/lib/realtime/handler";
import { insertTeam } from "./create-team";
import { distinctTeamName } from "./team-rules";
import { teamBroadcasts, teamNames } from "./team-views";

/**
 * One team per published brief, by default: creates a team (named after the brief, no capacity)
 * for each published brief of the event that has no team yet. Idempotent: a brief that already
 * has a team, or was split into several, is left alone; withdrawn and draft briefs get none.
 *
 * Call it in the transaction that publishes a brief. The returned broadcasts are unsequenced:
 * a command handler returns them as its own; a server action sequences them with
 * `sequenceBroadcasts(tx, broadcasts)` inside the same transaction and emits the result after
 * commit with `sharedRealtime()?.emitBroadcasts(…)`.
 */
export async function ensureTeamsForBriefs(
  tx: Tx,
  eventId: string,
  now = Date.now(),
): Promise<{ created: TeamView[]; broadcasts: Broadcast[] }> {
  const published = await tx
    .select({ id: briefs.id, title: briefs.title })
    .from(briefs)
    .where(and(eq(briefs.eventId, eventId), eq(briefs.status, "published")))
    .orderBy(asc(briefs.position), asc(briefs.createdAt));
  const withTeam = new Set(
    (
      await tx
        .select({ briefId: teams.briefId })
        .from(teams)
        .where(and(eq(teams.eventId, eventId), isNotNull(teams.briefId)))
    ).map((t) => t.briefId),
  );
  const created: TeamView[] = [];
  // Named after the brief, unless a team already reads so (one made by hand, or a brief of the same title).
  const names = (await teamNames(tx, eventId)).map((t) => t.name);
  for (const brief of published) {
    if (withTeam.has(brief.id)) continue;
    const name = distinctTeamName(brief.title.slice(0, 60), names);
    names.push(name);
    created.push(await insertTeam(tx, { eventId, name, briefId: brief.id, capacity: null, now }));
  }
  return {
    created,
    broadcasts: created.flatMap((team) => teamBroadcasts(eventId, "team:created", team)),
  };
}
