/**
 * Collects high-rate updates per room and flushes each room at most once per interval, so a
 * burst of votes in a room of hundreds is one broadcast per interval, not one per vote.
 *
 * A room that has been quiet for a whole interval flushes on the next macrotask (the leading
 * edge): a lone dot reaches the projector at once instead of waiting out a timer. Under load the
 * flushes fall back to one per interval, measured from the previous flush.
 */
export function createCoalescer<T>(options: {
  intervalMs: number;
  merge: (previous: T | undefined, next: T) => T;
  flush: (room: string, value: T) => void | Promise<void>;
  onError?: (error: unknown) => void;
  /** For tests: the clock the interval is measured on. */
  now?: () => number;
}) {
  const now = options.now ?? (() => performance.now());
  const pending = new Map<string, T>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const lastFlushAt = new Map<string, number>();

  const fire = (room: string) => {
    timers.delete(room);
    const value = pending.get(room);
    pending.delete(room);
    if (value === undefined) return;
    lastFlushAt.set(room, now());
    Promise.resolve()
      .then(() => options.flush(room, value))
      .catch((e) => options.onError?.(e));
  };

  // Rooms quiet for longer than an interval need no memory of their last flush.
  const forgetQuietRooms = () => {
    const cutoff = now() - options.intervalMs;
    for (const [room, at] of lastFlushAt) if (at <= cutoff && !timers.has(room)) lastFlushAt.delete(room);
  };

  return {
    add(room: string, value: T) {
      pending.set(room, options.merge(pending.get(room), value));
      if (timers.has(room)) return;
      if (lastFlushAt.size > 1024) forgetQuietRooms();
      const last = lastFlushAt.get(room);
      // A macrotask even on the leading edge, so the other dots committed in the same batch merge.
      const wait = last === undefined ? 0 : Math.max(0, options.intervalMs - (now() - last));
      timers.set(
        room,
        setTimeout(() => fire(room), wait),
      );
    },
    /** Sends everything pending now; used on shutdown. */
    flushAll() {
      for (const [room, timer] of timers) {
        clearTimeout(timer);
        fire(room);
      }
    },
    get pendingRooms() {
      return pending.size;
    },
  };
}
