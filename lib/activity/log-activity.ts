import { randomUUID } from "node:crypto";
import { asc, desc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { accounts, activityLog } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { type ActivityEntry, type ActivityKind, rooms } from "@/lib/realtime/contract";
import type { Broadcast } from "@/lib/realtime/handler";
import type { Said } from "./activity-message";

/**
 * Records what a member of staff did in the room and returns its broadcast to the staff room.
 * What happened is said without naming a participant ("removed a participant"): in English
 * (`text`, kept for older readers) and as a message each screen says in its reader's language.
 */
export async function logActivity(
  tx: Tx,
  input: { actor: Actor; now: number; kind: ActivityKind; said: Said },
): Promise<Broadcast> {
  const { actor, now } = input;
  const entry: ActivityEntry = {
    id: randomUUID(),
    kind: input.kind,
    text: input.said.text,
    message: input.said.message,
    by: actor.kind === "staff" ? actor.name : "Someone",
    ...(actor.kind === "staff" ? {} : { unsigned: "someone" as const }),
    at: now,
  };
  await tx.insert(activityLog).values({
    id: entry.id,
    eventId: actor.eventId,
    accountId: actor.kind === "staff" ? actor.accountId : null,
    kind: entry.kind,
    text: entry.text,
    message: entry.message,
    createdAt: now,
  });
  return { room: rooms.staff(actor.eventId), event: "activity:logged", data: { entry } };
}

/** The event's activity, newest first (`limit`) or, for the review, oldest first and whole. */
export async function findActivity(db: Db | Tx, eventId: string, options: { limit?: number; order?: "newest" | "oldest" } = {}) {
  const order = options.order ?? "newest";
  const query = db
    .select({
      id: activityLog.id,
      kind: activityLog.kind,
      text: activityLog.text,
      message: activityLog.message,
      by: accounts.name,
      at: activityLog.createdAt,
    })
    .from(activityLog)
    .leftJoin(accounts, eq(accounts.id, activityLog.accountId))
    .where(eq(activityLog.eventId, eventId))
    .orderBy(
      order === "newest" ? desc(activityLog.createdAt) : asc(activityLog.createdAt),
      order === "newest" ? desc(activityLog.id) : asc(activityLog.id),
    );
  const rows = options.limit ? await query.limit(options.limit) : await query;
  // A deleted account's actions stay in the log, unsigned.
  return rows.map(
    (r): ActivityEntry => ({
      ...r,
      kind: r.kind as ActivityKind,
      by: r.by ?? "A former member of staff",
      ...(r.by === null ? { unsigned: "formerStaff" as const } : {}),
    }),
  );
}
