import { useTranslations } from "next-intl";
import { wallShortcuts } from "@/lib/boards/wall-keys";

/** The wall's keyboard shortcuts, shown on request under the board (the same table the keys use). */
export function WallShortcuts() {
  const t = useTranslations("wall.shortcuts");
  return (
    <details className="mt-4 rounded-lg bg-paper p-3 text-sm" data-testid="wall-shortcuts">
      <summary className="cursor-pointer font-semibold">{t("title")}</summary>
      <p className="mt-2 text-ink-soft">{t("intro")}</p>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        {wallShortcuts.map(({ words }) => (
          <div key={words} className="contents">
            <dt>
              <kbd className="rounded border border-line bg-white px-1.5 py-0.5 font-mono text-xs">{t(`label.${words}`)}</kbd>
            </dt>
            <dd>{t(`does.${words}`)}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
