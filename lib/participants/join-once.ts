import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { participantDevices, participants } from "@/db/schema";
import { addDevice } from "./devices";
import { joinEvent } from "./join-event";

/**
 * How long after a join the same form, sent again, finds it: a double tap, a second tab's copy, a
 * reload that posts it again. Past this, the phone holds its cookie from the first answer and
 * goes straight to the room instead (app/(participant)/j/[code]/actions.ts).
 */
export const joinReplayWindowMs = 10 * 60 * 1000;

/**
 * Joining from the join form, once per form. `submission` is the id the form was drawn with; it
 * becomes the id of the device the join signs in. The same form sent again, before the first
 * answer's cookie arrived, finds that device and signs the browser in as the same person, rather
 * than adding a second participant nobody uses (a "ghost" in the team overview and the counts).
 * Only while it is that same join: same event and name, the device still signed in, the person
 * still in, within `joinReplayWindowMs`. A shared phone's old join page, sent with another name
 * (or after its person left or signed that device out), is a new person.
 */
export async function joinOnce(
  tx: Tx,
  input: {
    eventId: string;
    displayName: string;
    language: string | null;
    deviceLabel: string;
    submission?: string;
    now?: number;
  },
) {
  const now = input.now ?? Date.now();
  let deviceId = input.submission;
  if (deviceId) {
    const [made] = await tx
      .select({
        participantId: participants.id,
        eventId: participants.eventId,
        displayName: participants.displayName,
        leftAt: participants.leftAt,
        madeAt: participantDevices.createdAt,
      })
      .from(participantDevices)
      .innerJoin(participants, eq(participants.id, participantDevices.participantId))
      .where(eq(participantDevices.id, deviceId));
    const sameJoin =
      made?.leftAt === null &&
      made.eventId === input.eventId &&
      made.displayName === input.displayName &&
      now - made.madeAt < joinReplayWindowMs;
    if (made && sameJoin) return { participantId: made.participantId, deviceId, broadcasts: [], again: true };
    // Taken by another join, or its person gone: this one signs in a device of its own.
    if (made) deviceId = undefined;
  }
  const { participantId, broadcasts } = await joinEvent(tx, {
    eventId: input.eventId,
    displayName: input.displayName,
    language: input.language,
  });
  return { participantId, deviceId: await addDevice(tx, participantId, input.deviceLabel, deviceId), broadcasts, again: false };
}
