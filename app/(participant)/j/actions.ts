"use server";

import { redirect } from "next/navigation";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { findEventByJoinCode } from "@/lib/events/find-event";
import { normaliseJoinCode } from "@/lib/events/join-code";
import { formArg } from "@/lib/forms/action-args";

export async function findEventByCode(_previous: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  const typed = String(form.get("code") ?? "");
  const values = { code: typed };
  if (!normaliseJoinCode(typed)) return { errors: { code: "Type the code shown on the big screen." }, values };
  const event = await findEventByJoinCode((await sharedDatabase()).read, typed);
  if (!event) {
    return { errors: { code: "We couldn't find an event with that code. Check it against the big screen." }, values };
  }
  if (event.status === "archived") {
    return {
      errors: { code: "That event has finished, so it isn't taking new people. Check the code on the big screen." },
      values,
    };
  }
  redirect(`/j/${event.joinCode}`);
}
