"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { actorForEvent, setParticipantCookie } from "@/lib/auth/web-session";
import { lookUpJoinCode } from "@/lib/events/join-by-code";
import { formArg, textArg } from "@/lib/forms/action-args";
import { deviceLabel } from "@/lib/participants/devices";
import { displayNameSchema } from "@/lib/participants/join-event";
import { joinOnce } from "@/lib/participants/join-once";
import { displayNameMax, reservedNameMessage } from "@/lib/participants/profile";
import { clientIpHeader, formLimit } from "@/lib/rate-limit/form-limit";
import { sequenceBroadcasts } from "@/lib/realtime/sequence";
import { sharedRealtime } from "@/lib/server/shared-realtime";

// A whole room may join from one venue Wi-Fi address (rooms of up to 1,000 phones, some joining
// twice on a second device), so the limit is generous: it stops a script, not a crowd.
const joinLimit = formLimit("join", 1_200, 60);

/** The schema's rule, said in the person's language (its own messages are the English ones). */
function nameProblem(issue: { code?: string; message?: string } | undefined, t: Awaited<ReturnType<typeof getTranslations>>) {
  const code = issue?.code;
  if (code === "too_big") return t("nameTooLong", { max: displayNameMax });
  if (code === "too_small" || code === "invalid_type") return t("nameMissing");
  if (code === "custom" && issue?.message === reservedNameMessage) return t("nameReserved");
  if (code === "custom") return t("nameBrackets");
  return t("nameCheck");
}

export async function joinEventAction(code: string, _previous: FormState, form: FormData): Promise<FormState> {
  code = textArg(code);
  form = formArg(form);
  const typedName = String(form.get("displayName") ?? "");
  const values = { displayName: typedName };
  const t = await getTranslations("join.errors");
  const ip = (await headers()).get(clientIpHeader) ?? "unknown";
  if (!(await joinLimit(ip))) return { message: t("busy"), values };

  const name = displayNameSchema.safeParse(typedName);
  if (!name.success) return { errors: { displayName: nameProblem(name.error.issues[0], t) }, values };

  const db = await sharedDatabase();
  const found = await lookUpJoinCode(db.read, code, ip);
  if (found.kind === "blocked") return { message: t("tooManyMisses"), values };
  const event = found.kind === "event" ? found.event : null;
  if (!event) return { message: t("eventGone"), values };
  if (event.status === "archived") return { message: t("eventFinished"), values };
  // Already in (this phone has their cookie: a second tab's form, a tap after the first answer): to the room, as the page does.
  if (await actorForEvent(event.id)) redirect(`/p/${event.slug}`);

  const label = deviceLabel((await headers()).get("user-agent"));
  // The language they saw the join page in: their screens and emails keep it until they pick another.
  const language = await getLocale();
  // The id the form was drawn with: the same form sent twice before its cookie arrived joins once.
  const submission = z.uuid().safeParse(form.get("submission"));
  const joined = await db.transact(async (tx) => {
    const once = await joinOnce(tx, {
      eventId: event.id,
      displayName: name.data,
      language,
      deviceLabel: label,
      submission: submission.success ? submission.data : undefined,
    });
    return { ...once, broadcasts: await sequenceBroadcasts(tx, once.broadcasts) };
  });
  // The team overview on the console and the big screen counts them at once.
  sharedRealtime()?.emitBroadcasts(joined.broadcasts);
  await setParticipantCookie(event.id, joined.participantId, joined.deviceId);
  // Straight on to the optional "about you" step; it can be skipped with one tap.
  redirect(`/p/${event.slug}/me?welcome=1`);
}
