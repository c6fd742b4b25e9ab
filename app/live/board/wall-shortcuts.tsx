import { useTranslations } from "next-intl";
import { wallShortcuts } from "@/lib/boards/wall-keys";

/** Each shortcut's words, by its first key (the table in lib/boards/wall-keys stays the one list of keys). */
const shortcutKeys: Record<string, string> = {
  ArrowUp: "upDown",
  ArrowLeft: "leftRight",
  G: "group",
  U: "ungroup",
  "Alt+ArrowUp": "moveUpDown",
  "Alt+ArrowLeft": "moveLeftRight",
  X: "select",
  "Shift+X": "selectGroup",
  R: "rename",
  Home: "homeEnd",
  Tab: "tab",
};

/** The wall's keyboard shortcuts, shown on request under the board (the same table the keys use). */
export function WallShortcuts() {
  const t = useTranslations("wall.shortcuts");
  return (
    <details className="mt-4 rounded-lg bg-paper p-3 text-sm" data-testid="wall-shortcuts">
      <summary className="cursor-pointer font-semibold">{t("title")}</summary>
      <p className="mt-2 text-ink-soft">{t("intro")}</p>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        {wallShortcuts.map((s) => {
          const key = shortcutKeys[s.keys[0] ?? ""];
          return (
            <div key={s.label} className="contents">
              <dt>
                <kbd className="rounded border border-line bg-white px-1.5 py-0.5 font-mono text-xs">
                  {key ? t(`label.${key}`) : s.label}
                </kbd>
              </dt>
              <dd>{key ? t(`does.${key}`) : s.does}</dd>
            </div>
          );
        })}
      </dl>
    </details>
  );
}
