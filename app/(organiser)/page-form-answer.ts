import "server-only";
import type { FormState } from "@/app/ui/form";
import { carriedFields } from "@/lib/forms/carried-fields";

/**
 * A page whose parts each save on their own (a project's milestones, its risks, a check-in…) drawn
 * as one form (page-form.tsx says why): the button pressed names its part as `intent`, "part" or
 * "part.what" (its own intent, for a part with several buttons), and the part's save gets the form
 * as it would have posted it alone: its basis (lib/forms/edit-basis.ts) under the usual name.
 */
export type PageFormState = FormState & {
  answered?: string;
  answer?: FormState & Record<string, unknown>;
  /** Every field as posted: without JavaScript the page is drawn anew, and the parts not answered show what was typed in them. */
  carried?: Record<string, string>;
};

export async function answerPart<Part extends string>(
  form: FormData,
  parts: Record<Part, (form: FormData) => Promise<FormState & Record<string, unknown>>>,
  /** The part of a post that names none (a list's Up or Down pressed, a form sent by pressing Enter or by a script). */
  fallback: (form: FormData) => NoInfer<Part>,
): Promise<PageFormState> {
  const pressed = form.get("intent");
  const [name = "", own] = typeof pressed === "string" ? pressed.split(".", 2) : [];
  const part = Object.hasOwn(parts, name) ? (name as Part) : fallback(form);
  const alone = new FormData();
  for (const [field, value] of form.entries()) if (!field.startsWith("basis.") && field !== "intent") alone.append(field, value);
  alone.set("basis", form.get(`basis.${part}`) ?? "");
  if (own) alone.set("intent", own);
  const answer = await parts[part](alone);
  return { answered: part, answer, carried: carriedFields(form) };
}
