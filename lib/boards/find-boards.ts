import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { boards } from "@/db/schema";

/** The room's first board: the welcome wall every event starts with. */
export async function findWelcomeBoard(db: Db, eventId: string) {
  const [board] = await db.select().from(boards).where(eq(boards.eventId, eventId)).orderBy(asc(boards.createdAt)).limit(1);
  return board ?? null;
}
