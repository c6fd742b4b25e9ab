/** Messages between the benchmark's orchestrator, its server children and its load workers. */

/** `cluster`: the app on `--nodes` processes behind a sticky proxy, sharing the file and Redis. */
export type ServerKind = "floor" | "naive" | "app" | "cluster";
export const serverKinds: ServerKind[] = ["floor", "naive", "app"];

/** What a server child knows after setting itself up. */
export type Setup = {
  url: string;
  eventId: string;
  boardId: string;
  roundId: string;
  /** Notes that take dots. */
  targets: string[];
  /** One cookie per simulated phone (empty for the floor, which checks nothing). */
  cookies: string[];
  dotsPerPerson: number;
  /**
   * Every event of the run (`--events E`; the first is the one above). Phone i belongs to event
   * i mod E; each event has its own board, round and targets.
   */
  events: { eventId: string; boardId: string; roundId: string; targets: string[] }[];
  /** For the report: do the ws native add-ons load in the child? */
  nativeAddons: { bufferutil: boolean; utf8Validate: boolean };
  socketIoVersion: string;
  nodeEnv: string | undefined;
};

export type ChildRequest =
  | { type: "gc-rss" }
  | { type: "stats-reset" }
  | { type: "stats" }
  /** Opens a fresh round on every event's board; answers the round ids, in event order. */
  | { type: "new-round" }
  | { type: "order"; roundId: string }
  | { type: "exit" };

export type ChildStats = { cpuMs: number; wallMs: number; eldP99Ms: number; eldMaxMs: number; rss: number };

/** Commit order of a round: [phone index, slot] of every dot, first committed first. */
export type CommitOrder = [number, number][];

export type Phone = { index: number; cookie: string };

export type WorkerRequest =
  | {
      type: "connect";
      url: string;
      /** Phone i joins events[i mod events.length]. */
      events: { eventId: string; boardId: string }[];
      phones: Phone[];
      t0: number;
      spacingMs: number;
      tag: string;
    }
  | {
      type: "step";
      /** Per event: phone i votes in rounds[i mod E] on targets[i mod E]. */
      rounds: string[];
      targets: string[][];
      t0: number;
      intervalMs: number;
      total: number;
      phones: number;
      mine: number[];
    }
  | { type: "collect" }
  | { type: "disconnect"; tag: string | null };

/** One vote as a phone saw it. Times are absolute ms (performance.timeOrigin + now()). */
export type VoteRecord = {
  j: number;
  phone: number;
  scheduled: number;
  sent: number;
  /** NaN when no ack came back. */
  acked: number;
  ok: boolean;
  slot: number;
  code: string | null;
};

export type JoinRecord = { phone: number; ms: number; ok: boolean; error: string | null };

export type WorkerReply =
  | { type: "connected"; joins: JoinRecord[] }
  | { type: "stepped" }
  | { type: "collected"; votes: VoteRecord[]; tallies: [number, number[]][] }
  | { type: "disconnected" };
