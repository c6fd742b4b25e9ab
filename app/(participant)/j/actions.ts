"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/app/ui/form";
import { sharedDatabase } from "@/db";
import { lookUpJoinCode } from "@/lib/events/join-by-code";
import { normaliseJoinCode } from "@/lib/events/join-code";
import { formArg } from "@/lib/forms/action-args";
import { clientIpHeader } from "@/lib/rate-limit/form-limit";

export async function findEventByCode(_previous: FormState, form: FormData): Promise<FormState> {
  form = formArg(form);
  const typed = String(form.get("code") ?? "");
  const values = { code: typed };
  const t = await getTranslations("join.errors");
  if (!normaliseJoinCode(typed)) return { errors: { code: t("typeCode") }, values };
  const address = (await headers()).get(clientIpHeader) ?? "unknown";
  const found = await lookUpJoinCode((await sharedDatabase()).read, typed, address);
  if (found.kind === "blocked") return { errors: { code: t("tooManyMisses") }, values };
  const event = found.kind === "event" ? found.event : null;
  if (!event) {
    return { errors: { code: t("codeNotFound") }, values };
  }
  if (event.status === "archived") {
    return { errors: { code: t("codeFinished") }, values };
  }
  redirect(`/j/${event.joinCode}`);
}
