import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireAccount } from "../../access";
import { PageShell } from "../../page-shell";
import { ImportForm } from "./import-form";

export async function generateMetadata() {
  const t = await getTranslations("organiser.import");
  return { title: t("title") };
}

export default async function ImportPage() {
  await requireAccount("/o/import");
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
        <ImportForm />
      </div>
    </PageShell>
  );
}
