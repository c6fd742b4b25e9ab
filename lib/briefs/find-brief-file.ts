import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { briefFiles, briefs, events } from "@/db/schema";

/** A pack file with what is needed to decide who may download it. */
export async function findBriefFile(db: Db, fileId: string) {
  const [row] = await db
    .select({
      file: briefFiles,
      briefStatus: briefs.status,
      eventId: events.id,
      eventStatus: events.status,
    })
    .from(briefFiles)
    .innerJoin(briefs, eq(briefs.id, briefFiles.briefId))
    .innerJoin(events, eq(events.id, briefs.eventId))
    .where(eq(briefFiles.id, fileId));
  return row ?? null;
}
