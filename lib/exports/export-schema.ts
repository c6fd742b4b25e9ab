import { z } from "zod";
import { webAddressSchema } from "@/lib/briefs/brief-schema";
import { ageBands, participantKinds } from "@/lib/participants/profile-facts";
import { maxReactionsPerPerson } from "@/lib/presentations/rules";
import { privacySettingsSchema } from "@/lib/privacy/privacy-settings";
import { defaultRetentionMonths } from "@/lib/privacy/retention";
import { maxMilestones } from "@/lib/projects/check-in-rules";
import { maxCheckInLinks, maxCheckInNumbers, webLink } from "@/lib/projects/project-schema";
import { reactionKinds } from "@/lib/realtime/constants";
import { withoutControlCharacters } from "@/lib/text/control-characters";
import { exportCaps as caps, listWords, rowsToWrite } from "./export-caps";

/**
 * The JSON export of one event: complete enough to rebuild the event in another Made In
 * instance. Versioned: an importer refuses a version it does not know rather than guessing.
 * Ids are the exporting instance's; an import gives every row a new id (see import-event.ts).
 * Left out on purpose: accounts and sessions, participants' resume tokens, access needs
 * (private health information nobody needs after the event), contact details of anyone who did
 * not consent, project owner links, and file bytes: files are named here by their path in the
 * zip archive (event-archive.ts, "Everything with the files"), which carries them beside this
 * JSON. The paths are optional, so exports made before they existed still import (without files).
 */
export const exportFormat = "made-in/event";
/**
 * Reactions in one export, all teams together: each is a row to write, and an event of a few
 * hundred people cheering a dozen teams gives a few thousand.
 */
export const maxReactionsInExport = 100_000;
/** Staff cheer too, and their number is not in the export: a weekend's team, generously. */
const staffWhoMayReact = 20;
export const exportVersion = 1;

const id = z.string().min(1).max(100);
/**
 * A moment: in the years 2000–2099, as the app's own date fields allow. Anything else is a slip or
 * a forgery, and outside JavaScript's dates altogether (9e15) it would break every page that shows it.
 */
const instant = z
  .number()
  .int()
  .min(Date.UTC(2000, 0, 1))
  .max(Date.UTC(2100, 0, 1) - 1);
const time = instant.nullable();
const text = (max = 20_000) => z.string().max(max);
/** A file's path inside the archive: `files/<kind>/<name>`, nothing that could climb out of it. */
const filePath = z
  .string()
  .max(300)
  .regex(/^files\/[a-z-]+\/[\w.-]+$/)
  .refine((p) => !p.split("/").includes(".."));

const exportedEventSchema = z.object({
  name: text(200).min(1),
  slug: text(100),
  status: z.enum(["draft", "published", "archived"]),
  place: text(),
  description: text(),
  startsAt: time,
  endsAt: time,
  goals: z.array(text(500)).max(100),
  accessInfo: text(),
  childcare: text(),
  food: text(),
  whatToBring: text(),
  // Archives from before languages (issue 19) have neither: English, and no extra join languages.
  language: text(40).default("en-GB"),
  joinLanguages: z.array(text(40)).max(10).default([]),
  followsEventSlug: text(100).nullable(),
  // Who answers for people's data and how long it is kept, as the settings form takes them.
  // Archives from before they were exported have none: the defaults a new event gets.
  dataController: privacySettingsSchema.shape.dataController.default(""),
  privacyContact: privacySettingsSchema.shape.privacyContact.default(""),
  retentionMonths: privacySettingsSchema.shape.retentionMonths.default(defaultRetentionMonths),
});

