import type { BoardView } from "@/lib/realtime/contract";

/** The settings a participant needs to know about, in plain words. */
export function BoardBadges({ board, tone = "light" }: { board: BoardView; tone?: "light" | "dark" }) {
  const chip = tone === "dark" ? "bg-white/15 text-white" : "bg-white text-ink ring-1 ring-line";
  const items = [
    board.locked ? "Locked" : null,
    board.hiddenUntilReveal && !board.revealed ? "Notes hidden until reveal" : null,
    board.anonymous ? "Anonymous" : null,
  ].filter(Boolean);
  if (items.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-2" aria-label="Board settings">
      {items.map((item) => (
        <li key={item} className={`rounded-full px-3 py-1 text-sm font-semibold ${chip}`}>
          {item}
        </li>
      ))}
    </ul>
  );
}
