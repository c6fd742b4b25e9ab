import type { ReadHandler } from "@/lib/realtime/handler";
import { findPeople, privateDetails } from "./participant-views";

/** Access needs and contact details of everyone in the event: for its organisers and facilitators only. */
export const findDetails: ReadHandler<"participants:details"> = {
  kind: "read",
  permission: "seePrivateDetails",
  async read(db, { actor }) {
    const people = await findPeople(db.read, actor.eventId);
    return { result: { people: people.map((p) => privateDetails(p.participant)) } };
  },
};
