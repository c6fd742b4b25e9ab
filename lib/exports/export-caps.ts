import { boardLimits } from "@/lib/realtime/constants";
import type { EventExport } from "./export-schema";

/**
 * How much one event export may hold, list by list. Each list is a number of rows to write, so
 * an import's work is bounded by these, not by what a file says. Sized well above the largest
 * weekend the product plans for (a room of a thousand people, twenty teams, boards of 500 notes:
 * test/integration/support/big-event.ts exports 3.5 MB), and above what its own forms allow.
 */
export const exportCaps = {
  briefs: 200,
  /** The brief editor keeps 30 of each. */
  briefRows: 100,
  participants: 2_000,
  teams: 300,
  reframes: 2_000,
  boards: 500,
  /** A board holds a handful (boardLimits.columns); the people's choice holds none. */
  columns: boardLimits.columns * 2,
  groupsPerBoard: 2_000,
  /** Ten times a big board. */
  notesPerBoard: 5_000,
  voteRounds: 500,
  /** Two thousand people with ten dots each. */
  votesPerRound: 20_000,
  shortlist: 1_000,
  projects: 500,
  /** Weekly for ten years. */
  checkInsPerProject: 500,
  risksPerProject: 100,
  imagesPerShowcase: 50,
  /** One row per team and kind of reaction. */
  reactionRows: 2_000,
  feedback: 20_000,
  judges: 500,
  scores: 20_000,
  /** Everything the import writes, all lists together (a reaction's count is that many rows). */
  rows: 200_000,
} as const;

/**
 * The lists of an export by their name in the file, in the words the refusal uses ("…more than
 * 5,000 notes in the boards, board 3"). errors.json (importLists) says them in every language.
 */
export const listWords: Record<string, string> = {
  goals: "goals",
  joinLanguages: "join languages",
  phases: "phases",
  briefs: "briefs",
  links: "links",
  contacts: "contacts",
  files: "files",
  participants: "people",
  skills: "skills",
  teams: "teams",
  memberIds: "members",
  reframes: "reframed briefs",
  boards: "boards",
  columns: "columns",
  groups: "groups of notes",
  notes: "notes",
  voteRounds: "vote rounds",
  shortlist: "shortlisted notes",
  votes: "dots",
  projects: "projects",
  coOwners: "co-owners",
  milestones: "milestones",
  checkIns: "check-ins",
  numbers: "numbers",
  photos: "photos",
  risks: "risk checklist items",
  order: "teams on the running order",
  includedTeamIds: "added teams",
  criteria: "criteria",
  showcases: "showcases",
  images: "images",
  reactions: "reactions",
  feedback: "pieces of feedback",
  judges: "judges",
  scores: "scores",
};

/** How many rows importing `data` writes. */
export function rowsToWrite(data: EventExport): number {
  const sum = <T>(list: T[], count: (item: T) => number) => list.reduce((total, item) => total + count(item), 0);
  const p = data.presentations;
  return (
    1 +
    data.phases.length +
    sum(data.briefs, (b) => 1 + b.links.length + b.contacts.length + b.files.length) +
    data.participants.length +
    sum(data.teams, (t) => 1 + t.memberIds.length) +
    data.reframes.length +
    sum(data.boards, (b) => 2 + b.groups.length + b.notes.length) +
    sum(data.voteRounds, (r) => 2 + r.votes.length) +
    sum(data.projects, (pr) => 1 + pr.milestones.length + pr.checkIns.length + pr.risks.length) +
    (p.run ? 1 : 0) +
    sum(p.showcases, (s) => 1 + s.images.length) +
    sum(p.reactions, (r) => r.count) +
    p.feedback.length +
    p.judges.length +
    p.scores.length
  );
}
