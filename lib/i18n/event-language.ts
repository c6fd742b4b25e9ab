import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { events, participants, projects } from "@/db/schema";
import { hashToken } from "@/lib/auth/tokens";
import { findEventByJoinCode } from "@/lib/events/find-event";

/** The header the server (lib/server/start-server.ts) puts the requested path in: a page's language config can't see the URL. */
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
 * The event a page belongs to (/p/<slug>, /e/<slug>, /s/<slug>, /f/<slug>, /o/<slug>,
 * /j/<code>, /update/<project>): whose visitor it is, for the language kept with them, and its
 * main language, for someone whose browser asks for no language we speak (they see the event's,
 * as its organisers chose, rather than English). Null elsewhere. `ofItsOwn`: a page under the
 * event's own address (/p/<slug>…), where a language picked is kept with the person in the event
 * (app/ui/language-actions.ts); a join or update page is not.
 */
export async function eventOfPath(
  db: Db,
  path: string | null,
): Promise<{ id: string; language: string; ofItsOwn: boolean } | null> {
  if (!path) return null;
  const slug =
    segment(path, "/p/") ?? segment(path, "/e/") ?? segment(path, "/s/") ?? segment(path, "/f/") ?? segment(path, "/o/");
  if (slug) {
    const [event] = await db.select({ id: events.id, language: events.language }).from(events).where(eq(events.slug, slug));
    return event ? { ...event, ofItsOwn: true } : null;
  }
  const code = segment(path, "/j/");
  if (code) {
    const event = await findEventByJoinCode(db, code);
    return event ? { id: event.id, language: event.language, ofItsOwn: false } : null;
  }
  const projectId = segment(path, "/update/");
  if (projectId) {
    const [row] = await db
      .select({ id: events.id, language: events.language })
      .from(projects)
      .innerJoin(events, eq(events.id, projects.eventId))
      .where(eq(projects.id, projectId));
    return row ? { ...row, ofItsOwn: false } : null;
  }
  return null;
}

/**
 * The language of the person a personal link (/c/<token>) belongs to: the first page on a new
 * device speaks the language they chose on their phone, not whatever this browser asks for, as
 * every page after it does once the link is used. Null elsewhere, or for a link that is not (or
 * no longer) anybody's.
 */
export async function personalLinkLanguageOfPath(db: Db, path: string | null): Promise<string | null> {
  const token = path ? segment(path, "/c/") : null;
  if (!token) return null;
  const [person] = await db
    .select({ language: participants.language })
    .from(participants)
    .where(and(eq(participants.resumeTokenHash, hashToken(token)), isNull(participants.leftAt)));
  return person?.language ?? null;
}
