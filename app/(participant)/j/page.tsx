import { getTranslations } from "next-intl/server";
import { PhoneShell } from "../phone-shell";
import { CodeForm } from "./code-form";

export async function generateMetadata() {
  const t = await getTranslations("join.codePage");
  return { title: t("title") };
}

export default async function JoinByCodePage({ searchParams }: { searchParams: Promise<{ expired?: string; left?: string }> }) {
  const { expired, left } = await searchParams;
  const t = await getTranslations("join.codePage");
  return (
    <PhoneShell>
      <div className="card mt-4 space-y-6 p-6">
        {expired ? (
          <p role="alert" className="rounded-lg bg-note-orange px-4 py-3 font-semibold">
            {t("expired")}
          </p>
        ) : null}
        {left ? (
          <p role="status" className="rounded-lg bg-brand-soft px-4 py-3 font-semibold">
            {t("left")}
          </p>
        ) : null}
        <div className="space-y-2">
          <p className="eyebrow">{t("eyebrow")}</p>
          <h1 className="text-3xl font-extrabold tracking-tight">{t("heading")}</h1>
          <p className="text-ink-soft">{t("intro")}</p>
        </div>
        <CodeForm />
      </div>
    </PhoneShell>
  );
}
