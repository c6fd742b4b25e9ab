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

/**
 * A staff page opened by an account that is not on the event's staff: someone signed in for
 * another event, or a facilitator just taken off this one (their open pages are drawn again as this).
 */
export function NotOnStaff() {
  const t = useTranslations("ui.notOnStaff");
  return <Refused title={t("title")} body={t("body")} back={{ href: "/o", label: t("back") }} />;
}
