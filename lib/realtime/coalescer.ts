/**
 * Collects high-rate updates per room and flushes each room at most once per interval, so a
 * burst of votes in a room of hundreds is one broadcast per interval, not one per vote.
 */
export function createCoalescer<T>(options: {
  intervalMs: number;
  merge: (previous: T | undefined, next: T) => T;
  flush: (room: string, value: T) => void | Promise<void>;
  onError?: (error: unknown) => void;
}) {
  const pending = new Map<string, T>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const fire = (room: string) => {
    timers.delete(room);
    const value = pending.get(room);
    pending.delete(room);
    if (value === undefined) return;
    Promise.resolve()
      .then(() => options.flush(room, value))
      .catch((e) => options.onError?.(e));
  };

  return {
    add(room: string, value: T) {
      pending.set(room, options.merge(pending.get(room), value));
      if (!timers.has(room))
        timers.set(
          room,
          setTimeout(() => fire(room), options.intervalMs),
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
