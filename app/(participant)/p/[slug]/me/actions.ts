"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { sharedDatabase } from "@/db";
import { participantCookieName } from "@/lib/auth/cookies";
import { actorForEvent } from "@/lib/auth/web-session";
import { findEventBySlug } from "@/lib/events/find-event";
import { formArg, textArg } from "@/lib/forms/action-args";
import { sendFromForm } from "@/lib/forms/command-form";
import { ageBands, normaliseSkills, participantKinds } from "@/lib/participants/profile";
import { changedAnswers, type ProfileAnswers } from "@/lib/participants/profile-changes";
import type { CommandPayload } from "@/lib/realtime/contract";
import type { LeaveState } from "../leave-state";
import { clearKindIntent, type ProfileFormState, type TypedProfile } from "./profile-state";

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

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

/** What the form held when it was posted, to fill it again if it is refused. */
function typedIn(form: FormData): TypedProfile {
  return {
    displayName: text(form, "displayName"),
    shownName: text(form, "shownName"),
    chosen: form.getAll("skill").filter((s): s is string => typeof s === "string"),
    otherSkills: text(form, "otherSkills"),
    kind: text(form, "kind"),
    ageBand: text(form, "ageBand"),
    accessNeeds: text(form, "accessNeeds"),
    contactConsent: form.get("contactConsent") === "yes",
    contact: text(form, "contact"),
    startedFrom: text(form, "startedFrom"),
  };
}

const answersSchema = z.object({
  displayName: z.string(),
  skills: z.array(z.string()),
  kind: z.enum(participantKinds).nullable(),
  ageBand: z.enum(ageBands).nullable(),
  accessNeeds: z.string(),
  contactConsent: z.boolean(),
  contact: z.string(),
});

/** The answers the form was drawn with; null when the post did not carry them (every answer is then sent). */
function startedFrom(typed: TypedProfile): ProfileAnswers | null {
  try {
    const parsed = answersSchema.safeParse(JSON.parse(typed.startedFrom));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The "about you" form posted without JavaScript (or before the page hydrated): the same
 * `profile:update` command the live form sends, run through the socket server's own path, so it
 * is checked, rate-limited, recorded and shown on every open screen the same way. Nothing typed
 * goes into a URL; a refusal comes back with every value as typed.
 */
export async function saveProfileAction(
  slug: string,
  welcome: boolean,
  _previous: ProfileFormState,
  form: FormData,
): Promise<ProfileFormState> {
  slug = textArg(slug);
  welcome = welcome === true;
  form = formArg(form);
  const t = await getTranslations("me.form");
  const typed = typedIn(form);
  const event = await findEventBySlug((await sharedDatabase()).read, slug);
  const actor = event ? await actorForEvent(event.id) : null;
  if (!event || actor?.kind !== "participant") return { message: t("notYours"), typed };
  // "Clear my answer", posted: the form as shown, without its answer to "Which describes you".
  const clearing = form.get("intent") === clearKindIntent;
  if (clearing) typed.kind = "";
  const answers = {
    displayName: typed.displayName,
    skills: normaliseSkills([...typed.chosen, typed.otherSkills]),
    // Left unanswered is null; anything else is the contract's to accept or refuse.
    kind: (typed.kind || null) as ProfileAnswers["kind"],
    ageBand: (typed.ageBand || null) as ProfileAnswers["ageBand"],
    accessNeeds: typed.accessNeeds,
    contactConsent: typed.contactConsent,
    contact: typed.contactConsent ? typed.contact : "",
  };
  // Only what was changed on this form: the others may have been changed on another of their devices since.
  const drawn = startedFrom(typed);
  const { displayName, ...changed } = drawn ? changedAnswers(drawn, answers) : answers;
  const nameTyped = drawn ? displayName !== undefined : !(form.has("shownName") && typed.displayName === typed.shownName);
  const payload = { ...changed, ...(welcome || !nameTyped ? {} : { displayName }) } as CommandPayload<"profile:update">;
  const sent = await sendFromForm(actor, "profile:update", payload);
  if (!sent.ok) return { errors: sent.byField, message: sent.message, typed };
  // Clearing an answer is not "Save and continue": the welcome step stays open.
  if (welcome && !clearing) redirect(`/p/${event.slug}`);
  return { saved: t("saved") };
}

/**
 * Leaving, posted without JavaScript: the same `event:leave` command as the live page sends (so
 * this person's other open screens are cut off and the staff's roster follows at once), then this
 * phone's cookie is forgotten, as forgetThisPhone does after the live path.
 */
export async function leaveEventAction(slug: string, _previous: LeaveState, form: FormData): Promise<LeaveState> {
  slug = textArg(slug);
  form = formArg(form);
  const t = await getTranslations("me.leave");
  // Refused, the form comes back with its tick as it was: the next tap must not leave without deleting.
  const deleteNotes = form.get("deleteNotes") === "yes";
  const event = await findEventBySlug((await sharedDatabase()).read, slug);
  const actor = event ? await actorForEvent(event.id) : null;
  if (!event) return { message: t("notYours"), deleteNotes };
  if (actor?.kind === "participant") {
    const sent = await sendFromForm(actor, "event:leave", { deleteNotes });
    if (!sent.ok) return { message: sent.message, deleteNotes };
  } else if (actor) return { message: t("notYours"), deleteNotes };
  (await cookies()).delete(participantCookieName(event.id));
  redirect("/j?left=1");
}
