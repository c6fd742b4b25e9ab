/**
 * What a dot (cast or taken back) is checked against, read in ONE statement of fixed SQL text
 * (db/fixed-sql.ts) inside the write's transaction: the round, its board's owner, the voter's
 * team, the voter's dots and the target. The handlers then refuse in the same order, with the
 * same words, as when each came from its own query (lib/voting/vote-handlers.test.ts).
 */
import type { Row } from "@libsql/client";
import type { Tx } from "@/db/client";
import { jsonOut, rowsOf } from "@/db/fixed-sql";
import type { Actor } from "@/lib/auth/actor";
import type { RoundRow } from "./round-store";

/** The round's fields the dot's checks and its signal read. */
export type DotRound = Pick<
  RoundRow,
  "id" | "boardId" | "eventId" | "status" | "dotsPerPerson" | "maxPerTarget" | "targets" | "excludeOwnTeam" | "columns" | "endsAt"
>;

// The voter's dots as [[targetId, slot], …], in slot order as the unique index gives them.
const roundColumns = `r.id, r.board_id, r.event_id, r.status, r.dots_per_person, r.max_per_target, r.targets,
  r.exclude_own_team, r.columns, r.ends_at,
  (select json_group_array(json_array(v.target_id, v.slot)) from votes v where v.round_id = r.id and v.voter_key = ?2) as held`;

const castFacts = `select ${roundColumns},
  b.event_id as board_event_id, b.team_id as board_team_id,
  case when b.team_id is not null then
    (select m.team_id from team_members m where m.event_id = ?4 and m.participant_id = ?5) end as my_team_id,
  (select n.column_key from notes n where n.id = ?3 and n.board_id = r.board_id) as note_column,
  exists (select 1 from note_groups g where g.id = ?3 and g.board_id = r.board_id) as is_group
from vote_rounds r left join boards b on b.id = r.board_id
where r.id = ?1`;

const retractFacts = `select ${roundColumns},
  (select v.id from votes v where v.round_id = r.id and v.voter_key = ?2 and v.target_id = ?3
    order by v.place_on_target desc limit 1) as last_id
from vote_rounds r
where r.id = ?1`;

const text = (value: unknown) => (value === null || value === undefined ? null : String(value));

function roundOf(row: Row): DotRound {
  return {
    id: String(row.id),
    boardId: String(row.board_id),
    eventId: String(row.event_id),
    status: String(row.status) as DotRound["status"],
    dotsPerPerson: Number(row.dots_per_person),
    maxPerTarget: Number(row.max_per_target),
    targets: String(row.targets) as DotRound["targets"],
    excludeOwnTeam: Boolean(row.exclude_own_team),
    columns: jsonOut<string[]>(row.columns),
    endsAt: row.ends_at === null ? null : Number(row.ends_at),
  };
}

const heldOf = (row: Row) => (jsonOut<[string, number][]>(row.held) ?? []).map(([targetId, slot]) => ({ targetId, slot }));

export type CastFacts = {
  round: DotRound;
  /** Null when the round's board is gone. */
  board: { eventId: string; teamId: string | null } | null;
  /** The voter's team in the event; read only when the board is a team's. */
  myTeamId: string | null;
  held: { targetId: string; slot: number }[];
  /** The target as a note on the round's board (its column), or as a group there. */
  target: { noteColumn: string | null; isGroup: boolean };
};

/** Null when the round doesn't exist. */
export async function readCastFacts(tx: Tx, actor: Actor, roundId: string, voter: string, targetId: string) {
  const participantId = actor.kind === "participant" ? actor.participantId : null;
  const [row] = await rowsOf(tx, castFacts, [roundId, voter, targetId, actor.eventId, participantId]);
  if (!row) return null;
  const facts: CastFacts = {
    round: roundOf(row),
    board: row.board_event_id === null ? null : { eventId: String(row.board_event_id), teamId: text(row.board_team_id) },
    myTeamId: text(row.my_team_id),
    held: heldOf(row),
    target: { noteColumn: text(row.note_column), isGroup: Boolean(row.is_group) },
  };
  return facts;
}

/** Null when the round doesn't exist. `lastId`: the voter's dot placed last on the target. */
export async function readRetractFacts(tx: Tx, roundId: string, voter: string, targetId: string) {
  const [row] = await rowsOf(tx, retractFacts, [roundId, voter, targetId]);
  if (!row) return null;
  return { round: roundOf(row), held: heldOf(row), lastId: text(row.last_id) };
}

/** A person's dots per target, from the dots they hold. */
export function countByTarget(held: readonly { targetId: string }[]): Record<string, number> {
  const mine: Record<string, number> = {};
  for (const h of held) mine[h.targetId] = (mine[h.targetId] ?? 0) + 1;
  return mine;
}
