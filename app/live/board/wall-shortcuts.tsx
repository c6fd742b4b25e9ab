import { wallShortcuts } from "@/lib/boards/wall-keys";

/** The wall's keyboard shortcuts, shown on request under the board (the same table the keys use). */
export function WallShortcuts() {
  return (
    <details className="mt-4 rounded-lg bg-paper p-3 text-sm" data-testid="wall-shortcuts">
      <summary className="cursor-pointer font-semibold">Keyboard shortcuts</summary>
      <p className="mt-2 text-ink-soft">
        Tab to the wall: each note is one stop, and the arrow keys go from note to note. On a note:
      </p>
      <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        {wallShortcuts.map((s) => (
          <div key={s.label} className="contents">
            <dt>
              <kbd className="rounded border border-line bg-white px-1.5 py-0.5 font-mono text-xs">{s.label}</kbd>
            </dt>
            <dd>{s.does}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
