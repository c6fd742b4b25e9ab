import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { briefContacts, briefFiles, briefLinks, briefs } from "@/db/schema";

export type BriefRow = typeof briefs.$inferSelect;
export type BriefPack = {
  dataLinks: (typeof briefLinks.$inferSelect)[];
  usefulLinks: (typeof briefLinks.$inferSelect)[];
  contacts: (typeof briefContacts.$inferSelect)[];
  files: Omit<typeof briefFiles.$inferSelect, "storageKey">[];
};
export type BriefWithPack = BriefRow & { pack: BriefPack };

/** The order a pack lists its files in: the public names count places in it (pack-file-names.ts). */
export const packFileOrder = [asc(briefFiles.position), asc(briefFiles.createdAt)];

/** An event's briefs in their running order: all of them, or only the published ones. */
export async function findBriefs(db: Db, eventId: string, options: { publishedOnly: boolean }) {
  return db
    .select()
    .from(briefs)
    .where(options.publishedOnly ? and(eq(briefs.eventId, eventId), eq(briefs.status, "published")) : eq(briefs.eventId, eventId))
    .orderBy(asc(briefs.position), asc(briefs.createdAt));
}

/** The packs of these briefs, read in three queries whatever the number of briefs. */
async function findPacks(db: Db | Tx, briefIds: string[]): Promise<Map<string, BriefPack>> {
  const packs = new Map<string, BriefPack>(
    briefIds.map((id) => [id, { dataLinks: [], usefulLinks: [], contacts: [], files: [] }]),
  );
  if (briefIds.length === 0) return packs;
  const [links, contacts, files] = await Promise.all([
    db.select().from(briefLinks).where(inArray(briefLinks.briefId, briefIds)).orderBy(asc(briefLinks.position)),
    db.select().from(briefContacts).where(inArray(briefContacts.briefId, briefIds)).orderBy(asc(briefContacts.position)),
    db
      .select({
        id: briefFiles.id,
        briefId: briefFiles.briefId,
        title: briefFiles.title,
        fileName: briefFiles.fileName,
        contentType: briefFiles.contentType,
        size: briefFiles.size,
        position: briefFiles.position,
        uploadedBy: briefFiles.uploadedBy,
        createdAt: briefFiles.createdAt,
      })
      .from(briefFiles)
      .where(inArray(briefFiles.briefId, briefIds))
      .orderBy(...packFileOrder),
  ]);
  for (const link of links) packs.get(link.briefId)?.[link.kind === "data" ? "dataLinks" : "usefulLinks"].push(link);
  for (const contact of contacts) packs.get(contact.briefId)?.contacts.push(contact);
  for (const file of files) packs.get(file.briefId)?.files.push(file);
  return packs;
}

export async function findBriefsWithPacks(
  db: Db,
  eventId: string,
  options: { publishedOnly: boolean },
): Promise<BriefWithPack[]> {
  const list = await findBriefs(db, eventId, options);
  const packs = await findPacks(
    db,
    list.map((b) => b.id),
  );
  return list.map((b) => ({ ...b, pack: packs.get(b.id)! }));
}

export async function findBriefWithPack(db: Db | Tx, eventId: string, briefId: string): Promise<BriefWithPack | null> {
  const [brief] = await db
    .select()
    .from(briefs)
    .where(and(eq(briefs.id, briefId), eq(briefs.eventId, eventId)));
  if (!brief) return null;
  const packs = await findPacks(db, [brief.id]);
  return { ...brief, pack: packs.get(brief.id)! };
}
