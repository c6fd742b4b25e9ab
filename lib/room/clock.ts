/**
 * A screen's offset to the server's clock, from round trips: the server read its clock about
 * halfway between our send and our receive, so offset = server - midpoint. The sample with the
 * shortest round trip bounds the error best (±rtt/2), so that one wins.
 */
export type ClockSample = { sentAt: number; receivedAt: number; serverNow: number };

const roundTrip = (s: ClockSample) => Math.max(0, s.receivedAt - s.sentAt);

export const offsetOf = (s: ClockSample) => s.serverNow - (s.sentAt + s.receivedAt) / 2;

/** The offset to add to the local clock to read the server's; 0 without samples. */
export function bestOffset(samples: readonly ClockSample[]): number {
  let best: ClockSample | null = null;
  for (const s of samples) if (s.receivedAt >= s.sentAt && (!best || roundTrip(s) < roundTrip(best))) best = s;
  return best ? Math.round(offsetOf(best)) : 0;
}
