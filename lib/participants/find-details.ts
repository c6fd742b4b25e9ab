import { count, inArray } from "drizzle-orm";
import { notes } from "@/db/schema";
import { recordAudit } from "@/lib/privacy/audit";
import type { ReadHandler } from "@/lib/realtime/handler";
import { findPeople, privateDetails } from "./participant-views";

/**
 * Access needs and contact details of everyone in the event, and how many notes each has
 * written (so a flood stands out): for its organisers and facilitators only.
 */
export const findDetails: ReadHandler<"participants:details"> = {
  kind: "read",
  permission: "seePrivateDetails",
  async read(db, { actor, now }) {
    const people = await findPeople(db.read, actor.eventId);
    if (actor.kind === "staff") {
      await db.transact((tx) =>
        recordAudit(tx, {
          eventId: actor.eventId,
          accountId: actor.accountId,
          action: "participants.details_viewed",
          subject: `people:${people.length}`,
          now,
        }),
      );
    }
    const ids = people.map((p) => p.participant.id);
    const counts = new Map<string, number>();
    for (let i = 0; i < ids.length; i += 400) {
      const rows = await db.read
        .select({ id: notes.authorParticipantId, n: count() })
        .from(notes)
        .where(inArray(notes.authorParticipantId, ids.slice(i, i + 400)))
        .groupBy(notes.authorParticipantId);
      for (const r of rows) if (r.id) counts.set(r.id, r.n);
    }
    return {
      result: { people: people.map((p) => ({ ...privateDetails(p.participant), notes: counts.get(p.participant.id) ?? 0 })) },
    };
  },
};
