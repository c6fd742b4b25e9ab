import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { sharedDatabase } from "@/db";
import { mayImportEvents } from "@/lib/exports/may-import";
import { requireAccount } from "../../access";
import { PageShell } from "../../page-shell";
import { ImportForm } from "./import-form";

export async function generateMetadata() {
  const t = await getTranslations("organiser.import");
  return { title: t("title") };
}

export default async function ImportPage() {
  const account = await requireAccount("/o/import");
  const allowed = await mayImportEvents((await sharedDatabase()).read, account.id);
  const t = await getTranslations("organiser");
  return (
    <PageShell width="narrow">
      <nav aria-label={t("shell.breadcrumb")} className="mb-4 text-sm">
        <Link href="/o" className="link">
          {t("shell.yourEvents")}
        </Link>
      </nav>
      <div className="card space-y-5 p-6 sm:p-8">
        <h1 className="text-3xl font-extrabold tracking-tight">{t("import.heading")}</h1>
        <p className="text-ink-soft">{t("import.intro")}</p>
        {allowed ? (
          <ImportForm />
        ) : (
          <p role="status" className="rounded-lg bg-brand-soft px-4 py-3 font-semibold text-brand-dark">
            {t("import.organisersOnly")}
          </p>
        )}
      </div>
    </PageShell>
  );
}
