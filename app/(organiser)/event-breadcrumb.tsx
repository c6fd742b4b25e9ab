import Link from "next/link";
import { useTranslations } from "next-intl";

/** "Your events / <event> / <here>" at the top of an organiser's page about one event. */
export function EventBreadcrumb({
  event,
  here,
  className = "mb-4 text-sm",
}: {
  event: { slug: string; name: string };
  here: string;
  className?: string;
}) {
  const t = useTranslations("organiser.shell");
  return (
    <nav aria-label={t("breadcrumb")} className={className}>
      <Link href="/o" className="link">
        {t("yourEvents")}
      </Link>
      <span aria-hidden className="mx-2 text-ink-soft">
        /
      </span>
      <Link href={`/o/${event.slug}`} className="link">
        {event.name}
      </Link>
      <span aria-hidden className="mx-2 text-ink-soft">
        /
      </span>
      <span className="text-ink-soft">{here}</span>
    </nav>
  );
}
