"use client";

import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { type DeviceLink, makeDeviceLink } from "./actions";

export function DeviceLinkPanel({ slug }: { slug: string }) {
  const t = useTranslations("phone.device");
  const [link, setLink] = useState<DeviceLink | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, start] = useTransition();

  if (link && "url" in link) {
    return (
      <div className="space-y-4">
        {/* biome-ignore lint/performance/noImgElement: a data: URL SVG needs no optimisation */}
        <img src={link.qr} alt={t("qrAlt")} className="mx-auto h-56 w-56 rounded-lg bg-white p-2 ring-1 ring-line" />
        <p className="break-all rounded-lg bg-paper p-3 font-mono text-sm" data-testid="device-link">
          {link.url}
        </p>
        <button
          type="button"
          className="btn btn-secondary w-full"
          onClick={() => navigator.clipboard?.writeText(link.url).then(() => setCopied(true))}
        >
          {copied ? t("copied") : t("copy")}
        </button>
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
    <div className="space-y-3">
      {link && "error" in link ? (
        <p role="alert" className="field-error">
          {link.error}
        </p>
      ) : null}
      <button
        type="button"
        className="btn btn-primary w-full"
        disabled={pending}
        onClick={() => start(async () => setLink(await makeDeviceLink(slug)))}
      >
        {pending ? t("making") : t("show")}
      </button>
      <p className="text-sm text-ink-soft">{t("replaces")}</p>
    </div>
  );
}
