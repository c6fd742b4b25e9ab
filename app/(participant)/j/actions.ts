"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { lookUpJoinCode, tooManyMissesMessage } from "@/lib/events/join-by-code";
import { normaliseJoinCode } from "@/lib/events/join-code";
import { formArg } from "@/lib/forms/action-args";
import { clientIpHeader } from "@/lib/rate-limit/form-limit";

export async function findEventByCode(_previous: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  const typed = String(form.get("code") ?? "");
  const values = { code: typed };
  if (!normaliseJoinCode(typed)) return { errors: { code: "Type the code shown on the big screen." }, values };
  const address = (await headers()).get(clientIpHeader) ?? "unknown";
  const found = await lookUpJoinCode((await sharedDatabase()).read, typed, address);
  if (found.kind === "blocked") return { errors: { code: tooManyMissesMessage }, values };
  const event = found.kind === "event" ? found.event : null;
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
