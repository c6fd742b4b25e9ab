import { type ReactionKind, reactionLimits } from "../constants";

/** Sends one command carrying `times` taps of one kind for one team; resolves when it is answered. */
export type SendCheers = (teamId: string, kind: ReactionKind, times: number) => Promise<void>;

/**
 * A phone's taps on the cheer buttons, sent as few commands: one at a time, at most one every
 * `paceMs`, each carrying every tap of its team and kind made since the last. The first tap goes
 * at once; a person drumming on a button sends a few commands a second, not fifty, and every tap
 * still counts (up to what the server keeps of one person's cheers for a team).
 */
export function createCheerTaps(send: SendCheers, paceMs: number = reactionLimits.paceMs) {
  const waiting = new Map<string, { teamId: string; kind: ReactionKind; times: number }>();
  let sending = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastSentAt = Number.NEGATIVE_INFINITY;

  const sendNext = () => {
    timer = null;
    const [key, taps] = waiting.entries().next().value ?? [];
    if (!key || !taps) return;
    waiting.delete(key);
    sending = true;
    lastSentAt = Date.now();
    send(taps.teamId, taps.kind, taps.times)
      .catch(() => {})
      .finally(() => {
        sending = false;
        schedule();
      });
  };
  const schedule = () => {
    if (sending || timer || waiting.size === 0) return;
    timer = setTimeout(sendNext, Math.max(0, lastSentAt + paceMs - Date.now()));
  };

  return {
    tap(teamId: string, kind: ReactionKind) {
      const key = `${teamId} ${kind}`;
      const times = Math.min(reactionLimits.perTeam, (waiting.get(key)?.times ?? 0) + 1);
      waiting.set(key, { teamId, kind, times });
      schedule();
    },
    /** The page is going: taps not sent yet are let go with it. */
    stop() {
      if (timer) clearTimeout(timer);
      timer = null;
      waiting.clear();
    },
  };
}
