/** A snapshot refused with a code: the server's words and why. */
export class SnapshotRefused extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/**
 * When to ask again for a snapshot the server refused because too many screens were loading at
 * once (`rate_limited`): after 2, 4, 8, 16, then every 20 s, each spread over its upper half so a
 * room that reconnected together does not come back together. Null: not worth retrying.
 */
export function busyRetryDelay(error: unknown, attempt: number, random: () => number = Math.random): number | null {
  if (!(error instanceof SnapshotRefused) || error.code !== "rate_limited") return null;
  const ceiling = Math.min(20_000, 2_000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling * (0.5 + 0.5 * random()));
}

/**
 * Keeps one room's state in step with the server: applies events in sequence, buffers those
 * that arrive while a snapshot loads, and reloads the snapshot when it sees a gap. Pure apart
 * from the `load` it is given, so the rules are unit-tested without a socket.
 */
export class RoomSync<State, Event> {
  private state: State | null = null;
  private seq = 0;
  private loading: Promise<void> | null = null;
  private buffered: { seq: number; event: Event }[] = [];
  /** Absolute states (presence, a tally) that came while loading: applied after the snapshot. */
  private volatile: Event[] = [];
  /** An ack came while the snapshot loaded: that snapshot may predate it, so one more load follows. */
  private confirmedWhileLoading = false;
  /** Loads that failed in a row, and the retry waiting, if any. */
  private failures = 0;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(
    private readonly options: {
      load: () => Promise<{ seq: number; state: State }>;
      apply: (state: State, event: Event) => State;
      onChange: (state: State) => void;
      onError?: (error: unknown) => void;
      /** How long to wait before loading again after a failed load; null: wait for a reconnect or a gap. */
      retryDelay?: (error: unknown, attempt: number) => number | null;
    },
  ) {}

  get current() {
    return this.state;
  }

  get lastSeq() {
    return this.seq;
  }

  /** Loads a fresh snapshot (on connect, reconnect, or a gap). Concurrent calls share one load. */
  resync(): Promise<void> {
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    this.loading ??= this.options
      .load()
      .then(({ seq, state }) => {
        this.seq = seq;
        this.state = state;
        this.failures = 0;
        const waiting = this.buffered.sort((a, b) => a.seq - b.seq);
        this.buffered = [];
        this.loading = null;
        for (const b of waiting) this.receive(b.seq, b.event, false);
        const states = this.volatile;
        this.volatile = [];
        for (const e of states) this.state = this.options.apply(this.state as State, e);
        this.options.onChange(this.state as State);
        if (this.confirmedWhileLoading) {
          this.confirmedWhileLoading = false;
          void this.resync();
        }
      })
      .catch((error) => {
        this.loading = null;
        // The next load starts after any ack that came meanwhile, so it alone is new enough.
        this.confirmedWhileLoading = false;
        this.failures++;
        this.options.onError?.(error);
        const wait = this.options.retryDelay?.(error, this.failures) ?? null;
        if (wait !== null && !this.stopped) this.retry = setTimeout(() => void this.resync(), wait);
      });
    return this.loading;
  }

  /** The screen went: no more retries. */
  stop() {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
  }

  /**
   * Applies something the server already confirmed to this client (an ack) without waiting for
   * its broadcast; the broadcast, when it comes, changes nothing more.
   */
  patch(change: (state: State) => State) {
    if (this.loading) {
      // Dropped, not applied: the snapshot loading may be older or newer than this ack, so the
      // snapshot after it decides (see resync).
      this.confirmedWhileLoading = true;
      return;
    }
    if (this.state === null) return;
    this.state = change(this.state);
    this.options.onChange(this.state);
  }

  /**
   * An event outside the room's sequence (an absolute state, e.g. presence counts): applied as
   * it comes, or after the snapshot that is loading. The reducer keeps the newer of two.
   */
  receiveVolatile(event: Event) {
    if (this.loading || this.state === null) {
      this.volatile.push(event);
      return;
    }
    this.state = this.options.apply(this.state, event);
    this.options.onChange(this.state);
  }

  receive(seq: number, event: Event, notify = true) {
    if (this.loading || this.state === null) {
      this.buffered.push({ seq, event });
      return;
    }
    if (seq <= this.seq) return; // already in the snapshot, or a duplicate
    if (seq > this.seq + 1) {
      // A message was missed: the snapshot is the only way back to the truth.
      this.buffered.push({ seq, event });
      void this.resync();
      return;
    }
    this.seq = seq;
    this.state = this.options.apply(this.state, event);
    if (notify) this.options.onChange(this.state);
  }
}
