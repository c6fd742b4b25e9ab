"use client";

import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useConnection, useConnectionStatus } from "@/lib/realtime/client/react";
import { forgetThisPhone } from "./actions";

/** Leaving: a deliberate two-step, with a plain choice about the notes already written. */
export function LeaveEvent({ slug, eventName }: { slug: string; eventName: string }) {
  const t = useTranslations("me.leave");
  const connection = useConnection();
  const status = useConnectionStatus();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [deleteNotes, setDeleteNotes] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const leave = async () => {
    if (!connection) return;
    if (status !== "online") return setError(t("offline"));
    setBusy(true);
    setError(null);
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
      <label className="flex cursor-pointer items-start gap-3">
        <input
          type="checkbox"
          checked={deleteNotes}
          onChange={(e) => setDeleteNotes(e.target.checked)}
          className="mt-1 h-6 w-6 shrink-0 accent-brand"
        />
        <span>{t("deleteNotes")}</span>
      </label>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      {confirming ? (
        <div className="space-y-3 rounded-xl bg-paper p-4">
          <p className="font-semibold">{t("confirm", { event: eventName })}</p>
          <button type="button" className="btn btn-danger w-full" onClick={leave} disabled={busy}>
            {busy ? t("leaving") : t("yes")}
          </button>
          <button type="button" className="btn btn-secondary w-full" onClick={() => setConfirming(false)} disabled={busy}>
            {t("stay")}
          </button>
        </div>
      ) : (
        <button type="button" className="btn btn-secondary w-full" onClick={() => setConfirming(true)}>
          {t("start")}
        </button>
      )}
    </section>
  );
}
