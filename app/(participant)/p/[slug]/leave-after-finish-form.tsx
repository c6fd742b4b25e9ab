"use client";

import { useActionState } from "react";
import { CheckRow, FormMessage } from "@/app/ui/form";
import type { LeaveState } from "./leave-state";

/**
 * The form of LeaveAfterFinish (`action` is leaveAfterFinishAction, bound by it). A refused leave
 * comes back open, saying why, with the "also delete my notes" tick as it was sent.
 */
export function LeaveAfterFinishForm({
  action,
  words,
}: {
  action: (state: LeaveState, form: FormData) => Promise<LeaveState>;
  words: { summary: string; body: string; deleteNotes: string; deleteNotesLater: string; button: string };
}) {
  const [answer, formAction] = useActionState<LeaveState, FormData>(action, {});
  return (
    <details className="card p-5" open={answer.message ? true : undefined}>
      <summary className="min-h-12 cursor-pointer py-2 text-lg font-bold">{words.summary}</summary>
      {/* Keyed by the answer, so the tick is drawn again as it was sent. */}
      <form key={JSON.stringify(answer)} action={formAction} className="mt-3 space-y-4">
        <p className="text-ink-soft">{words.body}</p>
        <FormMessage message={answer.message} />
        <div className="space-y-1">
          <CheckRow name="deleteNotes" defaultChecked={answer.deleteNotes} aria-describedby="leave-after-finish-later">
            {words.deleteNotes}
          </CheckRow>
          <p id="leave-after-finish-later" className="ps-9 text-sm text-ink-soft">
            {words.deleteNotesLater}
          </p>
        </div>
        <button type="submit" className="btn btn-danger w-full">
          {words.button}
        </button>
      </form>
    </details>
  );
}
