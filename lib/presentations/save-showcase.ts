import { and, eq, inArray } from "drizzle-orm";
import { showcaseImages, showcases } from "@/db/schema";
import { actorKey, isStaff } from "@/lib/auth/actor";
import { teamOf } from "@/lib/boards/board-access";
import { namesByKey } from "@/lib/participants/names";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms } from "@/lib/realtime/contract";
import type { WriteHandler } from "@/lib/realtime/handler";
import type { ShowcaseFields } from "./draft";
import { resultsIfProjected } from "./results";
import { showcaseChanges } from "./showcase-changes";
import { presentationTeams, showcaseView, teamInEvent } from "./store";

/**
 * Saves what a team member changed, field by field, as they type: two people editing different
 * fields never undo each other, and the last keystroke on one field wins. The room is sent only
 * the fields saved (a save is a few keystrokes, the showcase up to four long texts and eight
 * links), and the editor only that it was saved: it already holds what it typed.
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
    if (!row) throw new Error("showcase not saved");
    const written = Object.keys(payload.fields) as (keyof ShowcaseFields)[];
    // Only a cleared "who takes it forward" shows the brief's owner instead.
    const owner = written.includes("takenForwardBy")
      ? ((await presentationTeams(tx, actor.eventId)).find((t) => t.id === team.id)?.owner ?? "")
      : "";
    const nameOf = await namesByKey(tx, actor.eventId, [row.updatedByKey], "room");
    const showcase = showcaseView(team.id, row, owner, nameOf);
    const change = {
      teamId: team.id,
      changes: showcaseChanges(showcase, written),
      updatedAt: now,
      updatedBy: showcase.updatedBy,
    };
    return {
      result: { teamId: team.id, updatedAt: now },
      broadcasts: [
        { room: rooms.presentations(actor.eventId), event: "showcase:changed", data: change },
        // The projected results are named by showcase titles: only a new title moves them.
        ...(written.includes("title") ? await resultsIfProjected(tx, actor.eventId) : []),
      ],
    };
  },
};
