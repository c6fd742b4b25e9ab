import type { events } from "@/db/schema";
import type { BriefWithPack } from "@/lib/briefs/find-briefs";
import { fileKindKey } from "@/lib/files/file-types";
import type { ProjectSummary } from "@/lib/projects/find-projects";

/**
 * What the public pages draw, field by field: their fingerprint (./public-version.ts) is a hash of
 * these only, so it changes when something a visitor could read changes, and never tells a stranger
 * polling it that the organisers or an owner changed something private.
 */

type EventRow = typeof events.$inferSelect;

export type PublicEventFields = Pick<
  EventRow,
  | "name"
  | "slug"
  | "status"
  | "language"
  | "place"
  | "description"
  | "startsAt"
  | "endsAt"
  | "goals"
  | "accessInfo"
  | "childcare"
  | "food"
  | "whatToBring"
  | "joinCode"
>;

/** What the public pages draw of the event, and nothing else (not the privacy contact, the retention…). */
export function publicEvent(e: PublicEventFields) {
  const { name, slug, status, language, place, description, startsAt, endsAt, goals } = e;
  return {
    name,
    slug,
    status,
    language,
    place,
    description,
    startsAt,
    endsAt,
    goals,
    joinCode: e.joinCode,
    practical: [e.accessInfo, e.childcare, e.food, e.whatToBring],
  };
}

/**
 * What the progress page draws of a public project: not its owner's email or name, risks, help
 * needed, who wrote an update, reminders, follow-up state. A change there is the organisers' and
 * the owner's business; were it in the hash, a stranger polling it would see that one happened.
 */
export function publicProject(p: ProjectSummary) {
  return {
    id: p.id,
    title: p.title,
    teamName: p.teamName,
    lead: p.ownerRole,
    startedAt: p.startedAt,
    summary: p.summary,
    milestones: p.milestones.map((m) => [m.id, m.day, m.title, m.dueAt, m.doneAt]),
    checkIns: p.checkIns.map((c) => [
      c.id,
      c.status,
      c.createdAt,
      c.progress,
      c.evidence,
      c.learning,
      c.numbers,
      c.links,
      c.photos,
    ]),
  };
}

/** The parts of a published brief the event page draws (app/ui/brief-view.tsx). */
export type PublicBriefFields = Pick<
  BriefWithPack,
  | "id"
  | "title"
  | "ownerRole"
  | "ownerOrganisation"
  | "problem"
  | "whyItMatters"
  | "successLooksLike"
  | "budget"
  | "timescale"
  | "mayNotChange"
  | "background"
> & {
  pack: {
    dataLinks: readonly PublicLink[];
    usefulLinks: readonly PublicLink[];
    contacts: readonly { id: string; role: string; howToReach: string }[];
    files: readonly { id: string; title: string; contentType: string; size: number }[];
  };
};
type PublicLink = { id: string; title: string; url: string; note: string };

/**
 * What the event page draws of a published brief: its words, owner and pack as shown. Not when or
 * by whom it was last saved, nor a pack file's own name or uploader: a save that changed nothing
 * shown, or a file renamed, is the organisers' business.
 */
export function publicBrief(b: PublicBriefFields) {
  const link = (l: PublicLink) => [l.id, l.title, l.url, l.note];
  return {
    id: b.id,
    title: b.title,
    owner: [b.ownerRole, b.ownerOrganisation],
    body: [b.problem, b.whyItMatters, b.successLooksLike, b.budget, b.timescale, b.mayNotChange, b.background],
    dataLinks: b.pack.dataLinks.map(link),
    usefulLinks: b.pack.usefulLinks.map(link),
    contacts: b.pack.contacts.map((c) => [c.id, c.role, c.howToReach]),
    // The page says a file's kind ("PDF") and size, never its type's full name.
    files: b.pack.files.map((f) => [f.id, f.title, fileKindKey(f.contentType) ?? "other", f.size]),
  };
}

export type PublicPhaseFields = { id: string; name: string; startsAt: number; endsAt: number | null };

/** What the event page draws of a phase of the agenda (in the agenda's order): its name and times. */
export function publicPhase(p: PublicPhaseFields) {
  return [p.id, p.name, p.startsAt, p.endsAt];
}
