import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { briefContacts, briefLinks, briefs } from "@/db/schema";
import type { BriefFields } from "./brief-schema";

/**
 * Saves the brief editor's main form: the brief's words and its pack's links and contacts (the
 * lists are replaced as a whole, in the order given). Files are added and removed on their own.
 * Returns false when the brief is not in this event.
 */
export async function updateBrief(tx: Tx, input: { eventId: string; briefId: string; fields: BriefFields }) {
  const { dataLinks, usefulLinks, contacts, ...text } = input.fields;
  const updated = await tx
    .update(briefs)
    .set({ ...text, updatedAt: Date.now() })
    .where(and(eq(briefs.id, input.briefId), eq(briefs.eventId, input.eventId)))
    .returning({ id: briefs.id });
  if (updated.length === 0) return false;

  await tx.delete(briefLinks).where(eq(briefLinks.briefId, input.briefId));
  await tx.delete(briefContacts).where(eq(briefContacts.briefId, input.briefId));
  const links = [
    ...dataLinks.map((l, position) => ({ ...l, kind: "data" as const, position })),
    ...usefulLinks.map((l, position) => ({ ...l, kind: "link" as const, position })),
  ];
  if (links.length) await tx.insert(briefLinks).values(links.map((l) => ({ ...l, id: randomUUID(), briefId: input.briefId })));
  if (contacts.length) {
    await tx
      .insert(briefContacts)
      .values(contacts.map((c, position) => ({ ...c, position, id: randomUUID(), briefId: input.briefId })));
  }
  return true;
}
