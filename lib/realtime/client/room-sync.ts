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

  constructor(
    private readonly options: {
      load: () => Promise<{ seq: number; state: State }>;
      apply: (state: State, event: Event) => State;
      onChange: (state: State) => void;
      onError?: (error: unknown) => void;
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
    this.loading ??= this.options
      .load()
      .then(({ seq, state }) => {
        this.seq = seq;
        this.state = state;
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
        this.options.onError?.(error);
      });
    return this.loading;
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
