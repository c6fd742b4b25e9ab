import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, projects } from "@/db/schema";
import { findEventByJoinCode } from "@/lib/events/find-event";

/** The header the proxy (proxy.ts) puts the requested path in: a page's language config can't see the URL. */
export const pathHeader = "x-madein-path";

const segment = (path: string, prefix: string) => {
  if (!path.startsWith(prefix)) return null;
  const [value = ""] = path.slice(prefix.length).split(/[/?#]/);
  try {
    const decoded = decodeURIComponent(value);
    return decoded && decoded.length <= 100 ? decoded : null;
  } catch {
    return null;
  }
};

/**
 * The language of the event a page belongs to (/p/<slug>, /e/<slug>, /s/<slug>, /j/<code>,
 * /update/<project>), for someone whose browser asks for no language we speak: they see the
 * event's main language, as its organisers chose, rather than English. Null elsewhere.
 */
export async function eventLanguageOfPath(db: Db, path: string | null): Promise<string | null> {
  if (!path) return null;
  const slug = segment(path, "/p/") ?? segment(path, "/e/") ?? segment(path, "/s/");
  if (slug) {
    const [event] = await db.select({ language: events.language }).from(events).where(eq(events.slug, slug));
    return event?.language ?? null;
  }
  const code = segment(path, "/j/");
  if (code) return (await findEventByJoinCode(db, code))?.language ?? null;
  const projectId = segment(path, "/update/");
  if (projectId) {
    const [row] = await db
      .select({ language: events.language })
      .from(projects)
      .innerJoin(events, eq(events.id, projects.eventId))
      .where(eq(projects.id, projectId));
    return row?.language ?? null;
  }
  return null;
}
