import { createHash, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { Database, Db, Tx } from "@/db/client";
import { commandLog } from "@/db/schema";
import { submissionField } from "./submission-field";

/**
 * A form that must not act twice (a note that emails people, a file stored, a secret link made)
 * is drawn with a fresh id in this hidden field. Sent again with it (a reload that re-posts the
 * answer's form, back then resubmit, a double tap) it finds itself already done and does nothing
 * more. The id is kept where commands' ids are (command_log), by sender, for as long as they are
 * (lib/realtime/command-log.ts): a resend a day later is taken as new.
 */
export { submissionField };

/** A fresh id for a form being drawn. */
export const newSubmission = (): string => randomUUID();

/** The id the form was drawn with, or undefined (a page drawn before forms had one, or anything else sent). */
export function postedSubmission(form: FormData): string | undefined {
  const id = z.uuid().safeParse(form.get(submissionField));
  return id.success ? id.data : undefined;
}

/**
 * The id of this sending of the form: its drawn id and what it carries, as one id (uuid-shaped).
 * The same form sent again as it was is the same sending; sent from the same page with something
 * changed (back, another file chosen, then send) it is a new one, and acts: taken for a resend,
 * what was changed would be lost without a word. Undefined when the form had no id.
 * Only this id is kept, never what went into it.
 */
export function sameSending(submission: string | undefined, carries: readonly (string | number)[]): string | undefined {
  if (!submission) return undefined;
  const hex = createHash("sha256")
    .update(JSON.stringify([submission, ...carries]))
    .digest("hex");
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

type Sending = { actorKey: string; submission: string | undefined; form: string };

/** Whether this sender already sent the form drawn with this id (read before slow work, such as a file's). */
export async function sentBefore(db: Db | Tx, sending: Sending): Promise<boolean> {
  if (!sending.submission) return false;
  const found = await db
    .select({ id: commandLog.commandId })
    .from(commandLog)
    .where(and(eq(commandLog.actorKey, sending.actorKey), eq(commandLog.commandId, sending.submission)));
  return found.length > 0;
}

/** Another copy of the same form recorded itself first, between this one's check and its record. */
class SentMeanwhile extends Error {}

/**
 * Runs a form's write once per submission, in the caller's transaction: `{ again: true }` for a
 * copy already done (nothing is written), else the write's result. Recorded only when `applied`
 * says the write did something, so a refused form sent again once fixed is not taken as done.
 */
export async function oncePerSubmission<T>(
  tx: Tx,
  sending: Sending,
  write: () => Promise<T>,
  applied: (result: T) => boolean = () => true,
): Promise<{ again: true } | { again: false; result: T }> {
  if (await sentBefore(tx, sending)) return { again: true };
  const result = await write();
  if (sending.submission && applied(result)) {
    const recorded = await tx
      .insert(commandLog)
      .values({ actorKey: sending.actorKey, commandId: sending.submission, name: `form:${sending.form}` })
      .onConflictDoNothing()
      .returning({ id: commandLog.commandId });
    // Its write is rolled back with this throw (each write has its own savepoint: db/group-commit.ts).
    if (recorded.length === 0) throw new SentMeanwhile();
  }
  return { again: false, result };
}

/** db.transact(oncePerSubmission…): a copy that lost the race to record itself is answered as one already done. */
export async function onceInTransaction<T>(
  db: Database,
  sending: Sending,
  write: (tx: Tx) => Promise<T>,
  applied?: (result: T) => boolean,
): Promise<{ again: true } | { again: false; result: T }> {
  try {
    return await db.transact((tx) => oncePerSubmission(tx, sending, () => write(tx), applied));
  } catch (error) {
    if (error instanceof SentMeanwhile) return { again: true };
    throw error;
  }
}
