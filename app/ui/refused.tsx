import Link from "next/link";
import { useTranslations } from "next-intl";
import { SiteHeader } from "./brand";

/** What someone sees when a page is not theirs to open: plain words and a way back. */
export function Refused({ title, body, back }: { title: string; body: string; back: { href: string; label: string } }) {
  const t = useTranslations("ui");
  return (
    <>
      <SiteHeader />
      <main className="mx-auto max-w-xl px-4 py-16">
        <div className="card space-y-4 p-8">
          <p className="eyebrow text-danger">{t("notAvailable")}</p>
          <h1 className="text-3xl font-extrabold tracking-tight">{title}</h1>
          <p className="text-ink-soft">{body}</p>
          <Link href={back.href} className="btn btn-primary">
            {back.label}
          </Link>
        </div>
      </main>
    </>
  );
}
