"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { setParticipantCookie } from "@/lib/auth/web-session";
import { findEventByJoinCode } from "@/lib/events/find-event";
import { displayNameSchema, joinEvent } from "@/lib/participants/join-event";
import { clientIpHeader, formLimit } from "@/lib/rate-limit/form-limit";

// A whole room may join from one venue Wi-Fi address, so the limit is generous.
const joinLimit = formLimit(300, 60);

export async function joinEventAction(code: string, _previous: FormState, form: FormData): Promise<FormState> {
  const typedName = String(form.get("displayName") ?? "");
  const values = { displayName: typedName };
  const ip = (await headers()).get(clientIpHeader) ?? "unknown";
  if (!(await joinLimit(ip))) return { message: "Lots of people are joining right now. Try again in a minute.", values };

  const name = displayNameSchema.safeParse(typedName);
  if (!name.success) return { errors: { displayName: name.error.issues[0]?.message ?? "Check your name." }, values };

  const db = await sharedDatabase();
  const event = await findEventByJoinCode(db.read, code);
  if (!event || event.status === "archived") return { message: "This event is no longer taking new people.", values };

  const joined = await db.transact((tx) => joinEvent(tx, { eventId: event.id, displayName: name.data }));
  await setParticipantCookie(event.id, joined.participantId);
  redirect(`/p/${event.slug}`);
}
