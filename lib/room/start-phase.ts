import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { boards } from "@/db/schema";
import { says } from "@/lib/activity/activity-message";
import { type Actor, staffSignature } from "@/lib/auth/actor";
import { withTitleKey } from "@/lib/boards/template-marks";
import { CommandFailure } from "@/lib/realtime/command-error";
import { type NudgeView, rooms } from "@/lib/realtime/contract";
import type { Broadcast, WriteHandler } from "@/lib/realtime/handler";
import { findPhases } from "./find-phases";
import { phaseDestination } from "./nudges";
import { changeRoom, readRoom } from "./room-store";

/** Makes `phaseId` the current phase and invites every phone to notice. */
export async function enterPhase(tx: Tx, actor: Actor, now: number, phaseId: string) {
  const phase = (await findPhases(tx, actor.eventId)).find((p) => p.id === phaseId);
  if (!phase) throw new CommandFailure("not_found", "That phase is no longer on the agenda. Reload to see the current one.");
  const before = await readRoom(tx, actor.eventId);
  const shown = "boardId" in before.wall ? before.wall.boardId : null;
  const onWall = shown
    ? (
        await tx
          .select({ id: boards.id, title: boards.title, template: boards.template })
          .from(boards)
          .where(and(eq(boards.id, shown), eq(boards.eventId, actor.eventId)))
      ).map((b) => ({ ...b, ...withTitleKey(b) }))
    : [];
  const nudge: NudgeView = {
    id: randomUUID(),
    kind: "phase",
    title: phase.name,
    ...phaseDestination(before.wall, onWall),
    by: staffSignature(actor),
    at: now,
  };
  const { room, broadcasts } = await changeRoom(tx, {
    actor,
    now,
    patch: { phase: { id: phase.id, startedAt: now }, nudge },
    change: { what: "phase", said: says.phaseStarted(phase.name) },
  });
  const nudged: Broadcast = { room: rooms.event(actor.eventId), event: "room:nudged", data: { nudge } };
  return { result: { room }, broadcasts: [...broadcasts, nudged] };
}

export const startPhase: WriteHandler<"phase:start"> = {
  kind: "write",
  permission: "runRoom",
  apply: (tx, { actor, payload, now }) => enterPhase(tx, actor, now, payload.phaseId),
};
