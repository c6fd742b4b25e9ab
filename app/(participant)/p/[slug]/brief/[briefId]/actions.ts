"use server";

import { refresh } from "next/cache";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { actorForEvent } from "@/lib/auth/web-session";
import { reframeBrief } from "@/lib/briefs/reframe-brief";
import { reframeTextSchema } from "@/lib/briefs/reframe-rules";
import { findEventBySlug } from "@/lib/events/find-event";
import { formArg, textArg } from "@/lib/forms/action-args";
import { formLimit } from "@/lib/rate-limit/form-limit";

export type ReframeFormState = FormState & { saved?: string };

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

const refusals = {
  brief_not_found: "This brief is no longer available.",
  no_team: "Only the team working on this brief can reframe it. Join its team first.",
  not_allowed: "That team isn't working on this brief. Choose one of its teams.",
};

// Generous for a team typing together, tight enough to stop a script filling the history.
const allowReframe = formLimit("reframe", 20, 60);

export async function reframeBriefAction(
  slug: string,
  briefId: string,
  _previous: ReframeFormState,
  form: FormData,
): Promise<ReframeFormState> {
  slug = textArg(slug);
  briefId = textArg(briefId);
  form = formArg(form);
  const values = { text: field(form, "text"), teamId: field(form, "teamId") };
  const db = await sharedDatabase();
  const event = await findEventBySlug(db.read, slug);
  const actor = event ? await actorForEvent(event.id) : null;
  if (!event || !actor) return { message: "You've been signed out of this event. Join again, then try once more.", values };
  if (!(await allowReframe(`${event.id}:${actor.kind === "staff" ? actor.accountId : actor.participantId}`))) {
    return { message: "That's a lot of reframes in a minute. Wait a moment, then save again.", values };
  }
  const text = reframeTextSchema.safeParse(values.text);
  if (!text.success) return { errors: { text: text.error.issues[0]!.message }, values };
  if (actor.kind === "staff" && !values.teamId) return { errors: { teamId: "Choose the team this reframe is for." }, values };

  const result = await db.transact((tx) =>
    reframeBrief(tx, { actor, briefId, teamId: values.teamId || undefined, text: text.data }),
  );
  if (!result.ok) return { message: refusals[result.error], values };
  refresh();
  return { saved: "Saved. Your reframed problem is now shown next to the original." };
}
