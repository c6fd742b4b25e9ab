import Link from "next/link";
import { useTranslations } from "next-intl";

/** The wordmark: a sticky note with "Made In" on it. */
export function Wordmark({ href = "/", tone = "light" }: { href?: string; tone?: "light" | "dark" }) {
  return (
    <Link href={href} className="inline-flex shrink-0 items-center gap-2 whitespace-nowrap font-extrabold tracking-tight text-lg">
      <span aria-hidden className="grid h-8 w-8 -rotate-6 place-items-center rounded-md bg-sun text-ink shadow-sm text-sm">
        MI
      </span>
      <span className={tone === "dark" ? "text-white" : "text-ink"}>Made In</span>
    </Link>
  );
}

export function SiteHeader({ children }: { children?: React.ReactNode }) {
  const t = useTranslations("ui");
  return (
    <header className="border-b border-line bg-white/80 backdrop-blur">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
        <Wordmark />
        <nav aria-label={t("accountNav")} className="flex flex-wrap items-center justify-end gap-x-3 gap-y-1 text-sm">
          {children}
        </nav>
      </div>
    </header>
  );
}
