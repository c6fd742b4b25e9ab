import { useTranslations } from "next-intl";

/**
 * Links at the very top of a long page, hidden until Tab reaches them, so a keyboard user jumps
 * straight to a section instead of tabbing through everything above it.
 */
export function SkipLinks({ links }: { links: { href: `#${string}`; label: string }[] }) {
  const t = useTranslations("ui");
  return (
    <nav aria-label={t("skipLinks")} className="sr-only focus-within:not-sr-only">
      <ul className="flex flex-wrap gap-2 bg-ink p-2">
        {links.map((l) => (
          <li key={l.href}>
            <a href={l.href} className="inline-block rounded bg-white px-3 py-2 font-semibold text-ink underline">
              {l.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