const exportedBriefSchema = z.object({
  id,
  position: z.number().int(),
  status: z.enum(["draft", "published", "withdrawn"]),
  title: text(200).min(1),
  problem: text(),
  whyItMatters: text(),
  successLooksLike: text(),
  budget: text(),
  timescale: text(),
  mayNotChange: text(),
  ownerRole: text(),
  ownerOrganisation: text(),
  // As the brief editor allows: a longer background only costs every visitor its parse (lib/markdown).
  background: text(20_000),
  createdAt: instant,
  links: z
    .array(
      // As the brief editor takes them: a web address only (a "javascript:" link would run on every reader's page).
      z.object({
        kind: z.enum(["data", "link"]),
        title: text(500),
        url: webAddressSchema,
        note: text(),
        position: z.number().int(),
      }),
    )
    .max(caps.briefRows),
  contacts: z.array(z.object({ role: text(500), howToReach: text(), position: z.number().int() })).max(caps.briefRows),
  /** The bytes are in the archive at `path`, not in this JSON. */
  files: z
    .array(
      z.object({
        title: text(500),
        fileName: text(500),
        contentType: text(200),
        size: z.number().int(),
        path: filePath.optional(),
      }),
    )
    .max(caps.briefRows),
});

const exportedParticipantSchema = z.object({
  id,
  displayName: text(100),
  kind: z.enum(participantKinds).nullable(),
  skills: z.array(text(100)).max(50),
  ageBand: z.enum(ageBands).nullable(),
  // The language their screens and emails use. Archives from before it (and people who never
  // chose, or whose phone asked for none we speak) have none.
  language: text(40).nullable().default(null),
  contactConsent: z.boolean(),
  /** Empty unless they consented to be contacted. */
  contact: text(500),
  leftAt: time,
  createdAt: instant,
});

const exportedTeamSchema = z.object({
  id,
  briefId: id.nullable(),
  name: text(200).min(1),
  capacity: z.number().int().min(0).max(1000).nullable(),
  position: z.number().int(),
  createdAt: instant,
  memberIds: z.array(id).max(caps.participants),
});

const exportedReframeSchema = z.object({
  id,
  briefId: id,
  teamId: id,
  /** The author: a participant id, or a staff pseudonym (exports written before this field: absent). */
  author: id.nullable().optional(),
  /** Derived from the author's profile when exported, for readers of the file; not imported. */
  authorName: text(200),
  text: text(),
  createdAt: instant,
});

const exportedNoteSchema = z.object({
  id,
  column: text(100),
  text: text(),
  colour: text(40),
  authorParticipantId: id.nullable(),
  /** True when a member of staff wrote it (accounts are not exported). */
  byStaff: z.boolean(),
  position: z.number(),
  groupId: id.nullable(),
  hadPhoto: z.boolean(),
  /** The photo's path in the archive; null when there is none, or it was not stored by this event. */
  photo: filePath.nullable().optional(),
  /** On a map board: where it is pinned, as fractions of the map (the map image itself is a file). */
  pin: z
    .object({ x: z.number().min(0).max(1), y: z.number().min(0).max(1) })
    .nullable()
    .default(null),
  sourceNoteId: id.nullable(),
  /** Hidden from the room by a facilitator (moderation); older exports have none. */
  withheld: z.boolean().default(false),
  createdAt: instant,
});

export const exportedBoardSchema = z.object({
  id,
  teamId: id.nullable(),
  title: text(200),
  // The people's choice has a board of its own with no columns (its votes are on teams).
  columns: z.array(z.object({ key: text(100), title: text(200) })).max(caps.columns),
  template: text(100),
  locked: z.boolean(),
  anonymous: z.boolean(),
  hiddenUntilReveal: z.boolean(),
  revealedAt: time,
  /** On a map board: the map image's path in the archive. */
  mapImage: filePath.nullable().optional(),
  position: z.number().int(),
  createdAt: instant,
  groups: z.array(z.object({ id, title: text(500), createdAt: instant })).max(caps.groupsPerBoard),
  notes: z.array(exportedNoteSchema).max(caps.notesPerBoard),
});

