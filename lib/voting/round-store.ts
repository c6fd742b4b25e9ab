import { and, count, countDistinct, desc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { voteRounds, votes } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { CommandFailure } from "@/lib/realtime/command-error";
import type { RoundView, TallyView } from "@/lib/realtime/contract";
import { currentSeq, versionKeys } from "@/lib/realtime/sequence";

export type RoundRow = typeof voteRounds.$inferSelect;

export function roundView(r: RoundRow, shortlistBoardId: string | null = null): RoundView {
  return {
    id: r.id,
    boardId: r.boardId,
    status: r.status,
    dotsPerPerson: r.dotsPerPerson,
    maxPerTarget: r.maxPerTarget,
    targets: r.targets,
    excludeOwnTeam: r.excludeOwnTeam,
    talliesLive: r.talliesLive,
    columns: r.columns ?? null,
    shortlistSize: r.shortlistSize,
    endsAt: r.endsAt,
    createdAt: r.createdAt,
    closedAt: r.closedAt,
    revealedAt: r.revealedAt,
    shortlist: r.shortlist ?? null,
    shortlistBoardId,
  };
}

/** A round that doesn't exist, or is another event's: the same answer either way. */
export const noSuchRound = () => new CommandFailure("not_found", "That vote doesn't exist.");

export async function roundInEvent(db: Db | Tx, actor: Actor, roundId: string): Promise<RoundRow> {
  const [round] = await db.select().from(voteRounds).where(eq(voteRounds.id, roundId));
  if (!round || round.eventId !== actor.eventId) throw noSuchRound();
  return round;
}

export async function latestRounds(db: Db | Tx, boardId: string) {
  return db.select().from(voteRounds).where(eq(voteRounds.boardId, boardId)).orderBy(desc(voteRounds.createdAt)).limit(20);
}

/** My dots in a round, by target. */
export async function dotsOf(db: Db | Tx, roundId: string, voterKey: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ targetId: votes.targetId, dots: count() })
    .from(votes)
    .where(and(eq(votes.roundId, roundId), eq(votes.voterKey, voterKey)))
    .groupBy(votes.targetId);
  return Object.fromEntries(rows.map((r) => [r.targetId, Number(r.dots)]));
}

/** Tallies are public when the round is revealed, or live by choice while it runs. */
const talliesVisible = (r: RoundRow) => r.status === "revealed" || (r.talliesLive && r.status === "open");

/** How a round stands, as everyone may see it: counts always, tallies only when visible. */
export async function tallyOf(db: Db | Tx, round: RoundRow): Promise<TallyView> {
  // Read before the counts: the counts are then at least as new as the version says.
  const version = await currentSeq(db, versionKeys.tally(round.id));
  const [totals] = await db
    .select({ voters: countDistinct(votes.voterKey), dots: count() })
    .from(votes)
    .where(eq(votes.roundId, round.id));
  let tallies: Record<string, number> | null = null;
  if (talliesVisible(round)) {
    const rows = await db
      .select({ targetId: votes.targetId, dots: count() })
      .from(votes)
      .where(eq(votes.roundId, round.id))
      .groupBy(votes.targetId);
    tallies = Object.fromEntries(rows.map((r) => [r.targetId, Number(r.dots)]));
  }
  return { roundId: round.id, version, voters: Number(totals?.voters ?? 0), dotsUsed: Number(totals?.dots ?? 0), tallies };
}

/** Every tally of a round, whatever is visible: for closing and the shortlist. */
export async function allTallies(db: Db | Tx, roundId: string) {
  const rows = await db
    .select({ targetId: votes.targetId, dots: count() })
    .from(votes)
    .where(eq(votes.roundId, roundId))
    .groupBy(votes.targetId);
  return Object.fromEntries(rows.map((r) => [r.targetId, Number(r.dots)]));
}
