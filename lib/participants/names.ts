import { and, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { accounts, participants } from "@/db/schema";
import { leftName, publicName } from "./profile";
import { staffName } from "./profile-facts";

type Reader = Db | Tx;

/**
 * Who is looking: the room (other participants, the big screen) sees `publicName`; "private" is
 * the name as typed, for the people running the event (who also see the age band and access
 * needs) and for the person themselves.
 */
export type NameAudience = "room" | "private";

export { staffName } from "./profile-facts";

/** The actor key of the author of something stored with separate participant/account columns. */
export const authorKey = (row: { authorParticipantId: string | null; authorAccountId: string | null }) =>
  row.authorParticipantId ? `p:${row.authorParticipantId}` : row.authorAccountId ? `a:${row.authorAccountId}` : null;

/**
 * Names of people by actor key (`p:<participant id>`, `a:<account id>`), read from their
 * profiles now. Nothing stores a person's name beside what they did: it is stored by key and
 * named here, when it is sent or read, so an age band given later, or leaving, changes every
 * place at once. A participant key that is not in this event reads as someone who left; a key
 * of staff, or of staff in an imported event (`x:…`), as the account's name or "Staff".
 */
export async function namesByKey(
  db: Reader,
  eventId: string,
  keys: Iterable<string | null>,
  audience: NameAudience,
): Promise<(key: string | null) => string> {
  const wanted = [...new Set(keys)].filter((k): k is string => k !== null);
  const participantIds = wanted.filter((k) => k.startsWith("p:")).map((k) => k.slice(2));
  const accountIds = wanted.filter((k) => k.startsWith("a:")).map((k) => k.slice(2));
  const [people, staff] = await Promise.all([
    participantIds.length
      ? db
          .select({
            id: participants.id,
            displayName: participants.displayName,
            ageBand: participants.ageBand,
            leftAt: participants.leftAt,
          })
          .from(participants)
          .where(and(eq(participants.eventId, eventId), inArray(participants.id, participantIds)))
      : [],
    accountIds.length
      ? db.select({ id: accounts.id, name: accounts.name }).from(accounts).where(inArray(accounts.id, accountIds))
      : [],
  ]);
  const names = new Map<string, string>();
  for (const p of people)
    names.set(`p:${p.id}`, audience === "room" ? publicName(p) : p.leftAt === null ? p.displayName : leftName);
  for (const a of staff) names.set(`a:${a.id}`, a.name);
  return (key) => {
    if (key === null) return staffName;
    return names.get(key) ?? (key.startsWith("p:") ? leftName : staffName);
  };
}
