import { createHash } from "node:crypto";
import type { Db } from "@/db/client";
import { findBriefsWithPacks } from "@/lib/briefs/find-briefs";
import { findProjects, type ProjectSummary } from "@/lib/projects/find-projects";
import { findAgenda } from "./find-agenda";
import { findEventBySlug } from "./find-event";
import {
  type PublicBriefFields,
  type PublicEventFields,
  type PublicPhaseFields,
  publicBrief,
  publicEvent,
  publicPhase,
  publicProject,
} from "./public-version-fields";

export type PublicPage = "event" | "progress";

type Drawn = {
  event: PublicEventFields;
  projects: ProjectSummary[];
  briefs?: readonly PublicBriefFields[];
  agenda?: readonly PublicPhaseFields[];
};

/**
 * A short fingerprint of what an event's public pages draw: the event page (its details, agenda,
 * published briefs with their packs, public projects) or the progress page (the public projects).
 * An open page asks for it now and then (VersionFollower) and is drawn again when it differs, so
 * it follows the organisers' changes. It is a hash of the public fields only: it changes only when
 * something a visitor could read on the page does. A page takes it of what it read (no second
 * reading); the route reads it itself.
 */
export function publicFingerprint(drawn: Drawn): string {
  const event = publicEvent(drawn.event);
  const projects = drawn.projects.map(publicProject);
  const { briefs, agenda } = drawn;
  const hashed =
    briefs === undefined
      ? { event, projects }
      : { event, projects, briefs: briefs.map(publicBrief), agenda: (agenda ?? []).map(publicPhase) };
  return createHash("sha256").update(JSON.stringify(hashed)).digest("base64url").slice(0, 22);
}

/** `publicFingerprint`, read from the database: what the version route answers. */
export async function publicVersion(db: Db, slug: string, page: PublicPage, now = Date.now()): Promise<string | null> {
  const event = await findEventBySlug(db, slug);
  if (!event) return null;
  const projects = await findProjects(db, event.id, { publicOnly: true, now });
  if (page === "progress") return publicFingerprint({ event, projects });
  const [briefs, agenda] = await Promise.all([
    findBriefsWithPacks(db, event.id, { publishedOnly: true }),
    findAgenda(db, event.id),
  ]);
  return publicFingerprint({ event, projects, briefs, agenda });
}

/** How long one reading answers every visitor's ask: a page with many visitors costs one reading a second. */
const sharedForMs = 1000;
/** Readings kept; past it the oldest go (one per public page that anyone looked at in the last second). */
const keptReadings = 500;

type Reading = { at: number; version: Promise<string | null> };

/**
 * `publicVersion`, read at most once a second per page, whoever asks: the public pages' visitors
 * are strangers, and a stranger's loop of asks must not cost the database a read each.
 */
export function sharedPublicVersion(read: (slug: string, page: PublicPage) => Promise<string | null>, now = () => Date.now()) {
  const readings = new Map<string, Reading>();
  return (slug: string, page: PublicPage) => {
    const key = `${page}:${slug}`;
    const kept = readings.get(key);
    if (kept && now() - kept.at < sharedForMs) return kept.version;
    const version = read(slug, page).catch(() => null);
    readings.delete(key);
    readings.set(key, { at: now(), version });
    if (readings.size > keptReadings) readings.delete(readings.keys().next().value as string);
    return version;
  };
}
