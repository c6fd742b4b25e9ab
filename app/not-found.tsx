import Link from "next/link";
import { useTranslations } from "next-intl";
import { SiteHeader } from "@/app/ui/brand";

export default function NotFound() {
  const t = useTranslations("home.notFound");
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-xl px-4 py-16 sm:py-24">
        <div className="card space-y-5 p-6 sm:p-10">
          <p
            aria-hidden
            className="inline-block -rotate-3 rounded-md bg-note-pink px-3 py-1 font-mono text-sm font-bold text-ink shadow-sm"
          >
            404
          </p>
          <h1 className="text-3xl font-extrabold tracking-tight break-words">{t("title")}</h1>
          <p className="text-ink-soft">{t("body")}</p>
          <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
            <Link href="/" className="btn btn-primary">
              {t("home")}
            </Link>
            <Link href="/j" className="btn btn-secondary">
              {t("join")}
            </Link>
          </div>
        </div>
      </main>
    </>
  );
}
