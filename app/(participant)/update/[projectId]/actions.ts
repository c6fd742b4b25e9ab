"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { type CheckInState, submitCheckIn } from "@/app/ui/check-in-submission";
import { formArg, textArg } from "@/lib/forms/action-args";
import { ownedProject } from "@/lib/projects/owner-session";
import { formLimit } from "@/lib/rate-limit/form-limit";

// An owner posts a few updates a month; this only stops a runaway script.
const limit = formLimit("owner-check-in", 20, 3600);

export async function ownerCheckInAction(projectId: string, _p: CheckInState, form: FormData): Promise<CheckInState> {
  projectId = textArg(projectId);
  form = formArg(form);
  const t = await getTranslations("phone.update");
  const owned = await ownedProject(projectId);
  if (!owned) return { message: t("stopped") };
  if (!(await limit(projectId))) return { message: t("tooMany") };
  const result = await submitCheckIn(owned.project, form);
  if (result.saved) revalidatePath(`/update/${projectId}`);
  return result;
}
