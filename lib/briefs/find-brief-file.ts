import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { briefFiles, briefs, events } from "@/db/schema";
import { packFileOrder } from "./find-briefs";
import { placeInPack } from "./pack-file-names";

/** A pack file with what is needed to decide who may download it, and under what name. */
export async function findBriefFile(db: Db, fileId: string) {
  const [row] = await db
    .select({
      file: briefFiles,
      briefTitle: briefs.title,
      briefStatus: briefs.status,
      eventId: events.id,
      eventStatus: events.status,
    })
    .from(briefFiles)
    .innerJoin(briefs, eq(briefs.id, briefFiles.briefId))
    .innerJoin(events, eq(events.id, briefs.eventId))
    .where(eq(briefFiles.id, fileId));
  if (!row) return null;
  const pack = await db
    .select({ id: briefFiles.id })
    .from(briefFiles)
    .where(eq(briefFiles.briefId, row.file.briefId))
    .orderBy(...packFileOrder);
  return {
    ...row,
    place: placeInPack(
      pack.map((f) => f.id),
      fileId,
    ),
  };
}
