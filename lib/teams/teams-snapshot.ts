import { joinNumbers } from "@/lib/participants/join-number";
import { findPeople, personView } from "@/lib/participants/participant-views";
import { rooms } from "@/lib/realtime/constants";
import type { ReadHandler } from "@/lib/realtime/handler";
import { seqQuery } from "@/lib/realtime/sequence";
import { findTeams } from "./team-views";

/**
 * The room's teams and people, for phones, the console and the big screen. Joins the teams room
 * before reading, so no change falls between this snapshot and the live stream.
 */
export const teamsSnapshot: ReadHandler<"teams:snapshot"> = {
  kind: "read",
  permission: "readEvent",
  async read(db, { actor }, socket) {
    const room = rooms.teams(actor.eventId);
    socket.join(room);
    const r = db.read;
    // Sequence first: an event landing between these reads is then replayed, never lost.
    const [seqRow] = await seqQuery(r, room);
    const [teams, people, numbers] = await Promise.all([
      findTeams(r, actor.eventId),
      findPeople(r, actor.eventId),
      joinNumbers(r, actor.eventId),
    ]);
    return {
      result: {
        seq: seqRow?.seq ?? 0,
        teams,
        people: people.map((p) => personView(p.participant, p.teamId, numbers.get(p.participant.id) ?? 0)),
        me: actor.kind === "participant" ? actor.participantId : null,
      },
    };
  },
};
