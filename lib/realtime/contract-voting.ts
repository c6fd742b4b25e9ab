/** The dot-voting part of the real-time contract (merged into contract.ts). */
import { z } from "zod";

const id = z.string().min(1).max(64);

/** "teams": a people's choice across teams, opened by `peoples-choice:open`. */
export const voteTargets = ["notes", "groups", "both", "teams"] as const;

export const votingCommandSchemas = {
  "vote:state": z.object({ boardId: id }).strict(),
  "vote:open": z
    .object({
      boardId: id,
      dotsPerPerson: z
        .number({ error: "Dots per person must be a number." })
        .int()
        .min(1, "Give everyone at least one dot.")
        .max(20, "20 dots each at most."),
      maxPerTarget: z.number({ error: "Dots per note must be a number." }).int().min(1).max(20),
      targets: z.enum(voteTargets).default("notes"),
      talliesLive: z.boolean().default(false),
      /** Ends by itself after this many minutes; null runs until closed. */
      minutes: z.number().int().min(1).max(180).nullable().default(null),
      columns: z.array(z.string().min(1).max(40)).max(8).nullable().default(null),
      shortlistSize: z.number().int().min(1, "The shortlist needs at least one place.").max(50).default(8),
    })
    .strict()
    .refine((r) => r.maxPerTarget <= r.dotsPerPerson, {
      message: "Dots per note can't be more than dots per person.",
      path: ["maxPerTarget"],
    }),
  "vote:cast": z.object({ roundId: id, targetId: id }).strict(),
  "vote:retract": z.object({ roundId: id, targetId: id }).strict(),
  "vote:close": z.object({ roundId: id }).strict(),
  "vote:reveal": z.object({ roundId: id }).strict(),
  "vote:shortlist": z
    .object({
      roundId: id,
      /** The facilitator's pick among notes tied at the cut. */
      picked: z.array(id).max(50).default([]),
      title: z.string().trim().min(1, "Give the new board a title.").max(80),
    })
    .strict(),
} as const;

export type RoundView = {
  id: string;
  boardId: string;
  status: "open" | "closed" | "revealed";
  dotsPerPerson: number;
  maxPerTarget: number;
  targets: (typeof voteTargets)[number];
  excludeOwnTeam: boolean;
  talliesLive: boolean;
  columns: string[] | null;
  shortlistSize: number;
  endsAt: number | null;
  createdAt: number;
  closedAt: number | null;
  revealedAt: number | null;
  shortlist: string[] | null;
  shortlistBoardId: string | null;
};

/** How a round stands. `tallies` is null while they are hidden from this audience. */
/** `version` grows with every change to the round's votes: a client keeps the highest it saw. */
export type TallyView = {
  roundId: string;
  version: number;
  voters: number;
  dotsUsed: number;
  tallies: Record<string, number> | null;
};

export type VotingState = {
  /** The board room's sequence number when this was read. */
  seq: number;
  round: RoundView | null;
  tally: TallyView | null;
  /** My dots in the current round: target id → dots. */
  mine: Record<string, number>;
  /** Earlier rounds on this board, newest first. */
  history: RoundView[];
};

export type VotingCommandResults = {
  "vote:state": VotingState;
  "vote:open": { round: RoundView };
  "vote:cast": { mine: Record<string, number> };
  "vote:retract": { mine: Record<string, number> };
  "vote:close": { round: RoundView };
  "vote:reveal": { round: RoundView };
  "vote:shortlist": { round: RoundView; boardId: string };
};

/** Sequenced in the board's room. */
export type VotingEvents = {
  "vote:round-changed": { round: RoundView };
  /**
   * The notes or groups these dots were on are gone (deleted, or a group dissolved) while the
   * round is open: every dot on them was given back, so each phone spends its own again.
   */
  "vote:dots-returned": { roundId: string; targetIds: string[] };
};
