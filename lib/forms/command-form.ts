import "server-only";
import { randomUUID } from "node:crypto";
import { sharedDatabase } from "@/db";
import type { Actor } from "@/lib/auth/actor";
import { inRequestLanguage } from "@/lib/i18n/action-text";
import type { Ack, CommandName, CommandPayload, CommandResults } from "@/lib/realtime/contract";
import { executeCommand } from "@/lib/realtime/execute-command";
import { handlers } from "@/lib/realtime/handlers";
import { sharedRealtime } from "@/lib/server/shared-realtime";

/**
 * A socket command sent by a form posted to a server action: what a phone without JavaScript (or
 * one that tapped before the page hydrated) does instead of `connection.send`. It runs through the
 * socket server's own path (rate limits, executeCommand, the command record, then the fan-out to
 * every open screen), so a form and a socket share one rule set. The ack's messages come back in
 * the request's language, its issues grouped by their first path part (the payload field), as
 * the socket's forms read them.
 */
export async function sendFromForm<N extends CommandName>(
  actor: Actor,
  name: N,
  payload: CommandPayload<N>,
  /**
   * The sending's own id (lib/forms/form-submission.ts, sameSending), as a phone's outbox gives
   * its commands one: the command record answers the same form sent again (a reload, back then
   * resend) with the first answer, and it is not applied twice.
   */
  commandId: string = randomUUID(),
): Promise<{ ok: true; result: CommandResults[N] } | { ok: false; message: string; byField: Record<string, string> }> {
  const envelope = { id: commandId, payload };
  const realtime = sharedRealtime();
  // Without the socket server (a bare `next start`) there is nobody to fan out to: the command still applies.
  const ack: Ack<CommandResults[N]> = realtime
    ? await realtime.command(actor, name, envelope)
    : (await executeCommand({ db: await sharedDatabase(), handlers }, actor, name, envelope)).ack;
  if (ack.ok) return { ok: true, result: ack.result };
  const byField: Record<string, string> = {};
  for (const issue of ack.error.issues ?? []) {
    const field = issue.path.split(".")[0] || "form";
    byField[field] ??= await inRequestLanguage(issue.message);
  }
  return { ok: false, message: await inRequestLanguage(ack.error.message), byField };
}
