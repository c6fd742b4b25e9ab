"use server";

import { refresh } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { actorKey } from "@/lib/auth/actor";
import { actorWhoMayChange } from "@/lib/auth/web-session";
import { reframeBrief } from "@/lib/briefs/reframe-brief";
import { reframeTextSchema } from "@/lib/briefs/reframe-rules";
import { findEventBySlug } from "@/lib/events/find-event";
import { formArg, textArg } from "@/lib/forms/action-args";
import { onceInTransaction, postedSubmission, sameSending } from "@/lib/forms/form-submission";
import { inRequestLanguage } from "@/lib/i18n/action-text";
import { formLimit } from "@/lib/rate-limit/form-limit";
import { accessEndedMessage } from "@/lib/realtime/constants";
import { sharedRealtime } from "@/lib/server/shared-realtime";

export type ReframeFormState = FormState & { saved?: string };

const field = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

// Keys under brief.reframe.refused, one per refusal of reframeBrief.
const refusals = { brief_not_found: "briefNotFound", no_team: "noTeam", not_allowed: "notAllowed" } as const;

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
  const t = await getTranslations("brief.reframe");
  const values = { text: field(form, "text"), teamId: field(form, "teamId") };
  const db = await sharedDatabase();
  const event = await findEventBySlug(db.read, slug);
  const actor = event ? await actorWhoMayChange(event.id) : null;
  if (!event || !actor) return { message: t("signedOut"), values };
  // The weekend is over: what they typed stays in the form, and the page says why.
  if (actor === "finished") return { message: await inRequestLanguage(accessEndedMessage.finished), values };
  if (!(await allowReframe(`${event.id}:${actor.kind === "staff" ? actor.accountId : actor.participantId}`))) {
    return { message: t("tooMany"), values };
  }
  const text = reframeTextSchema.safeParse(values.text);
  if (!text.success) return { errors: { text: await inRequestLanguage(text.error.issues[0]!.message) }, values };
  if (actor.kind === "staff" && !values.teamId) return { errors: { teamId: t("teamMissing") }, values };

  // The form as it was sent again (a reload, or back then resend) saves nothing twice; changed, it is a new reframe.
  const submission = sameSending(postedSubmission(form), [values.teamId, text.data]);
  const sending = { actorKey: actorKey(actor), submission, form: "reframe" };
  const once = await onceInTransaction(
    db,
    sending,
    (tx) => reframeBrief(tx, { actor, briefId, teamId: values.teamId || undefined, text: text.data }),
    (reframed) => reframed.ok,
  );
  // Already saved: said so again, and the page drawn again gives the form a fresh id for the next one.
  if (once.again) {
    refresh();
    return { saved: t("saved") };
  }
  const result = once.result;
  if (!result.ok) return { message: t(`refused.${refusals[result.error]}`), values };
  // Teammates' open brief pages (and the organisers' review) show it now, not at their next reload.
  sharedRealtime()?.briefReframed(event.id, briefId);
  refresh();
  return { saved: t("saved") };
}
