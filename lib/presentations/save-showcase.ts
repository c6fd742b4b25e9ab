import { and, eq, inArray } from "drizzle-orm";
import { showcaseImages, showcases } from "@/db/schema";
import { actorKey, isStaff } from "@/lib/auth/actor";
import { teamOf } from "@/lib/boards/board-access";
import { namesByKey } from "@/lib/participants/names";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms } from "@/lib/realtime/contract";
import type { WriteHandler } from "@/lib/realtime/handler";
import { resultsIfProjected } from "./results";
import { presentationTeams, showcaseView, teamInEvent } from "./store";

/**
 * Saves what a team member changed, field by field, as they type: two people editing different
 * fields never undo each other, and the last keystroke on one field wins.
 */
export const saveShowcase: WriteHandler<"showcase:save"> = {
  kind: "write",
  permission: "writeNote",
  async apply(tx, { actor, payload, now }) {
    const team = await teamInEvent(tx, actor, payload.teamId);
    if (!isStaff(actor) && (await teamOf(tx, actor)) !== team.id) {
      throw new CommandFailure("forbidden", "Only members of this team can edit its showcase.");
    }
    const fields = { ...payload.fields };
    // Links are kept as sent, blank rows too: a row just added on a phone must not vanish before it is typed in.
    if (fields.imageIds) {
      const ids = [...new Set(fields.imageIds)];
      const known = ids.length
        ? await tx
            .select({ id: showcaseImages.id })
            .from(showcaseImages)
            .where(and(eq(showcaseImages.teamId, team.id), inArray(showcaseImages.id, ids)))
        : [];
      if (known.length !== ids.length) throw new CommandFailure("not_found", "One of those images isn't this team's.");
      fields.imageIds = ids;
    }
    const [row] = await tx
      .insert(showcases)
      .values({ teamId: team.id, eventId: actor.eventId, ...fields, updatedByKey: actorKey(actor), updatedAt: now })
      .onConflictDoUpdate({ target: showcases.teamId, set: { ...fields, updatedByKey: actorKey(actor), updatedAt: now } })
      .returning();
    const info = (await presentationTeams(tx, actor.eventId)).find((t) => t.id === team.id);
    const nameOf = await namesByKey(tx, actor.eventId, [row?.updatedByKey ?? null], "room");
    const showcase = showcaseView(team.id, row, info?.owner ?? "", nameOf);
    return {
      result: { showcase },
      broadcasts: [
        { room: rooms.presentations(actor.eventId), event: "showcase:changed", data: { showcase } },
        ...(await resultsIfProjected(tx, actor.eventId)),
      ],
    };
  },
};
