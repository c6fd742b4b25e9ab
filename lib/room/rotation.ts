/**
 * The big screen's automatic rotation through team boards. Which board shows is a function of
 * the server's clock and when the rotation started, so every screen shows the same board at
 * the same moment without a message per turn.
 */
export const rotationIntervalMs = 20_000;

export function rotationIndex(startedAt: number, serverNow: number, count: number, intervalMs = rotationIntervalMs): number {
  if (count <= 0) return -1;
  const turns = Math.floor(Math.max(0, serverNow - startedAt) / intervalMs);
  return turns % count;
}

/** How long until the next turn, for a progress bar. */
export function untilNextTurn(startedAt: number, serverNow: number, intervalMs = rotationIntervalMs): number {
  const elapsed = Math.max(0, serverNow - startedAt);
  return intervalMs - (elapsed % intervalMs);
}
