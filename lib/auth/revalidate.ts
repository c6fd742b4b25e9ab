import type { InValue, Row } from "@libsql/client";
import type { Db, Tx } from "@/db/client";
import { readRows, rowsOf } from "@/db/fixed-sql";
import type { Actor } from "./actor";
import { type HeldOut, heldOutBy } from "./held-out";

/**
 * What a live connection holds: the identity resolved at its handshake and, for staff, the
 * session (by hash) it was resolved from. Checked again on every command and on a short sweep,
 * so access taken away (leaving, removal, sign-out, expiry, a new password, an archived event)
 * is gone from open sockets too, on every process, whichever path took it away.
 */
export type HeldIdentity = { actor: Actor; sessionHash: string | null; deviceId?: string | null };

/*
 * Fixed SQL text (db/fixed-sql.ts), read fresh from the database on every call: this runs before
 * every command and on every sweep, and drizzle built its queries anew each time (an `IN` list
 * of up to 400 parameters for a sweep). The identities go in as ONE JSON array, so the text is
 * the same for one socket or a thousand (no batches, one cached statement), and each statement
 * answers only the positions in that array that no longer hold: usually none.
 */

// [participantId, deviceId | null]. A participant holds while they have not left (nor been
// erased) and their event is published (not taken back to draft, which is private to its
// staff, nor archived); their device, if the socket has one, while they haven't signed it out.
// Those let go only because of their event's status (`held_out_by`, a draft or archived event)
// are still themselves: they are let back in when it is published again. Only the positions
// that no longer hold pay for that column.
const revokedParticipants = `select j.key,
  case when j.value ->> 1 is null or exists (select 1 from participant_devices d where d.id = j.value ->> 1) then (
    select e.status from participants p join events e on e.id = p.event_id
    where p.id = j.value ->> 0 and p.left_at is null) end as held_out_by
from json_each(?1) j
where not exists (
    select 1 from participants p join events e on e.id = p.event_id
    where p.id = j.value ->> 0 and p.left_at is null and e.status = 'published')
  or (j.value ->> 1 is not null and not exists (select 1 from participant_devices d where d.id = j.value ->> 1))`;

// [sessionHash | null, accountId, eventId, role]. Staff hold while their session is live (and
// theirs) and they keep the same role in the same event. Those still signed in but no longer on
// the event's staff at all were taken off it (`removed`): their device forgets what it kept for them.
const revokedStaff = `select j.key,
  case when exists (
      select 1 from account_sessions s
      where s.token_hash = j.value ->> 0 and s.account_id = j.value ->> 1 and s.expires_at > ?2)
    and not exists (select 1 from event_staff st where st.event_id = j.value ->> 2 and st.account_id = j.value ->> 1)
  then 'removed' end as removed
from json_each(?1) j
where not exists (
    select 1 from account_sessions s
    where s.token_hash = j.value ->> 0 and s.account_id = j.value ->> 1 and s.expires_at > ?2)
  or not exists (
    select 1 from event_staff st
    where st.event_id = j.value ->> 2 and st.account_id = j.value ->> 1 and st.role = j.value ->> 3)`;

/**
 * Why an identity no longer holds:
 * - `closed` or `finished` (lib/auth/held-out.ts): a participant still in the event, whose event
 *   was taken back to draft or archived; they hold again, as they were, once it is published.
 * - `removed`: a member of staff still signed in, taken off the event's staff.
 * - `ended`: every other way (left, removed by staff, signed out, expired, a new role…).
 */
export type Revoked = HeldOut | "removed" | "ended";

/** Which of these identities no longer hold, and why: at most two statements, however many there are. */
export function revokedAmong<T extends HeldIdentity>(db: Db, held: T[], now = Date.now()): Promise<Map<T, Revoked>> {
  return revokedBy((sql, args) => readRows(db, sql, args), held, now);
}

/**
 * Whether this identity no longer holds, read inside a write's own transaction: a command checked
 * there cannot slip between access being taken away and its own write.
 */
export async function revokedWithin(tx: Tx, held: HeldIdentity, now = Date.now()): Promise<Revoked | null> {
  return (await revokedBy((sql, args) => rowsOf(tx, sql, args), [held], now)).get(held) ?? null;
}

type ReadRows = (sql: string, args: InValue[]) => Promise<Row[]>;

async function revokedBy<T extends HeldIdentity>(read: ReadRows, held: T[], now: number): Promise<Map<T, Revoked>> {
  const revoked = new Map<T, Revoked>();
  // Sockets holding the same identity share one entry (a person's tabs, a sweep's repeats).
  const participants = new Map<string, { key: (string | null)[]; holders: T[] }>();
  const staff = new Map<string, { key: (string | null)[]; holders: T[] }>();
  for (const h of held) {
    const a = h.actor;
    const key =
      a.kind === "participant" ? [a.participantId, h.deviceId || null] : [h.sessionHash || null, a.accountId, a.eventId, a.role];
    const into = a.kind === "participant" ? participants : staff;
    const id = JSON.stringify(key);
    const entry = into.get(id);
    if (entry) entry.holders.push(h);
    else into.set(id, { key, holders: [h] });
  }

  const mark = async (entries: Map<string, { key: (string | null)[]; holders: T[] }>, sql: string, args: number[]) => {
    if (entries.size === 0) return;
    const list = [...entries.values()];
    const rows = await read(sql, [JSON.stringify(list.map((e) => e.key)), ...args]);
    for (const row of rows) {
      const said = String(row[1] ?? "");
      const why: Revoked = said === "removed" ? "removed" : (heldOutBy(said) ?? "ended");
      for (const h of list[Number(row[0])]?.holders ?? []) revoked.set(h, why);
    }
  };
  await mark(participants, revokedParticipants, []);
  await mark(staff, revokedStaff, [now]);
  return revoked;
}
