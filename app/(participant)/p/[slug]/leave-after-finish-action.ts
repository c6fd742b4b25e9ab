"use server";

import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { sharedDatabase } from "@/db";
import { participantCookieName } from "@/lib/auth/cookies";
import { currentDeviceId, heldOutOfEvent } from "@/lib/auth/web-session";
import { findEventBySlug } from "@/lib/events/find-event";
import { fileStorage } from "@/lib/files/storage";
import { formArg, textArg } from "@/lib/forms/action-args";
import { inRequestLanguage } from "@/lib/i18n/action-text";
import { sharedLogger } from "@/lib/observability/logger";
import { executeCommand } from "@/lib/realtime/execute-command";
import { handlers } from "@/lib/realtime/handlers";
import { sharedRealtime } from "@/lib/server/shared-realtime";
import type { LeaveState } from "./leave-state";

/**
 * Leaving an event that has finished (archived), from the page that says so: a plain form, as no
 * socket is let in any more. The same `event:leave` command as the live page sends, for the
 * person themselves only (their own cookie, their own device still signed in), which
 * executeCommand lets through for a finished event alone (lib/realtime/after-finish.ts).
 */
export async function leaveAfterFinishAction(slug: string, _previous: LeaveState, form: FormData): Promise<LeaveState> {
  slug = textArg(slug);
  form = formArg(form);
  const deleteNotes = form.get("deleteNotes") === "on";
  const db = await sharedDatabase();
  const event = await findEventBySlug(db.read, slug);
  const held = event ? await heldOutOfEvent(event.id) : null;
  // No such event: to the join page, never back to an address made of what was sent (a redirect
  // is a response header: a long one breaks proxies and clients).
  if (!event) redirect("/j");
  // Anyone else (or an event open again) goes back to the page, which says where they stand.
  if (held?.why !== "finished") redirect(`/p/${event.slug}`);
  const execution = await executeCommand(
    { db, handlers, held: { actor: held.actor, sessionHash: null, deviceId: await currentDeviceId(event.id) } },
    held.actor,
    "event:leave",
    { id: randomUUID(), payload: { deleteNotes } },
  );
  // Refused (their device signed out meanwhile, the database busy…): the form says why, its tick kept.
  if (!execution.ack.ok) return { message: await inRequestLanguage(execution.ack.error.message), deleteNotes };
  // Staff screens still open on the event hear that the person went.
  sharedRealtime()?.emitBroadcasts(execution.broadcasts);
  for (const key of execution.removedFiles ?? []) {
    await fileStorage()
      .remove(key)
      .catch((error) => sharedLogger().error({ err: error }, "removing an erased file failed"));
  }
  sharedRealtime()?.revoke(execution.revocations ?? [], "left");
  (await cookies()).delete(participantCookieName(event.id));
  redirect("/j?left=1");
}
