"use client";

import { useTranslations } from "next-intl";

export function PrintButton() {
  const t = useTranslations("review.page");
  return (
    <button type="button" className="btn btn-secondary" onClick={() => window.print()}>
      {t("print")}
    </button>
  );
}
