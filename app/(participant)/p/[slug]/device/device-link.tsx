"use client";

import { useTranslations } from "next-intl";
import { useActionState, useEffect, useState } from "react";
import { SubmissionField } from "@/app/ui/submission-field";
import type { DeviceLink } from "./actions";

/**
 * "Show my personal link": a form, so it works before the page's scripts have run (the page comes
 * back with the link); with them, the link appears in place. Copying needs a script, so the copy
 * button shows only where the browser can copy.
 */
export function DeviceLinkPanel({
  action,
  submission,
}: {
  action: (previous: DeviceLink | null, form: FormData) => Promise<DeviceLink>;
  /** A fresh id each time the page is drawn: the same form sent twice makes (and emails) one link. */
  submission: string;
}) {
  const t = useTranslations("phone.device");
  const [link, formAction, pending] = useActionState(action, null);
  const [copied, setCopied] = useState(false);
  const [canCopy, setCanCopy] = useState(false);
  useEffect(() => setCanCopy(typeof navigator !== "undefined" && Boolean(navigator.clipboard)), []);

  if (link && "url" in link) {
    return (
      <div className="space-y-4">
        {/* biome-ignore lint/performance/noImgElement: a data: URL SVG needs no optimisation */}
        <img src={link.qr} alt={t("qrAlt")} className="mx-auto h-56 w-56 rounded-lg bg-white p-2 ring-1 ring-line" />
        <p className="break-all rounded-lg bg-paper p-3 font-mono text-sm" data-testid="device-link">
          {link.url}
        </p>
        {canCopy ? (
          <button
            type="button"
            className="btn btn-secondary w-full"
            onClick={() => navigator.clipboard.writeText(link.url).then(() => setCopied(true))}
          >
            {copied ? t("copied") : t("copy")}
          </button>
        ) : null}
        {link.emailed ? (
          <p role="status" className="font-semibold">
            {t("emailed")}
          </p>
        ) : null}
        <p className="text-sm text-ink-soft">{t("keepSecret")}</p>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-3">
      <SubmissionField id={submission} />
      {link && "error" in link ? (
        <p role="alert" className="field-error">
          {link.error}
        </p>
      ) : null}
      <button type="submit" className="btn btn-primary w-full" disabled={pending}>
        {pending ? t("making") : t("show")}
      </button>
      <p className="text-sm text-ink-soft">{t("replaces")}</p>
    </form>
  );
}