const exportedVoteRoundSchema = z.object({
  id,
  boardId: id,
  status: z.enum(["open", "closed", "revealed"]),
  dotsPerPerson: z.number().int().min(1).max(100),
  maxPerTarget: z.number().int().min(1).max(100),
  targets: z.enum(["notes", "groups", "both", "teams"]),
  /** People's choice: nobody puts a dot on their own team. */
  excludeOwnTeam: z.boolean().default(false),
  talliesLive: z.boolean(),
  columns: z.array(text(100)).max(caps.columns).nullable(),
  shortlistSize: z.number().int().min(0).max(1000),
  shortlist: z.array(id).max(caps.shortlist).nullable(),
  endsAt: time,
  createdAt: instant,
  closedAt: time,
  revealedAt: time,
  /** One row per dot. A voter is "voter-N", a pseudonym of its round (older files: a participant id or "staff-N"). */
  votes: z
    .array(
      z.object({
        voter: id,
        targetId: id,
        slot: z.number().int().min(0),
        placeOnTarget: z.number().int().min(0),
        createdAt: instant,
      }),
    )
    .max(caps.votesPerRound),
});

export const exportedProjectSchema = z.object({
  id,
  teamId: id.nullable(),
  title: text(200).min(1),
  summary: text(),
  ownerName: text(200),
  ownerRole: text(200),
  coOwners: z.array(z.object({ name: text(200), role: text(200) })).max(50),
  // The language the owner chose on their page, for their emails. Archives from before it (and
  // projects whose owner never chose) have none.
  ownerLanguage: text(40).nullable().default(null),
  startedAt: instant,
  isPublic: z.boolean(),
  createdAt: instant,
  // As the milestones form takes them (lib/projects/project-schema.ts).
  milestones: z
    .array(z.object({ day: z.number().int().min(1).max(3650), title: text(500), dueAt: instant, doneAt: time }))
    .max(maxMilestones),
  checkIns: z
    .array(
      z.object({
        status: z.enum(["on_track", "at_risk", "stuck", "done"]),
        progress: text(),
        evidence: text(),
        numbers: z.array(z.object({ label: text(200), value: z.number() })).max(maxCheckInNumbers),
        // Web links only, as the check-in form takes them: they are links on the public progress page.
        links: z.array(text(2000).refine((link) => webLink(link) !== null)).max(maxCheckInLinks),
        photoCount: z.number().int().min(0),
        /** The photos' paths in the archive, in the owner's order. */
        photos: z.array(filePath).max(50).optional(),
        learning: text(),
        helpNeeded: text(),
        authorName: text(200),
        createdAt: instant,
      }),
    )
    .max(caps.checkInsPerProject),
  risks: z
    .array(z.object({ item: text(100), checked: z.boolean(), notes: text(), checkedBy: text(200), updatedAt: instant }))
    .max(caps.risksPerProject),
});

/**
 * Final presentations: showcases, the run, and how the room responded. Judges and feedback
 * authors are participant ids of this export, or "staff-N" (the same pseudonym as their dots).
 * Reactions are carried as counts: who tapped is nobody's business after the event.
 */
