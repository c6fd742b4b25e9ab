import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { briefs } from "@/db/schema";

/** Drafted, published or withdrawn. A withdrawn brief leaves the public page but keeps its teams' work. */
export async function setBriefStatus(
  tx: Tx,
  input: { eventId: string; briefId: string; status: "draft" | "published" | "withdrawn" },
) {
  const updated = await tx
    .update(briefs)
    .set({ status: input.status, updatedAt: Date.now() })
    .where(and(eq(briefs.id, input.briefId), eq(briefs.eventId, input.eventId)))
    .returning({ id: briefs.id });
  return updated.length > 0;
}
