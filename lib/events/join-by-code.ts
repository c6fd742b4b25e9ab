import type { Db } from "@/db/client";
import { failureLimit } from "@/lib/rate-limit/failure-limit";
import { findEventByJoinCode } from "./find-event";

/**
 * Codes that matched nothing, per address. Only failures count, so a venue of hundreds behind one
 * router address typing the right code is never slowed; a script trying codes is stopped after
 * 100 misses in 10 minutes (a room's typos stay well under that), long before it could hit one of
 * the ~10⁹ codes.
 */
const misses = failureLimit("join-code", 100, 600);

export const tooManyMissesMessage =
  "Too many codes that didn't match were tried from this network. Check the code on the big screen and try again in a few minutes.";

export type CodeLookup =
  | { kind: "event"; event: NonNullable<Awaited<ReturnType<typeof findEventByJoinCode>>> }
  | { kind: "unknown" }
  | { kind: "blocked" };

/**
 * The event a typed join code opens for someone at `address`. A draft's code opens nothing (a
 * draft is private until it is published) and counts as a miss like any other wrong code.
 */
export async function lookUpJoinCode(db: Db, typed: string, address: string): Promise<CodeLookup> {
  if (await misses.blocked(address)) return { kind: "blocked" };
  const event = await findEventByJoinCode(db, typed);
  if (!event || event.status === "draft") {
    await misses.failed(address);
    return { kind: "unknown" };
  }
  return { kind: "event", event };
}
