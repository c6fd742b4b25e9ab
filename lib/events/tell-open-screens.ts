import "server-only";
import type { Database } from "@/db/client";
import type { EventDetail } from "@/lib/realtime/contract";
import { rooms } from "@/lib/realtime/contract";
import type { Broadcast } from "@/lib/realtime/handler";
import { sequenceBroadcasts } from "@/lib/realtime/sequence";
import { findPhases } from "@/lib/room/find-phases";
import { readRoom } from "@/lib/room/room-store";
import { sharedRealtime } from "@/lib/server/shared-realtime";
import { findTeams, teamBroadcasts } from "@/lib/teams/team-views";

/**
 * After an organiser's change made outside a socket command (a form on the organiser pages):
 * every open screen of the event follows it, not only the organiser's own page. What screens
 * hold live (the agenda and the room's phase, teams' brief titles) is sent as it is now; the parts the server
 * drew (names, agenda, join code, brief pages) are fetched again (`event:details-changed`).
 */
export async function tellOpenScreens(db: Database, eventId: string, what: EventDetail) {
  const realtime = sharedRealtime();
  if (!realtime) return;
  const live: Broadcast[] = [];
  if (what === "agenda") {
    // The agenda the console and the big screen list, and the phase running now (renamed or re-timed).
    const [room, agenda] = await Promise.all([readRoom(db.read, eventId), findPhases(db.read, eventId)]);
    live.push({ room: rooms.event(eventId), event: "room:changed", data: { room, agenda } });
  }
  if (what === "briefs") {
    for (const team of await findTeams(db.read, eventId)) live.push(...teamBroadcasts(eventId, "team:updated", team));
  }
  if (live.length) realtime.emitBroadcasts(await db.transact((tx) => sequenceBroadcasts(tx, live)));
  realtime.eventDetailsChanged(eventId, what);
}