export const exportedPresentationsSchema = z.object({
  run: z
    .object({
      order: z.array(id).max(caps.teams),
      presentSeconds: z.number().int().min(0).max(3600),
      questionsSeconds: z.number().int().min(0).max(3600),
      currentTeamId: id.nullable(),
      stage: z.enum(["waiting", "presenting", "questions", "finished"]),
      stageStartedAt: time,
      /** The board whose team vote is the people's choice (it is among `voteRounds`). */
      peoplesChoiceBoardId: id.nullable(),
      /** Teams nobody joined that staff added to the presentations anyway; older exports have none. */
      includedTeamIds: z.array(id).max(caps.teams).default([]),
      /** Criteria the organiser set; a team not listed is judged on its brief's success lines. */
      criteria: z.array(z.object({ teamId: id, criteria: z.array(text(500)).max(50) })).max(caps.teams),
      updatedAt: time,
    })
    .nullable(),
  showcases: z
    .array(
      z.object({
        teamId: id,
        title: text(500),
        summary: text(),
        made: text(),
        learned: text(),
        links: z.array(z.object({ title: text(500), url: text(2000) })).max(50),
        /** In the team's order; the bytes are in the archive at `path`, not in this JSON. */
        images: z
          .array(
            z.object({
              id,
              contentType: text(200),
              size: z.number().int().min(0),
              createdAt: instant,
              path: filePath.optional(),
            }),
          )
          .max(caps.imagesPerShowcase),
        nextSteps: text(),
        /** As the team wrote it; empty means the brief's owner. */
        takenForwardBy: text(500),
        needs: text(),
        /** Derived when exported, for readers of the file; `editor` is who it was (participant id or staff pseudonym). */
        updatedBy: text(200),
        editor: id.nullable().optional(),
        updatedAt: time,
      }),
    )
    .max(caps.teams),
  /** Each row of `count` becomes that many rows: bounded here, and by the room's people in `danglingInPresentations`. */
  reactions: z
    .array(z.object({ teamId: id, kind: z.enum(reactionKinds), count: z.number().int().min(1).max(maxReactionsInExport) }))
    .max(caps.reactionRows),
  feedback: z
    .array(z.object({ teamId: id, author: id, authorName: text(200), text: text(), createdAt: instant }))
    .max(caps.feedback),
  judges: z.array(z.object({ judge: id, name: text(200), createdAt: instant })).max(caps.judges),
  scores: z
    .array(
      z.object({
        teamId: id,
        judge: id,
        criterion: text(500),
        score: z.number().int().min(1).max(5),
        updatedAt: instant,
      }),
    )
    .max(caps.scores),
});

export const noPresentations = (): z.infer<typeof exportedPresentationsSchema> => ({
  run: null,
  showcases: [],
  reactions: [],
  feedback: [],
  judges: [],
  scores: [],
});

export const eventExportSchema = z.object({
  format: z.literal(exportFormat),
  version: z.literal(exportVersion),
  exportedAt: instant,
  event: exportedEventSchema,
  phases: z.array(z.object({ name: text(200), position: z.number().int(), startsAt: instant, endsAt: time })).max(100),
  briefs: z.array(exportedBriefSchema).max(caps.briefs),
  participants: z.array(exportedParticipantSchema).max(caps.participants),
  teams: z.array(exportedTeamSchema).max(caps.teams),
  reframes: z.array(exportedReframeSchema).max(caps.reframes),
  boards: z.array(exportedBoardSchema).max(caps.boards),
  voteRounds: z.array(exportedVoteRoundSchema).max(caps.voteRounds),
  projects: z.array(exportedProjectSchema).max(caps.projects),
  /** Absent in exports made before presentations existed. */
  presentations: exportedPresentationsSchema.default(noPresentations),
});

export type EventExport = z.infer<typeof eventExportSchema>;
export type ExportedBoard = z.infer<typeof exportedBoardSchema>;
export type ExportedNote = z.infer<typeof exportedNoteSchema>;
export type ExportedProject = z.infer<typeof exportedProjectSchema>;
export type ExportedPresentations = z.infer<typeof exportedPresentationsSchema>;
export type ExportedShowcase = ExportedPresentations["showcases"][number];

/** Why an upload is not a usable export, in words an organiser can act on. */
export function parseEventExport(raw: unknown): { ok: true; data: EventExport } | { ok: false; message: string } {
  if (typeof raw === "object" && raw !== null) {
    const head = raw as { format?: unknown; version?: unknown };
    if (head.format !== exportFormat) return { ok: false, message: "That file isn't a Made In event export." };
    if (head.version !== exportVersion)
      return {
        ok: false,
        message: `That export is version ${String(head.version)}; this Made In reads version ${exportVersion}.`,
      };
  }
  // Typed text in an export arrives as any other would (lib/text/control-characters.ts).
  const parsed = eventExportSchema.safeParse(withoutControlCharacters(raw));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, message: first ? describeIssue(first, raw) : "That file can't be imported." };
  }
  // As the create form refuses it: an event ending before it starts shows one time and a calendar
  // hour, and every phase of its agenda is "outside its dates".
  const { startsAt, endsAt } = parsed.data.event;
  if (startsAt !== null && endsAt !== null && endsAt <= startsAt)
    return {
      ok: false,
      message:
        "That file can't be imported: the event ends before it starts. Correct its dates in the file, or create the event here. Nothing was imported.",
    };
  const refs = danglingReference(parsed.data);
  if (refs) return { ok: false, message: `The export is inconsistent: ${refs}.` };
  if (rowsToWrite(parsed.data) > caps.rows)
    return {
      ok: false,
      message: `That file can't be imported: all together it has more than ${caps.rows.toLocaleString("en-GB")} people, notes, dots, reactions and other things, more than one event here can have. Nothing was imported.`,
    };
  return { ok: true, data: parsed.data };
}

