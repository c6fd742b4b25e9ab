import { and, count, desc, eq, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { jsonOut, readRows } from "@/db/fixed-sql";
import { roomSequences, voteRounds, votes, voteTallies } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { CommandFailure } from "@/lib/realtime/command-error";
import type { RoundView, TallyView } from "@/lib/realtime/contract";
import { versionKeys } from "@/lib/realtime/sequence";

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
  // The version and the totals come from one statement (one snapshot); the tallies are read after
  // it, so they are at least as new as the version says, as a phone that keeps the newer expects.
  const [row] = await db
    .select({
      version: sql<number>`coalesce((select ${roomSequences.seq} from ${roomSequences} where ${roomSequences.room} = ${versionKeys.tally(round.id)}), 0)`,
      voters: voteRounds.voters,
      dots: voteRounds.dotsUsed,
    })
    .from(voteRounds)
    .where(eq(voteRounds.id, round.id));
  return {
    roundId: round.id,
    version: Number(row?.version ?? 0),
    voters: row?.voters ?? 0,
    dotsUsed: row?.dots ?? 0,
    tallies: talliesVisible(round) ? await allTallies(db, round.id) : null,
  };
}

// tallyOf's reads as ONE statement of fixed SQL text (db/fixed-sql.ts), for the coalesced tally
// that goes to the room every 40 ms while people vote: drizzle built the round's select and its
// queries afresh on each flush. The counts are kept by triggers on `votes` (migration 0023), so
// this reads the round's row and one row per target, however many dots the round holds.
const tallyNowSql = `select r.status, r.tallies_live, r.voters, r.dots_used,
  coalesce((select s.seq from room_sequences s where s.room = ?2), 0) as version,
  case when r.status = 'revealed' or (r.tallies_live and r.status = 'open') then
    (select json_group_object(t.target_id, t.dots) from vote_tallies t where t.round_id = r.id) end as tallies
from vote_rounds r
where r.id = ?1`;

/** The round's tally as `tallyOf` gives it, read on `db`'s connections; null if the round is gone. */
export async function tallyNow(db: Db, roundId: string): Promise<TallyView | null> {
  const [row] = await readRows(db, tallyNowSql, [roundId, versionKeys.tally(roundId)]);
  if (!row) return null;
  return {
    roundId,
    version: Number(row.version),
    voters: Number(row.voters),
    dotsUsed: Number(row.dots_used),
    tallies: jsonOut<Record<string, number>>(row.tallies),
  };
}

/** Every tally of a round, whatever is visible: for closing and the shortlist. */
export async function allTallies(db: Db | Tx, roundId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ targetId: voteTallies.targetId, dots: voteTallies.dots })
    .from(voteTallies)
    .where(eq(voteTallies.roundId, roundId));
  return Object.fromEntries(rows.map((r) => [r.targetId, r.dots]));
}
