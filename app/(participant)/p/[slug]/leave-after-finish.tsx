import { getTranslations } from "next-intl/server";
import { CheckRow } from "@/app/ui/form";
import { leaveAfterFinishAction } from "./leave-after-finish-action";

/**
 * Leaving once the event has finished: the person can still erase their details (their right to
 * erasure does not end with the weekend). A disclosure, then a form: two deliberate steps, as on
 * the live "about you" page, that need no script.
 */
export async function LeaveAfterFinish({ slug, eventName }: { slug: string; eventName: string }) {
  const t = await getTranslations();
  return (
    <details className="card p-5">
      <summary className="min-h-12 cursor-pointer py-2 text-lg font-bold">{t("phone.heldOut.leaveSummary")}</summary>
      <form action={leaveAfterFinishAction.bind(null, slug)} className="mt-3 space-y-4">
        <p className="text-ink-soft">{t("phone.heldOut.leaveBody", { event: eventName })}</p>
        <div className="space-y-1">
          <CheckRow name="deleteNotes" aria-describedby="leave-after-finish-later">
            {t("me.leave.deleteNotes")}
          </CheckRow>
          <p id="leave-after-finish-later" className="ps-9 text-sm text-ink-soft">
            {t("me.leave.deleteNotesLater")}
          </p>
        </div>
        <button type="submit" className="btn btn-danger w-full">
          {t("phone.heldOut.leaveButton")}
        </button>
      </form>
    </details>
  );
}
