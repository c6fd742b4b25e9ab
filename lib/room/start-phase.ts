import { randomUUID } from "node:crypto";
import type { Tx } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { CommandFailure } from "@/lib/realtime/command-error";
import { rooms } from "@/lib/realtime/contract";
import type { Broadcast, WriteHandler } from "@/lib/realtime/handler";
import { findPhases } from "./find-phases";
import { changeRoom } from "./room-store";

/** Makes `phaseId` the current phase and invites every phone to notice. */
export async function enterPhase(tx: Tx, actor: Actor, now: number, phaseId: string) {
  const phase = (await findPhases(tx, actor.eventId)).find((p) => p.id === phaseId);
  if (!phase) throw new CommandFailure("not_found", "That phase is no longer on the agenda. Reload to see the current one.");
  const { room, broadcast } = await changeRoom(tx, {
    actor,
    now,
    patch: { phase: { id: phase.id, startedAt: now } },
    change: { what: "phase", text: `started ${phase.name}` },
  });
  const nudge: Broadcast = {
    room: rooms.event(actor.eventId),
    event: "room:nudged",
    data: { nudge: { id: randomUUID(), kind: "phase", title: phase.name, boardId: null, by: actor.name, at: now } },
  };
  return { result: { room }, broadcasts: [broadcast, nudge] };
}

export const startPhase: WriteHandler<"phase:start"> = {
  kind: "write",
  permission: "runRoom",
  apply: (tx, { actor, payload, now }) => enterPhase(tx, actor, now, payload.phaseId),
};
