import { and, asc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { accounts, eventStaff, roomStates } from "@/db/schema";
import { clearAnnouncement, reshowAnnouncement } from "@/lib/announcements/send-announcement";
import type { Actor } from "@/lib/auth/actor";
import { CommandFailure } from "@/lib/realtime/command-error";
import { type LeadView, rooms, type StaffMember, type staffCommandSchemas } from "@/lib/realtime/contract";
import type { HandlerTable, ReadHandler, WriteHandler } from "@/lib/realtime/handler";
import { seqQuery, sequenceBroadcasts } from "@/lib/realtime/sequence";
import { mayHandLead, mayLockControls } from "@/lib/room/lead";
import { readLead } from "@/lib/room/room-store";
import { says } from "./activity-message";
import { findActivity, logActivity } from "./log-activity";
import { consoleLogLength } from "./staff-state";

async function leadView(db: Db | Tx, eventId: string): Promise<LeadView> {
  const { leadAccountId, controlsLocked } = await readLead(db, eventId);
  const [who] = leadAccountId
    ? await db.select({ name: accounts.name }).from(accounts).where(eq(accounts.id, leadAccountId))
    : [];
  return { lead: leadAccountId && who ? { accountId: leadAccountId, name: who.name } : null, controlsLocked };
}

/**
 * For a change to the event's staff made outside a command (an invitation accepted, a removal):
 * the staff room's new list, numbered in the same transaction; emit it after commit.
 * A lead who left the staff leads no more, and their lock goes with them.
 */
export async function staffChanged(tx: Tx, eventId: string) {
  const staff = await findStaff(tx, eventId);
  const { leadAccountId } = await readLead(tx, eventId);
  if (leadAccountId && !staff.some((s) => s.accountId === leadAccountId)) {
    await tx.update(roomStates).set({ leadAccountId: null, controlsLocked: false }).where(eq(roomStates.eventId, eventId));
  }
  const lead = await leadView(tx, eventId);
  return sequenceBroadcasts(tx, [{ room: rooms.staff(eventId), event: "staff:changed", data: { staff, lead } }]);
}

async function findStaff(db: Db | Tx, eventId: string): Promise<StaffMember[]> {
  return db
    .select({ accountId: eventStaff.accountId, name: accounts.name, role: eventStaff.role })
    .from(eventStaff)
    .innerJoin(accounts, eq(accounts.id, eventStaff.accountId))
    .where(eq(eventStaff.eventId, eventId))
    .orderBy(asc(eventStaff.createdAt));
}

const staffOnly = (actor: Actor) => {
  if (actor.kind !== "staff") throw new CommandFailure("forbidden", "Only a facilitator or organiser can do that.");
  return actor;
};

export const staffSnapshot: ReadHandler<"staff:snapshot"> = {
  kind: "read",
  permission: "runRoom",
  async read(db, { actor }, socket) {
    const staff = staffOnly(actor);
    socket.join(rooms.staff(actor.eventId));
    const r = db.read;
    const [seqRows] = await r.batch([seqQuery(r, rooms.staff(actor.eventId))]);
    return {
      result: {
        seq: seqRows[0]?.seq ?? 0,
        log: await findActivity(r, actor.eventId, { limit: consoleLogLength }),
        lead: await leadView(r, actor.eventId),
        staff: await findStaff(r, actor.eventId),
        me: { accountId: staff.accountId },
      },
    };
  },
};

async function writeLead(tx: Tx, eventId: string, set: { leadAccountId?: string; controlsLocked?: boolean }, now: number) {
  await tx
    .insert(roomStates)
    .values({ eventId, ...set, updatedAt: now })
    .onConflictDoUpdate({ target: roomStates.eventId, set: { ...set, updatedAt: now } });
}

export const handLead: WriteHandler<"lead:hand"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload, now }) {
    const staff = staffOnly(actor);
    const before = await readLead(tx, actor.eventId);
    if (!mayHandLead(before, staff)) {
      // Refused by the state of things (someone else leads), not by who asks.
      throw new CommandFailure("conflict", "Only the lead facilitator (or an organiser) can hand the lead on.");
    }
    const [to] = await tx
      .select({ name: accounts.name })
      .from(eventStaff)
      .innerJoin(accounts, eq(accounts.id, eventStaff.accountId))
      .where(and(eq(eventStaff.eventId, actor.eventId), eq(eventStaff.accountId, payload.accountId)));
    if (!to) throw new CommandFailure("not_found", "That person is not on this event's staff any more.");
    // A new lead starts with the controls as they were: the lock passes with the lead.
    await writeLead(tx, actor.eventId, { leadAccountId: payload.accountId }, now);
    const lead = await leadView(tx, actor.eventId);
    const said = payload.accountId === staff.accountId ? says.leadTaken() : says.leadHanded(to.name);
    const logged = await logActivity(tx, { actor, now, kind: "lead", said });
    return {
      result: { lead },
      broadcasts: [{ room: rooms.staff(actor.eventId), event: "lead:changed", data: { lead } }, logged],
    };
  },
};

export const lockControls: WriteHandler<"room:lock"> = {
  kind: "write",
  permission: "runRoom",
  async apply(tx, { actor, payload, now }) {
    const staff = staffOnly(actor);
    const before = await readLead(tx, actor.eventId);
    if (!mayLockControls(before, staff)) {
      throw new CommandFailure(
        "conflict",
        before.leadAccountId
          ? "Only the lead facilitator can lock or unlock the room controls."
          : "Take the lead first: only the lead can lock the room controls.",
      );
    }
    await writeLead(tx, actor.eventId, { controlsLocked: payload.locked }, now);
    const lead = await leadView(tx, actor.eventId);
    const logged = await logActivity(tx, {
      actor,
      now,
      kind: "lead",
      said: payload.locked ? says.controlsLocked() : says.controlsUnlocked(),
    });
    return {
      result: { lead },
      broadcasts: [{ room: rooms.staff(actor.eventId), event: "lead:changed", data: { lead } }, logged],
    };
  },
};

/** The staff room's commands, spread into lib/realtime/handlers.ts. */
export const staffHandlers: Pick<HandlerTable, keyof typeof staffCommandSchemas> = {
  "staff:snapshot": staffSnapshot,
  "lead:hand": handLead,
  "room:lock": lockControls,
  "announcement:reshow": reshowAnnouncement,
  "announcement:clear": clearAnnouncement,
};
