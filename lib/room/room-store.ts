import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { accounts, eventPhases, roomStates } from "@/db/schema";
import { type Said, says } from "@/lib/activity/activity-message";
import { logActivity } from "@/lib/activity/log-activity";
import { type Actor, actorKey, staffSignature, unsignedAs } from "@/lib/auth/actor";
import { CommandFailure } from "@/lib/realtime/command-error";
import {
  type NudgeView,
  type PhaseView,
  type RoomChange,
  type RoomChanges,
  type RoomView,
  rooms,
  type Wall,
} from "@/lib/realtime/contract";
import type { Broadcast } from "@/lib/realtime/handler";
import { mayControlRoom, replaces } from "./lead";
import { freshNudge } from "./nudges";
import { idleTimer, type TimerState } from "./timer";

type Row = typeof roomStates.$inferSelect;

const defaultWall: Wall = { kind: "join" };

function timerOf(row: Row | undefined): TimerState {
  if (!row) return idleTimer();
  return {
    status: row.timerStatus,
    durationMs: row.timerDurationMs,
    endsAt: row.timerStatus === "running" ? row.timerEndsAt : null,
    remainingMs: row.timerRemainingMs,
  };
}

const phaseView = (p: typeof eventPhases.$inferSelect): PhaseView => ({
  id: p.id,
  name: p.name,
  startsAt: p.startsAt,
  endsAt: p.endsAt,
});

/** The latest nudge, while it is fresh enough to still be an invitation. */
export async function readNudge(db: Db | Tx, eventId: string, now: number): Promise<NudgeView | null> {
  const [row] = await db.select({ nudge: roomStates.nudge }).from(roomStates).where(eq(roomStates.eventId, eventId));
  return freshNudge(row?.nudge ?? null, now);
}

/** The last change of each kind; a room changed before they were kept has only its latest, of its own kind. */
function changesOf(row: Pick<Row, "changes" | "lastChange"> | undefined): RoomChanges {
  if (row?.changes) return row.changes as RoomChanges;
  const last = (row?.lastChange ?? null) as RoomChange | null;
  return last ? { [last.what]: last } : {};
}

/** The room as every screen sees it. An event nobody has run yet: no phase, 5:00 timer, join wall. */
export async function readRoom(db: Db | Tx, eventId: string): Promise<RoomView> {
  const [row] = await db.select().from(roomStates).where(eq(roomStates.eventId, eventId));
  const [phase] = row?.currentPhaseId ? await db.select().from(eventPhases).where(eq(eventPhases.id, row.currentPhaseId)) : [];
  return {
    phase: phase ? phaseView(phase) : null,
    phaseStartedAt: phase ? (row?.phaseStartedAt ?? null) : null,
    timer: timerOf(row),
    wall: (row?.wall as Wall | null) ?? defaultWall,
    lastChange: row?.lastChange ? (row.lastChange as RoomChange) : null,
    changes: changesOf(row),
  };
}

export type RoomPatch = {
  phase?: { id: string; startedAt: number };
  /** The invitation sent to phones with this change, kept for phones that connect later. */
  nudge?: NudgeView;
  timer?: TimerState;
  wall?: Wall;
};

/** Who leads the room and whether they have locked its controls. */
export async function readLead(db: Db | Tx, eventId: string) {
  const [row] = await db
    .select({ leadAccountId: roomStates.leadAccountId, controlsLocked: roomStates.controlsLocked })
    .from(roomStates)
    .where(eq(roomStates.eventId, eventId));
  return { leadAccountId: row?.leadAccountId ?? null, controlsLocked: row?.controlsLocked ?? false };
}

/** Refuses a change of phase, timer or wall by anyone but the lead while the lead has locked them. */
export async function assertMayControlRoom(tx: Tx, actor: Actor) {
  if (actor.kind !== "staff") return;
  const lead = await readLead(tx, actor.eventId);
  if (mayControlRoom(lead, actor)) return;
  const [who] = lead.leadAccountId
    ? await tx.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, lead.leadAccountId))
    : [];
  const locked =
    "leads and has locked the room controls: only they change phases, the timer and the big screen. Boards and moderation are still yours. Ask them to unlock or to hand you the lead.";
  // A lead whose account is gone has no name to give: a sentence of its own, so each language says it whole.
  throw new CommandFailure("forbidden", who ? `${who.name} ${locked}` : `The lead facilitator ${locked}`);
}

/**
 * Writes a change to the room, recording who made it (and whose recent change of the same kind it
 * replaced, whatever else was changed in between), and returns the new room with its broadcasts:
 * the room to everyone, the log line to staff.
 */
export async function changeRoom(
  tx: Tx,
  input: { actor: Actor; now: number; patch: RoomPatch; change: { what: RoomChange["what"]; said: Said } },
): Promise<{ room: RoomView; broadcasts: Broadcast[] }> {
  const { actor, now, patch } = input;
  await assertMayControlRoom(tx, actor);
  const [previous] = await tx
    .select({ lastChange: roomStates.lastChange, changes: roomStates.changes })
    .from(roomStates)
    .where(eq(roomStates.eventId, actor.eventId));
  const { what, said } = input.change;
  const changes = changesOf(previous);
  const before = changes[what] ?? null;
  const byKey = actorKey(actor);
  const replaced = before && replaces(before, { what, byKey, at: now }) ? before : null;
  const unsigned = unsignedAs(actor);
  const lastChange: RoomChange = {
    what,
    text: said.text,
    message: said.message,
    by: staffSignature(actor),
    ...(unsigned ? { unsigned } : {}),
    byKey,
    at: now,
    replaced: replaced
      ? {
          by: replaced.by,
          ...(replaced.unsigned ? { unsigned: replaced.unsigned } : {}),
          text: replaced.text,
          message: replaced.message ?? null,
          at: replaced.at,
        }
      : null,
  };
  const set: Partial<typeof roomStates.$inferInsert> = {
    lastChange,
    changes: { ...changes, [what]: lastChange },
    updatedAt: now,
  };
  if (patch.phase) {
    set.currentPhaseId = patch.phase.id;
    set.phaseStartedAt = patch.phase.startedAt;
  }
  if (patch.timer) {
    set.timerStatus = patch.timer.status;
    set.timerDurationMs = patch.timer.durationMs;
    set.timerEndsAt = patch.timer.endsAt;
    set.timerRemainingMs = patch.timer.remainingMs;
  }
  if (patch.wall) set.wall = patch.wall;
  if (patch.nudge) set.nudge = patch.nudge;
  await tx
    .insert(roomStates)
    .values({ eventId: actor.eventId, ...set })
    .onConflictDoUpdate({ target: roomStates.eventId, set });
  const room = await readRoom(tx, actor.eventId);
  const logged = await logActivity(tx, { actor, now, kind: what, said: replaced ? says.replacing(said, replaced) : said });
  return { room, broadcasts: [{ room: rooms.event(actor.eventId), event: "room:changed", data: { room } }, logged] };
}

/** Invites every phone somewhere (kept for phones that connect later) without changing the room. */
export async function nudgePhones(tx: Tx, eventId: string, nudge: NudgeView, now: number): Promise<Broadcast> {
  await tx
    .insert(roomStates)
    .values({ eventId, nudge, updatedAt: now })
    .onConflictDoUpdate({ target: roomStates.eventId, set: { nudge, updatedAt: now } });
  return { room: rooms.event(eventId), event: "room:nudged", data: { nudge } };
}
