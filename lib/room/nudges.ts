import type { NudgeView, Wall } from "@/lib/realtime/contract";

/**
 * A nudge is an invitation, not an order: a phone that connects a little after it was sent still
 * gets it (people arrive late, phones sleep), but an old one is not news.
 */
export const nudgeFreshMs = 30 * 60_000;

export function freshNudge(nudge: NudgeView | null, now: number): NudgeView | null {
  return nudge && now - nudge.at <= nudgeFreshMs ? nudge : null;
}

/**
 * The board a nudge invites people to. `titleKey`: the server's mark of a title still in its
 * template's words (lib/boards/template-marks.ts), so each phone says it in its own language.
 */
export function nudgeBoard(board: { id: string; title: string; titleKey?: string }) {
  return { boardId: board.id, boardTitle: board.title, ...(board.titleKey ? { boardTitleKey: board.titleKey } : {}) };
}

/**
 * Where a phase's nudge sends people: the board or vote on the big screen when the phase starts
 * (that is where the facilitator is pointing the room), otherwise the event's own page.
 */
export function phaseDestination(wall: Wall, boards: { id: string; title: string; titleKey?: string }[]) {
  if (wall.kind !== "board" && wall.kind !== "votes") return { boardId: null, boardTitle: null };
  const board = boards.find((b) => b.id === wall.boardId);
  return board ? nudgeBoard(board) : { boardId: null, boardTitle: null };
}

/** Where a phone goes from a nudge. */
export function nudgeHref(slug: string, nudge: Pick<NudgeView, "boardId">) {
  return nudge.boardId ? `/p/${slug}/b/${nudge.boardId}` : `/p/${slug}`;
}
