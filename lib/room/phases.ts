/** Moving through the agenda: pure, so "what comes next" is tested without a server. */
export type PhaseLike = { id: string };

/**
 * The phase after `currentId` in an agenda already in running order: the first phase when
 * nothing has started (or the current one was deleted), null after the last.
 */
export function nextPhase<T extends PhaseLike>(agenda: readonly T[], currentId: string | null): T | null {
  if (agenda.length === 0) return null;
  const i = currentId === null ? -1 : agenda.findIndex((p) => p.id === currentId);
  return agenda[i + 1] ?? null;
}

/** Where a phase stands against the current one: done, now, or still to come. */
export function phaseStatus<T extends PhaseLike>(
  agenda: readonly T[],
  currentId: string | null,
  phaseId: string,
): "done" | "now" | "next" | "later" {
  const current = currentId === null ? -1 : agenda.findIndex((p) => p.id === currentId);
  const i = agenda.findIndex((p) => p.id === phaseId);
  if (i === current && current >= 0) return "now";
  if (i < current) return "done";
  return i === current + 1 ? "next" : "later";
}