const parts: Record<string, [string, string]> = {
  event: ["the event's details", "event"],
  phases: ["the agenda", "phase"],
  briefs: ["the briefs", "brief"],
  participants: ["the people", "person"],
  teams: ["the teams", "team"],
  reframes: ["the reframed briefs", "reframed brief"],
  boards: ["the boards", "board"],
  voteRounds: ["the votes", "vote round"],
  projects: ["the projects", "project"],
  presentations: ["the presentations", "presentation"],
};

/** What is wrong with one part of an upload, said so that the organiser can find it in the file. */
function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const [top, index, ...rest] = issue.path;
  const [plural, singular] = parts[String(top)] ?? [top === undefined ? "the file" : `"${String(top)}"`, "item"];
  let where = plural;
  if (typeof index === "number") {
    const item = (raw as Record<string, unknown[] | undefined>)[String(top)]?.[index] as Record<string, unknown> | undefined;
    const name = [item?.title, item?.name, item?.displayName].find((v) => typeof v === "string" && v.trim());
    where = `${plural}, ${singular} ${index + 1}${name ? ` ("${String(name).slice(0, 60)}")` : ""}`;
  } else if (index !== undefined) rest.unshift(index);
  const field = rest.filter((p) => typeof p === "string").join(" › ");
  if (issue.code === "too_big" && issue.origin === "array") return tooMany(issue.path, Number(issue.maximum), where);
  // zod leaves the input out of issues: look it up, to tell "missing" from "wrong".
  let value: unknown = raw;
  for (const key of issue.path) value = (value as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey];
  // A number (a date is one) beyond its bounds is not "too long".
  const numeric = (issue.code === "too_big" || issue.code === "too_small") && ["number", "int"].includes(issue.origin);
  const problem = numeric
    ? "a number or a date is out of range"
    : issue.code === "invalid_type"
      ? value === undefined
        ? "something is missing"
        : "a value is of the wrong kind"
      : issue.code === "too_small"
        ? "something is empty or too short"
        : issue.code === "too_big"
          ? "something is too long"
          : issue.code === "invalid_value"
            ? "there is a value this Made In doesn't know"
            : "something isn't valid";
  return `That file can't be imported: ${problem} in ${where}${field ? ` (${field})` : ""}. Was it edited by hand, or cut short?`;
}

/** A list longer than an import takes, named with where it is, so the organiser can find it. */
function tooMany(path: PropertyKey[], max: number, where: string): string {
  const list = path.findLast((p) => typeof p === "string");
  const kind = listWords[String(list)] ?? "items";
  const most = max.toLocaleString("en-GB");
  return path.length === 1
    ? `That file can't be imported: it has more than ${most} ${kind}, more than Made In takes. Nothing was imported.`
    : `That file can't be imported: it has more than ${most} ${kind} in ${where}, more than Made In takes there. Nothing was imported.`;
}

