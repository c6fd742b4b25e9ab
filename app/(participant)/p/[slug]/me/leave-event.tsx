"use client";

import { useTranslations } from "next-intl";
import { useActionState, useId, useRef, useState } from "react";
import { CheckRow } from "@/app/ui/form";
import { connectingWaitMs } from "@/lib/realtime/client/connection";
import { useConnection } from "@/lib/realtime/client/react";
import type { LeaveState } from "../leave-state";
import { forgetThisPhone } from "./actions";

/**
 * Leaving: a deliberate two-step, with a plain choice about the notes already written. The second
 * step is a <details> disclosure, so it works without JavaScript: posted then, the form goes to
 * `action` (leaveEventAction, bound by the page), which sends the same command; live, it goes
 * on the socket.
 */
export function LeaveEvent({
  slug,
  eventName,
  action,
}: {
  slug: string;
  eventName: string;
  action: (state: LeaveState, form: FormData) => Promise<LeaveState>;
}) {
  const t = useTranslations("me.leave");
  const connection = useConnection();
  const id = useId();
  const steps = useRef<HTMLDetailsElement>(null);
  const [posted, formAction] = useActionState<LeaveState, FormData>(action, {});
  // A refused leave comes back with the tick as it was sent: the next tap leaves as they chose.
  const [deleteNotes, setDeleteNotes] = useState(posted.deleteNotes ?? false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(posted.message ?? null);
  // Posted before the page was live, then answered in place (no new page): the answer's tick and message.
  const [answered, setAnswered] = useState(posted);
  if (posted !== answered) {
    setAnswered(posted);
    setDeleteNotes(posted.deleteNotes ?? false);
    setError(posted.message ?? null);
  }

  const leave = async (e: React.FormEvent) => {
    // No live connection on this page yet: the form goes to its server action instead.
    if (!connection) return;
    e.preventDefault();
    if (connection.status === "offline") return setError(t("offline"));
    setBusy(true);
    setError(null);
    // Leaving is never queued for later: the person must know they have left. A page still
    // connecting (just opened, or the server restarting) is given a moment first.
    if (!(await connection.whenOnline(connectingWaitMs))) {
      setBusy(false);
      return setError(t("offline"));
    }
    const sent = connection.send("event:leave", { deleteNotes });
    const ack = await sent.done;
    if (!ack.ok) {
      connection.dismiss(sent.id);
      setBusy(false);
      return setError(ack.error.message);
    }
    // Everything this device kept for them in this event (drafts, queue, answered nudges) goes with them.
    connection.forget();
    await forgetThisPhone(slug);
    // A full navigation, so nothing of this event stays in the page's memory.
    window.location.assign("/j?left=1");
  };

  return (
    <section aria-labelledby={`${id}-title`} className="card space-y-4 p-5">
      <h2 id={`${id}-title`} className="text-xl font-bold">
        {t("heading")}
      </h2>
      <p className="text-ink-soft">{t("body")}</p>
      <form action={formAction} onSubmit={leave} className="space-y-4">
        <div className="space-y-1">
          <CheckRow
            name="deleteNotes"
            value="yes"
            checked={deleteNotes}
            onChange={(e) => setDeleteNotes(e.target.checked)}
            aria-describedby={`${id}-later`}
          >
            {t("deleteNotes")}
          </CheckRow>
          <p id={`${id}-later`} className="ps-9 text-sm text-ink-soft">
            {t("deleteNotesLater")}
          </p>
        </div>
        {error ? (
          <p role="alert" className="field-error">
            {error}
          </p>
        ) : null}
        <details ref={steps} className="group/leave" open={posted.message ? true : undefined}>
          {/* A button to everyone: it opens the second step, and is gone while that step is shown. */}
          {/* biome-ignore lint/a11y/useSemanticElements: a summary is the disclosure's own control; the role names what it does */}
          <summary
            role="button"
            className="btn btn-secondary w-full list-none group-open/leave:hidden [&::-webkit-details-marker]:hidden"
          >
            {t("start")}
          </summary>
          <div className="space-y-3 rounded-xl bg-paper p-4">
            <p className="font-semibold">{t("confirm", { event: eventName })}</p>
            <button type="submit" className="btn btn-danger w-full" disabled={busy}>
              {busy ? t("leaving") : t("yes")}
            </button>
            {/* A link, so "Stay" closes the step without JavaScript too (the page again, step closed). */}
            <a
              href={`/p/${slug}/me`}
              className="btn btn-secondary w-full"
              aria-disabled={busy || undefined}
              onClick={(e) => {
                e.preventDefault();
                if (!busy && steps.current) steps.current.open = false;
              }}
            >
              {t("stay")}
            </a>
          </div>
        </details>
      </form>
    </section>
  );
}
