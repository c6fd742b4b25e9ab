import { getTranslations } from "next-intl/server";
import { leaveAfterFinishAction } from "./leave-after-finish-action";
import { LeaveAfterFinishForm } from "./leave-after-finish-form";

/**
 * Leaving once the event has finished: the person can still erase their details (their right to
 * erasure does not end with the weekend). A disclosure, then a form: two deliberate steps, as on
 * the live "about you" page, that need no script. Its words are given here, so the page's
 * client catalogue stays small.
 */
export async function LeaveAfterFinish({ slug, eventName }: { slug: string; eventName: string }) {
  const t = await getTranslations();
  return (
    <LeaveAfterFinishForm
      action={leaveAfterFinishAction.bind(null, slug)}
      words={{
        summary: t("phone.heldOut.leaveSummary"),
        body: t("phone.heldOut.leaveBody", { event: eventName }),
        deleteNotes: t("me.leave.deleteNotes"),
        deleteNotesLater: t("me.leave.deleteNotesLater"),
        button: t("phone.heldOut.leaveButton"),
      }}
    />
  );
}
