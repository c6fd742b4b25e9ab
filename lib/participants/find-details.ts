import { recordAudit } from "@/lib/privacy/audit";
import type { ReadHandler } from "@/lib/realtime/handler";
import { findPeople, privateDetails } from "./participant-views";

/** Access needs and contact details of everyone in the event: for its organisers and facilitators only. */
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
    return { result: { people: people.map((p) => privateDetails(p.participant)) } };
  },
};
