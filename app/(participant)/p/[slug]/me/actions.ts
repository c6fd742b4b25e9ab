"use server";

import { cookies } from "next/headers";
import { sharedDatabase } from "@/db";
import { participantCookieName } from "@/lib/auth/cookies";
import { actorForEvent } from "@/lib/auth/web-session";
import { findEventBySlug } from "@/lib/events/find-event";
import { textArg } from "@/lib/forms/action-args";

/**
 * After `event:leave` has been acknowledged: forgets this phone's cookie for the event. Only
 * once the person really has left (their cookie no longer resolves), so it can't be used to
 * sign someone out of an event they are still in.
 */
export async function forgetThisPhone(slug: string): Promise<{ ok: boolean }> {
  slug = textArg(slug);
  const event = await findEventBySlug((await sharedDatabase()).read, slug);
  if (!event) return { ok: false };
  if ((await actorForEvent(event.id))?.kind === "participant") return { ok: false };
  (await cookies()).delete(participantCookieName(event.id));
  return { ok: true };
}