/** The first id that points at nothing in the export, described; null when all ids resolve. */
function danglingReference(data: EventExport): string | null {
  const briefIds = new Set(data.briefs.map((b) => b.id));
  const people = new Set(data.participants.map((p) => p.id));
  const teamIds = new Set(data.teams.map((t) => t.id));
  const boardIds = new Set(data.boards.map((b) => b.id));
  for (const team of data.teams) {
    if (team.briefId && !briefIds.has(team.briefId)) return `team "${team.name}" works on an unknown brief`;
    for (const m of team.memberIds) if (!people.has(m)) return `team "${team.name}" has an unknown member`;
  }
  for (const r of data.reframes)
    if (!briefIds.has(r.briefId) || !teamIds.has(r.teamId)) return "a reframed brief points at an unknown team or brief";
  // Dots go on notes and groups, or on teams in a people's-choice vote.
  const targets = new Set<string>(teamIds);
  for (const board of data.boards) {
    if (board.teamId && !teamIds.has(board.teamId)) return `board "${board.title}" belongs to an unknown team`;
    const groups = new Set(board.groups.map((g) => g.id));
    for (const g of board.groups) targets.add(g.id);
    for (const note of board.notes) {
      targets.add(note.id);
      if (note.groupId && !groups.has(note.groupId)) return `a note on "${board.title}" is in an unknown group`;
      if (note.authorParticipantId && !people.has(note.authorParticipantId))
        return `a note on "${board.title}" has an unknown author`;
    }
  }
  for (const round of data.voteRounds) {
    if (!boardIds.has(round.boardId)) return "a vote round is on an unknown board";
    for (const v of round.votes) if (!targets.has(v.targetId)) return "a vote is on an unknown note, group or team";
  }
  for (const p of data.projects) if (p.teamId && !teamIds.has(p.teamId)) return `project "${p.title}" has an unknown team`;
  return danglingInPresentations(data.presentations, { teamIds, boardIds, people }) ?? tooManyReactions(data);
}

/**
 * Reactions no room could have given: each person cheers a team `maxReactionsPerPerson` times at
 * most. Checked before anything is written: the import makes one row per reaction.
 */
function tooManyReactions(data: EventExport): string | null {
  const perTeam = new Map<string, number>();
  let total = 0;
  for (const r of data.presentations.reactions) {
    perTeam.set(r.teamId, (perTeam.get(r.teamId) ?? 0) + r.count);
    total += r.count;
  }
  if (total > maxReactionsInExport) return "there are more reactions than one event could have";
  const most = (data.participants.length + staffWhoMayReact) * maxReactionsPerPerson;
  for (const [teamId, count] of perTeam) {
    const name = data.teams.find((t) => t.id === teamId)?.name ?? "";
    if (count > most) return `team "${name}" has more reactions than its people could give`;
  }
  return null;
}

function danglingInPresentations(
  p: ExportedPresentations,
  known: { teamIds: Set<string>; boardIds: Set<string>; people: Set<string> },
): string | null {
  const team = (id: string | null) => id === null || known.teamIds.has(id);
  const person = (id: string) => known.people.has(id) || /^staff-\d+$/.test(id);
  if (p.run) {
    if (!p.run.order.every(team) || !team(p.run.currentTeamId) || !p.run.criteria.every((c) => team(c.teamId)))
      return "the running order names an unknown team";
    if (p.run.peoplesChoiceBoardId && !known.boardIds.has(p.run.peoplesChoiceBoardId))
      return "the people's choice is on an unknown board";
  }
  const showcased = new Set<string>();
  for (const s of p.showcases) {
    if (!team(s.teamId) || showcased.has(s.teamId)) return "a showcase belongs to an unknown team, or a team has two";
    showcased.add(s.teamId);
  }
  if (!p.reactions.every((r) => team(r.teamId))) return "reactions are for an unknown team";
  for (const f of p.feedback)
    if (!team(f.teamId) || !person(f.author)) return "feedback is for an unknown team or from an unknown person";
  const judges = new Set<string>();
  for (const j of p.judges) {
    if (!person(j.judge) || judges.has(j.judge)) return "a judge is an unknown person, or listed twice";
    judges.add(j.judge);
  }
  const scored = new Set<string>();
  for (const s of p.scores) {
    const key = JSON.stringify([s.teamId, s.judge, s.criterion]);
    if (!team(s.teamId) || !person(s.judge) || scored.has(key)) return "a score is for an unknown team or by an unknown judge";
    scored.add(key);
  }
  return null;
}
