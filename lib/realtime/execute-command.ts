import type { Database } from "@/db/client";
import { jsonIn, jsonOut, rowsOf, runFixed } from "@/db/fixed-sql";
import { type Actor, actorKey, permissions } from "@/lib/auth/actor";
import { type HeldIdentity, type Revoked, revokedAmong, revokedWithin } from "@/lib/auth/revalidate";
import { withoutControlCharacters } from "@/lib/text/control-characters";
import { allowedOnceFinished } from "./after-finish";
import { CommandFailure } from "./command-error";
import { replayWindowMs } from "./command-log";
import { accessEndedMessage } from "./constants";
import { type Ack, type CommandName, type CommandResults, commandSchemas, envelopeSchema } from "./contract";
import type { Broadcast, HandlerTable, Revocation, Signal } from "./handler";
import { bumpVersionOnCommit, nextSeq, versionKeys } from "./sequence";

export type SequencedBroadcast = Broadcast & { seq: number };

export type Execution<N extends CommandName> = {
  ack: Ack<CommandResults[N]>;
  /** To emit after the ack, in this order. Empty for reads and refusals; a duplicate's are re-sent. */
  broadcasts: SequencedBroadcast[];
  /** Batched updates the command set off (e.g. a tally to refresh). */
  signals?: Signal[];
  /** Access the command took away, to cut off at once (not re-sent for a retry: the sweep has it). */
  revocations?: Revocation[];
  /** Storage keys of files whose rows the command deleted: removed once it has committed. */
  removedFiles?: string[];
  /** The sender's access had ended (`deps.held`), and why: nothing was applied, and the ack refuses. */
  accessEnded?: Revoked;
};

const issuesOf = (error: { issues: { path: PropertyKey[]; message: string }[] }) =>
  error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));

// The command log's three statements, run by every write: fixed SQL text (db/fixed-sql.ts).
// The event is recorded with it (one more bound value, no other statement): a scrub looks
// through that event's records only (lib/realtime/command-log-scrub.ts).
const record =
  "insert into command_log (actor_key, command_id, name, event_id) values (?1, ?2, ?3, ?4) on conflict do nothing returning command_id";
const firstRun = "select result, name, fanout, created_at from command_log where actor_key = ?1 and command_id = ?2";

const keepOutcome = "update command_log set result = ?3, fanout = ?4 where actor_key = ?1 and command_id = ?2";

/**
 * A record's stored JSON, or null if it is not JSON: records broken before names were no longer
 * replaced inside them as text (a name such as ":"). Its command was applied; a retry must still
 * be answered so (a screen does not read a retry's result: lib/realtime/client/fresh-result.ts),
 * not refused as `internal` on every resend of a phone's outbox.
 */
function storedOrNull<T>(value: unknown): T | null {
  try {
    return jsonOut<T>(value);
  } catch {
    return null;
  }
}

function refuse<N extends CommandName>(failure: CommandFailure): Execution<N> {
  return { ack: { ok: false, error: failure.toError() }, broadcasts: [] };
}

const accessEnded = <N extends CommandName>(why: Revoked): Execution<N> => ({
  ...refuse(new CommandFailure("unauthenticated", accessEndedMessage[why])),
  accessEnded: why,
});

/**
 * A command's payload as its handler gets it: its text cleaned as it arrives (control and
 * direction characters out: lib/text/control-characters.ts), then checked by its schema.
 */
export const parsePayload = <N extends CommandName>(name: N, payload: unknown) =>
  commandSchemas[name].safeParse(withoutControlCharacters(payload ?? {}));

/**
 * The one path every command takes: parse → authorise → apply in one transaction (first checking
 * that the sender's access still holds, then recording the command id, whose primary key makes a
 * retry a no-op) → sequence the broadcasts → ack.
 * The caller emits the broadcasts; this function never touches a socket.
 */
