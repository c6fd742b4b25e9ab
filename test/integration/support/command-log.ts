import type { Database } from "@/db/client";
import { commandLog } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import type { CommandName } from "@/lib/realtime/contract";
import { executeCommand } from "@/lib/realtime/execute-command";
import { handlers } from "@/lib/realtime/handlers";
import { commandId } from "./fixtures";

/** Runs a command as the real server would, minus the socket; throws if it is refused. */
export async function applied<N extends CommandName>(db: Database, actor: Actor, name: N, payload: unknown) {
  const done = await executeCommand({ db, handlers }, actor, name, { id: commandId(), payload });
  if (!done.ack.ok) throw new Error(`${name}: ${done.ack.error.message}`);
  return done.ack.result;
}

/**
 * Fills an event's command log with `count` records of showcase saves that name nobody (each
 * `result(i)`, by strangers keyed `prefix`), 200 to a transaction: the bulk a scrub walks past.
 */
export async function fillCommandLog(
  db: Database,
  options: { eventId: string; count: number; prefix: string; result: (i: number) => unknown },
) {
  for (let i = 0; i < options.count; i += 200) {
    await db.transact((tx) =>
      tx.insert(commandLog).values(
        Array.from({ length: Math.min(200, options.count - i) }, (_, j) => ({
          actorKey: `p:${options.prefix}-${i + j}`,
          commandId: `cmd-${options.prefix}-${i + j}`,
          name: "showcase:save",
          eventId: options.eventId,
          result: options.result(i + j),
        })),
      ),
    );
  }
}
