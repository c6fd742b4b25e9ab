import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db, Tx } from "@/db/client";
import { events, participants } from "@/db/schema";
import { hashToken, newToken } from "@/lib/auth/tokens";

export const displayNameSchema = z
  .string()
  .trim()
  .min(1, "Tell us what to call you.")
  .max(40, "Keep your name to 40 characters or fewer.")
  .refine((name) => !/[<>]/.test(name), "Names can't contain < or >.");

/** Adds a person to an event. Returns the token for their "continue on another device" link. */
export async function joinEvent(tx: Tx, input: { eventId: string; displayName: string }) {
  const id = randomUUID();
  const resumeToken = newToken();
  await tx.insert(participants).values({
    id,
    eventId: input.eventId,
    displayName: input.displayName,
    resumeTokenHash: hashToken(resumeToken),
  });
  return { participantId: id, resumeToken };
}

/** A new personal link; the old one stops working. */
export async function renewResumeToken(tx: Tx, participantId: string) {
  const resumeToken = newToken();
  await tx
    .update(participants)
    .set({ resumeTokenHash: hashToken(resumeToken) })
    .where(eq(participants.id, participantId));
  return resumeToken;
}

export async function findParticipantByResumeToken(db: Db, token: string) {
  const [row] = await db
    .select({
      participantId: participants.id,
      eventId: participants.eventId,
      slug: events.slug,
      displayName: participants.displayName,
    })
    .from(participants)
    .innerJoin(events, eq(events.id, participants.eventId))
    .where(eq(participants.resumeTokenHash, hashToken(token)));
  return row ?? null;
}