export async function executeCommand<N extends CommandName>(
  deps: {
    db: Database;
    handlers: HandlerTable;
    now?: () => number;
    onError?: (error: unknown) => void;
    join?: (room: string) => void;
    /**
     * The identity the sender's connection holds, checked again for this command: a write checks
     * it first thing in its own transaction (so access taken away cannot slip between the check
     * and the write, and the write connection reads it warm), a read just before it reads.
     */
    held?: HeldIdentity;
  },
  actor: Actor,
  name: N,
  rawEnvelope: unknown,
): Promise<Execution<N>> {
  const envelope = envelopeSchema.safeParse(rawEnvelope);
  if (!envelope.success) {
    return refuse(new CommandFailure("invalid", "The command was malformed.", issuesOf(envelope.error)));
  }
  const parsed = parsePayload(name, envelope.data.payload);
  if (!parsed.success) {
    const issues = issuesOf(parsed.error);
    return refuse(new CommandFailure("invalid", issues[0]?.message ?? "That input isn't valid.", issues));
  }
  const handler = deps.handlers[name];
  if (!permissions[handler.permission](actor)) {
    return refuse(new CommandFailure("forbidden", "Only a facilitator or organiser can do that."));
  }
  const input = { actor, payload: parsed.data as never, now: deps.now?.() ?? Date.now() };

  try {
    if (handler.kind === "read") {
      const why = deps.held ? (await revokedAmong(deps.db.read, [deps.held])).get(deps.held) : undefined;
      if (why) return accessEnded(why);
      const { result, signals } = await handler.read(deps.db, input, { join: deps.join ?? (() => {}) });
      return { ack: { ok: true, result }, broadcasts: [], signals };
    }
    const key = actorKey(actor);
    const commandId = envelope.data.id;
    const outcome = await deps.db.transact(
      async (tx) => {
        const why = deps.held ? await revokedWithin(tx, deps.held) : null;
        // A finished event's participant may still erase themselves (lib/realtime/after-finish.ts).
        if (why && !allowedOnceFinished(why, actor, name)) return { accessEnded: why } as const;
        const recorded = await rowsOf(tx, record, [key, commandId, name, actor.eventId]);
        if (recorded.length === 0) {
          // A retry. Read the first run's result in this transaction: the first run may have
          // committed in this same group commit, so another connection would not see it yet.
          const [row] = await rowsOf(tx, firstRun, [key, commandId]);
          const first = row
            ? {
                result: storedOrNull<unknown>(row.result),
                name: String(row.name),
                fanout: storedOrNull<{ broadcasts: unknown[]; signals: unknown[] }>(row.fanout),
                createdAt: Number(row.created_at),
              }
            : null;
          return { duplicate: first } as const;
        }
        const applied = await handler.apply(tx, input);
        const sequenced: SequencedBroadcast[] = [];
        for (const b of applied.broadcasts) sequenced.push({ ...b, seq: await nextSeq(tx, b.room) });
        for (const s of applied.signals ?? []) if (s.kind === "tally") bumpVersionOnCommit(tx, versionKeys.tally(s.roundId));
        await runFixed(tx, keepOutcome, [
          key,
          commandId,
          jsonIn(applied.result),
          jsonIn({ broadcasts: sequenced, signals: applied.signals ?? [] }),
        ]);
        return {
          result: applied.result,
          broadcasts: sequenced,
          signals: applied.signals,
          revocations: applied.revocations,
          removedFiles: applied.removedFiles,
        } as const;
      },
      { fairnessKey: key },
    );
    if ("accessEnded" in outcome && outcome.accessEnded) return accessEnded(outcome.accessEnded);
    if ("duplicate" in outcome) {
      const row = outcome.duplicate;
      if (row && row.name !== name) {
        return refuse(new CommandFailure("conflict", "That command id was already used for another command."));
      }
      // Sent again: the first attempt's process may have committed and died before publishing.
      // Each broadcast keeps its sequence number, so a client that had it ignores it.
      const fresh = row != null && Date.now() - row.createdAt <= replayWindowMs;
      return {
        ack: { ok: true, result: row?.result as CommandResults[N], duplicate: true },
        broadcasts: (fresh ? (row?.fanout?.broadcasts ?? []) : []) as SequencedBroadcast[],
        signals: (fresh ? (row?.fanout?.signals ?? []) : []) as Signal[],
      };
    }
    return {
      ack: { ok: true, result: outcome.result },
      broadcasts: outcome.broadcasts,
      signals: outcome.signals,
      revocations: outcome.revocations,
      removedFiles: outcome.removedFiles,
    };
  } catch (error) {
    if (error instanceof CommandFailure) return refuse(error);
    deps.onError?.(error);
    return refuse(new CommandFailure("internal", "Something went wrong on our side. It will be retried."));
  }
}
