/**
 * Final presentations (merged into contract.ts): each team's showcase, the running order and the
 * presenter's controls, the room's reactions and feedback, judges' scores and the people's choice.
 * Changes are broadcast in the event's presentations room, numbered: a screen that misses one sees
 * the gap and reads `presentation:state` again. A showcase goes out as what a save changed, not
 * whole, so a letter typed is not a whole showcase to every screen of the event. Cheers go out as
 * each team's counts, batched and not numbered (rooms.ts), as vote tallies do.
 */
import { z } from "zod";
import { linkLimits, presentationLimits, reactionKinds, reactionLimits } from "./constants";

const id = z.string().min(1).max(64);
const text = (max: number, what: string) =>
  z
    .string({ error: `${what} must be text` })
    .max(max, `${what} must be ${max} characters or fewer`)
    .transform((s) => s.replace(/\r\n/g, "\n"));

const link = z
  .object({
    // Nothing is trimmed: the showcase saves as people type, and a trailing space is mid-word, not rubbish.
    title: text(linkLimits.title, "A link's name"),
    url: z
      .string({ error: "A link must be text" })
      .max(linkLimits.url, "A link must be 500 characters or fewer")
      .refine((u) => u.trim() === "" || /^https?:\/\/[^\s]+\.[^\s]+$/i.test(u.trim()), "Links start with https:// (or http://)"),
  })
  .strict();

const showcaseFieldsSchema = z
  .object({
    title: text(presentationLimits.title, "The title"),
    summary: text(presentationLimits.summary, "The one-line summary"),
    made: text(presentationLimits.long, "What you made"),
    learned: text(presentationLimits.long, "What you learned"),
    links: z.array(link).max(presentationLimits.links, `At most ${presentationLimits.links} links`),
    imageIds: z.array(id).max(presentationLimits.images, `At most ${presentationLimits.images} images`),
    nextSteps: text(presentationLimits.long, "Next steps"),
    takenForwardBy: text(presentationLimits.title, "Who takes it forward"),
    needs: text(presentationLimits.long, "What they need"),
  })
  .partial()
  .strict();

const seconds = (what: string) =>
  z
    .number({ error: `${what} must be a number of seconds` })
    .int(`${what} must be whole seconds`)
    .min(0, `${what} can't be negative`)
    .max(3600, `${what} can be an hour at most`);

const presentationSteps = [
  "start",
  "next",
  "previous",
  "questions",
  "finish",
  "restart-clock",
  "pause",
  "resume",
  "reset",
] as const;
const presentationStages = ["waiting", "presenting", "questions", "finished"] as const;

export const presentationCommandSchemas = {
  /** Everything the presentations pages show; subscribes to the presentations room. */
  "presentation:state": z.object({}).strict(),
  /** Saves the fields a team member changed (as they type); other fields are left as they are. */
  "showcase:save": z.object({ teamId: id, fields: showcaseFieldsSchema }).strict(),
  "presentation:order": z
    .object({
      order: z.array(id).max(200),
      presentSeconds: seconds("Presentation time").min(30, "Give each team at least 30 seconds").optional(),
      questionsSeconds: seconds("Questions time").optional(),
    })
    .strict(),
  "presentation:shuffle": z.object({}).strict(),
  /**
   * `from` is the team the sender saw on and `fromStage` its stage: a step pressed against a stage
   * that has already gone (the second of two quick presses, another console) changes nothing, so
   * one press is one step. "reset" goes back to "not started" after a rehearsal.
   */
  "presentation:step": z
    .object({
      step: z.enum(presentationSteps),
      from: id.nullable().default(null),
      fromStage: z.enum(presentationStages).optional(),
    })
    .strict(),
  /** Gives an empty team (nobody joined it) a slot after all, or takes that back. */
  "presentation:include": z.object({ teamId: id, include: z.boolean() }).strict(),
  /** Switches the big screen's presentations wall to the combined results, or back to the presenter. */
  "presentation:project": z.object({ view: z.enum(["presenter", "results"]) }).strict(),
  /** `times`: the taps a phone folded into this command (constants.ts, reactionLimits); one when not said. */
  "presentation:react": z
    .object({ teamId: id, kind: z.enum(reactionKinds), times: z.number().int().min(1).max(reactionLimits.perTeam).default(1) })
    .strict(),
  "presentation:feedback": z
    .object({
      teamId: id,
      text: z
        .string({ error: "Feedback must be text" })
        .trim()
        .min(1, "Write some feedback first")
        .max(presentationLimits.feedback, `Feedback must be ${presentationLimits.feedback} characters or fewer`),
    })
    .strict(),
  /** Makes a person in the event a judge (or not). `personKey` is p:<participant> or a:<account>. */
  "judge:assign": z.object({ personKey: z.string().regex(/^[pa]:[A-Za-z0-9-]{1,64}$/), judge: z.boolean() }).strict(),
  "judge:score": z
    .object({
      teamId: id,
      criterion: z.string().trim().min(1).max(120),
      score: z
        .number({ error: "A score is a number from 1 to 5" })
        .int()
        .min(1, "Scores go from 1 to 5")
        .max(5, "Scores go from 1 to 5")
        .nullable(),
    })
    .strict(),
  "criteria:set": z
    .object({
      teamId: id,
      criteria: z
        .array(z.string().trim().min(1, "A criterion can't be empty").max(120, "A criterion must be 120 characters or fewer"))
        .min(1, "Keep at least one criterion")
        .max(8, "At most 8 criteria"),
    })
    .strict(),
  /** Opens a people's-choice dot vote across teams (a vote round whose targets are teams). */
  "peoples-choice:open": z
    .object({
      dotsPerPerson: z
        .number({ error: "Dots must be a number" })
        .int()
        .min(1, "Give everyone at least one dot")
        .max(10, "10 dots each at most"),
      excludeOwnTeam: z.boolean().default(true),
    })
    .strict(),
} as const;

