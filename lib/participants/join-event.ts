import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { participants } from "@/db/schema";
import { hashToken, newToken } from "@/lib/auth/tokens";
import { rooms } from "@/lib/realtime/constants";
import type { Broadcast } from "@/lib/realtime/handler";
import { joinNumberOf } from "./join-number";
import { personView } from "./participant-views";
import { type AgeBand, displayNameSchema } from "./profile";

export { displayNameSchema };

/**
 * Adds a person to an event. Returns the token for their "continue on another device" link, and
 * the broadcast that puts them in the room's team overview (unsequenced: see sequenceBroadcasts).
 * Without an age band (the join form does not ask; the "about you" step does) the room sees
 * their initials until they say they are 18 or over: see publicName.
 */
export async function joinEvent(
  tx: Tx,
  input: { eventId: string; displayName: string; ageBand?: AgeBand | null; language?: string | null },
) {
  const id = randomUUID();
  const resumeToken = newToken();
  const [row] = await tx
    .insert(participants)
    .values({
      id,
      eventId: input.eventId,
      displayName: input.displayName,
      ageBand: input.ageBand ?? null,
      language: input.language ?? null,
      resumeTokenHash: hashToken(resumeToken),
      resumeTokenMadeAt: Date.now(),
    })
    .returning();
  if (!row) throw new Error("participant not inserted");
  const broadcasts: Broadcast[] = [
    {
      room: rooms.teams(input.eventId),
      event: "participant:joined",
      data: { person: personView(row, null, await joinNumberOf(tx, row)) },
    },
  ];
  return { participantId: id, resumeToken, broadcasts };
}

/** A new personal link; the old one stops working. `resumeToken`: the form's own (lib/auth/tokens.ts, tokenForSubmission). */
export async function renewResumeToken(tx: Tx, participantId: string, resumeToken: string = newToken()) {
  await tx
    .update(participants)
    .set({ resumeTokenHash: hashToken(resumeToken), resumeTokenMadeAt: Date.now() })
    .where(eq(participants.id, participantId));
  return resumeToken;
}
