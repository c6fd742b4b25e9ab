import { and, count, countDistinct, desc, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { jsonOut, readRows } from "@/db/fixed-sql";
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

// tallyOf's reads as ONE statement of fixed SQL text (db/fixed-sql.ts), for the coalesced tally
// that goes to the room every 40 ms while people vote: drizzle built the round's select and the
// three queries afresh on each flush. One statement reads one snapshot, so the version matches
// the counts exactly (tallyOf reads it first, so its counts are at least as new). The counts scan
// the round's narrowest covering index, (round, voter, slot): left to itself SQLite picks the one
// that also holds each target id, about 30 % slower at 20,000 dots (a round of 1,000 phones).
const tallyNowSql = `select r.status, r.tallies_live,
  coalesce((select s.seq from room_sequences s where s.room = ?2), 0) as version,
  t.voters, t.dots,
  case when r.status = 'revealed' or (r.tallies_live and r.status = 'open') then
    (select json_group_object(g.target_id, g.dots) from
      (select v.target_id, count(*) as dots from votes v where v.round_id = r.id group by v.target_id) g) end as tallies
from vote_rounds r,
  (select count(distinct v.voter_key) as voters, count(*) as dots from votes v indexed by votes_voter_slot
    where v.round_id = ?1) t
where r.id = ?1`;

/** The round's tally as `tallyOf` gives it, read on `db`'s connections; null if the round is gone. */
export async function tallyNow(db: Db, roundId: string): Promise<TallyView | null> {
  const [row] = await readRows(db, tallyNowSql, [roundId, versionKeys.tally(roundId)]);
  if (!row) return null;
  return {
    roundId,
    version: Number(row.version),
    voters: Number(row.voters),
    dotsUsed: Number(row.dots),
    tallies: jsonOut<Record<string, number>>(row.tallies),
  };
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