export type ShowcaseLink = { title: string; url: string };

export type ShowcaseView = {
  teamId: string;
  title: string;
  summary: string;
  made: string;
  learned: string;
  links: ShowcaseLink[];
  images: { id: string; url: string }[];
  nextSteps: string;
  /** As the team wrote it, or the brief's owner when they left it empty. */
  takenForwardBy: string;
  takenForwardByDefault: string;
  needs: string;
  updatedAt: number | null;
  updatedBy: string;
};

/** A showcase's fields a team writes, as screens show them (`images` for the ids saved). */
export type ShowcaseField =
  | "title"
  | "summary"
  | "made"
  | "learned"
  | "links"
  | "images"
  | "nextSteps"
  | "takenForwardBy"
  | "needs";

/**
 * What one save changed of a team's showcase: the fields it wrote (as screens show them), and who
 * saved when. A screen lays it over the showcase it holds (lib/presentations/showcase-changes.ts).
 */
export type ShowcaseChange = {
  teamId: string;
  changes: Partial<Pick<ShowcaseView, ShowcaseField>>;
  updatedAt: number;
  updatedBy: string;
};

export type PresentationTeam = { id: string; name: string; briefTitle: string | null };

export type PresentationRunView = {
  order: string[];
  presentSeconds: number;
  questionsSeconds: number;
  currentTeamId: string | null;
  stage: "waiting" | "presenting" | "questions" | "finished";
  stageStartedAt: number | null;
  pausedAt: number | null;
  peoplesChoiceBoardId: string | null;
  /** Empty teams the staff added on purpose (they are in `order`). */
  includedTeamIds: string[];
  /** Teams nobody joined and nobody added: no slot, rank or votes. */
  leftOutTeamIds: string[];
  /** What the big screen's presentations wall shows. */
  projecting: "presenter" | "results";
};

/** One line of the combined results as the room sees them, named by the showcase title the room saw. */
export type ProjectedResult = {
  teamId: string;
  rank: number;
  /** The showcase title, or the team's name when the team gave none. */
  title: string;
  teamName: string;
  combined: number;
  votes: number;
  /** Judges' share of their maximum, 0–100; null when nobody judged. */
  judgesPercent: number | null;
};

export type ReactionCounts = Record<string, Partial<Record<(typeof reactionKinds)[number], number>>>;

export type FeedbackView = { id: string; teamId: string; authorName: string; text: string; createdAt: number };

export type JudgeView = { key: string; name: string };

export type PresentationState = {
  seq: number;
  run: PresentationRunView;
  teams: PresentationTeam[];
  showcases: Record<string, ShowcaseView>;
  reactions: ReactionCounts;
  /** Criteria each team is judged against. */
  criteria: Record<string, string[]>;
  me: {
    key: string;
    teamId: string | null;
    judge: boolean;
    staff: boolean;
    /** My scores as a judge: team → criterion → score. */
    scores: Record<string, Record<string, number>>;
  };
  /** Feedback I may read: my team's, or everyone's for staff. */
  feedback: FeedbackView[];
  /** The combined results while the big screen shows them; null otherwise. */
  results: ProjectedResult[] | null;
  /** Staff only: the judges, and people who could be made judges. */
  judges: JudgeView[] | null;
  people: JudgeView[] | null;
};

export type PresentationCommandResults = {
  "presentation:state": PresentationState;
  /** Only when it was saved: the editor keeps what it typed, and the room hears what changed. */
  "showcase:save": { teamId: string; updatedAt: number };
  "presentation:order": { run: PresentationRunView };
  "presentation:shuffle": { run: PresentationRunView };
  "presentation:step": { run: PresentationRunView };
  "presentation:include": { run: PresentationRunView };
  "presentation:project": { run: PresentationRunView; results: ProjectedResult[] | null };
  "presentation:react": { counts: ReactionCounts[string] };
  "presentation:feedback": { feedback: FeedbackView };
  "judge:assign": { judges: JudgeView[] };
  "judge:score": { scores: Record<string, number> };
  "criteria:set": { criteria: string[] };
  "peoples-choice:open": { boardId: string; roundId: string };
};

/** Sequenced in the presentations room. */
export type PresentationEvents = {
  "showcase:changed": ShowcaseChange;
  "presentation:run-changed": { run: PresentationRunView };
  /** The big screen switched to the combined results (with them) or back to the presenter (null). */
  "presentation:results-shown": { results: ProjectedResult[] | null };
  /** `renamed`: criteria whose wording changed, [from, to]; a judge's scores move with them. */
  "presentation:criteria-changed": { teamId: string; criteria: string[]; renamed: [string, string][] };
  /**
   * Who judges now, by key only: the whole room hears it (a phone made a judge shows its scores),
   * and judges' names are the staff's (their screens read them again from their snapshot).
   */
  "presentation:judges-changed": { judgeKeys: string[] };
  /** A judge scored a team: no score and no judge, only that the results have moved. */
  "presentation:scored": { teamId: string };
  /** Someone wrote feedback to a team: not what, nor who; the team's and the staff's screens read it again. */
  "presentation:feedback-given": { teamId: string };
};
