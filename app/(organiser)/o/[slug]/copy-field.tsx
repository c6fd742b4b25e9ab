"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";

/** A link to hand on: shown in full, selectable, with a button that copies it. */
export function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const t = useTranslations("organiser.copy");
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied("yes");
    } catch {
      // Clipboard access needs HTTPS or localhost; selecting the text lets people copy it themselves.
      (document.getElementById(id) as HTMLInputElement | null)?.select();
      setCopied("failed");
    }
  };
  return (
    <div>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id={id}
          type="text"
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className="field-input font-mono text-sm"
        />
        <button type="button" onClick={copy} className="btn btn-secondary shrink-0">
          {copied === "yes" ? t("copied") : t("copy")}
        </button>
      </div>
      <p role="status" className="mt-1 min-h-5 text-sm text-ink-soft">
        {copied === "yes" ? t("copiedStatus") : copied === "failed" ? t("failed") : ""}
      </p>
    </div>
  );
}
