import { and, count, eq, inArray, not } from "drizzle-orm";
import { boards, notes } from "@/db/schema";
import { unsignedNote } from "@/lib/notes/unsigned";
import { recordAuditOnce } from "@/lib/privacy/audit";
import type { ReadHandler, Signal } from "@/lib/realtime/handler";
import { findPeople, privateDetails } from "./participant-views";

/**
 * Access needs and contact details of everyone in the event, and how many notes each has
 * written (so a flood stands out): for its organisers and facilitators only.
 *
 * Only the notes the room reads signed are counted. An anonymous board promises no names "for
 * anyone", and a young person's pins on a map are unsigned for everyone too: a count that went up
 * as an unsigned note appeared would tell staff whose it was.
 * Whether the event has any unsigned notes at all (nobody's in particular) is said instead, so
 * the console can say that clearing someone's notes takes those too.
 */
export const findDetails: ReadHandler<"participants:details"> = {
  kind: "read",
  permission: "seePrivateDetails",
  async read(db, { actor, now }) {
    const people = await findPeople(db.read, actor.eventId);
    const signals: Signal[] = [];
    if (actor.kind === "staff") {
      const recorded = await db.transact((tx) =>
        recordAuditOnce(tx, {
          eventId: actor.eventId,
          accountId: actor.accountId,
          action: "participants.details_viewed",
          subject: `people:${people.length}`,
          now,
        }),
      );
      if (recorded) signals.push({ kind: "audited", eventId: actor.eventId });
    }
    const ids = people.map((p) => p.participant.id);
    const counts = new Map<string, number>();
    for (let i = 0; i < ids.length; i += 400) {
      const rows = await db.read
        .select({ id: notes.authorParticipantId, n: count() })
        .from(notes)
        .where(and(inArray(notes.authorParticipantId, ids.slice(i, i + 400)), not(unsignedNote)))
        .groupBy(notes.authorParticipantId);
      for (const r of rows) if (r.id) counts.set(r.id, r.n);
    }
    const [unsigned] = await db.read
      .select({ id: notes.id })
      .from(notes)
      .innerJoin(boards, eq(boards.id, notes.boardId))
      .where(and(eq(boards.eventId, actor.eventId), unsignedNote))
      .limit(1);
    return {
      result: {
        people: people.map((p) => ({ ...privateDetails(p.participant), notes: counts.get(p.participant.id) ?? 0 })),
        unsignedNotes: unsigned !== undefined,
      },
      signals,
    };
  },
};
