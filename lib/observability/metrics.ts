import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * The app's Prometheus metrics, on a registry of their own (never prom-client's global one, so
 * two servers in one test process don't share counters). Names follow Prometheus conventions:
 * `_total` counters, `_seconds` histograms, base units.
 */
export function createMetrics() {
  const registry = new Registry();
  // Process CPU, memory, handles, GC and event-loop delay (nodejs_eventloop_lag_*).
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });

  const commands = new Counter({
    name: "madein_commands_total",
    help: "Socket commands handled, by command name and outcome (ok, duplicate, or the refusal's error code).",
    labelNames: ["command", "outcome"] as const,
    registers: [registry],
  });
  const commandSeconds = new Histogram({
    name: "madein_command_duration_seconds",
    help: "Time from receiving a socket command to acknowledging it.",
    labelNames: ["command"] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const httpRequests = new Counter({
    name: "madein_http_requests_total",
    help: "HTTP requests answered, by route pattern, method and status code.",
    labelNames: ["route", "method", "status"] as const,
    registers: [registry],
  });
  const httpSeconds = new Histogram({
    name: "madein_http_request_duration_seconds",
    help: "Time to answer an HTTP request, by route pattern.",
    labelNames: ["route"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const commitSeconds = new Histogram({
    name: "madein_write_commit_seconds",
    help: "Time to run and commit one batch of the write queue (one SQLite transaction).",
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const commitWrites = new Counter({
    name: "madein_write_commits_writes_total",
    help: "Writes committed by the write queue (several share one commit under load).",
    registers: [registry],
  });
  const fanoutBatches = new Counter({
    name: "madein_fanout_batches_total",
    help: "Coalesced broadcasts sent to a room (tallies, cheer counts, presence), each standing for a burst of changes.",
    labelNames: ["kind"] as const,
    registers: [registry],
  });
  const emailSweeps = new Counter({
    name: "madein_email_sweeps_total",
    help: "Scheduled email sweeps (check-in reminders, digests) this process finished, by outcome (ok, failed).",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  const readAdmissions = new Counter({
    name: "madein_read_admissions_total",
    help: "Weighted reads (boards, snapshots) by the budget that paid and how each was let through: now, waited (for a window to turn), or refused (line: a person's burst; room: the event's budget spent).",
    labelNames: ["budget", "admitted"] as const,
    registers: [registry],
  });
  const renderAdmissions = new Counter({
    name: "madein_render_admissions_total",
    help: "Requests that render a page, by how each was let through (lib/server/render-turns.ts): now, waited (in its address's line), gone (the client left while waiting); refused with 503: line (its line full), full (every line full), shed (cut from the longest line), late (waited too long); overran (a turn held too long, no longer counted).",
    labelNames: ["outcome"] as const,
    registers: [registry],
  });
  const roomWrites = new Counter({
    name: "madein_room_writes_total",
    help: "Participants' writes by the event's budget that paid (writes: in screens told; votes; cheers) and how each was let through: now, waited (for a window to turn), or refused (the room very busy).",
    labelNames: ["budget", "admitted"] as const,
    registers: [registry],
  });
  const broadcasts = new Counter({
    name: "madein_broadcasts_total",
    help: "Room broadcasts emitted after commands.",
    registers: [registry],
  });

  /** Gauges read when scraped, from whatever the server hands in once it exists. */
  function observeServer(read: {
    sockets(): number;
    rooms(): number;
    writeQueueDepth(): number;
    draining(): boolean;
    rendersInFlight(): number;
    rendersWaiting(): number;
    bodies(): { bytes: number; arriving: number; received: number };
  }) {
    new Gauge({
      name: "madein_sockets_connected",
      help: "Socket.io connections open on this process.",
      registers: [registry],
      collect() {
        this.set(read.sockets());
      },
    });
    new Gauge({
      name: "madein_rooms",
      help: "Socket.io rooms with at least one connection on this process (events, boards, staff).",
      registers: [registry],
      collect() {
        this.set(read.rooms());
      },
    });
    new Gauge({
      name: "madein_write_queue_depth",
      help: "Writes waiting for the write queue on this process.",
      registers: [registry],
      collect() {
        this.set(read.writeQueueDepth());
      },
    });
    new Gauge({
      name: "madein_renders_in_flight",
      help: "Pages being rendered on this process.",
      registers: [registry],
      collect() {
        this.set(read.rendersInFlight());
      },
    });
    new Gauge({
      name: "madein_renders_waiting",
      help: "Page requests waiting for their turn to render on this process.",
      registers: [registry],
      collect() {
        this.set(read.rendersWaiting());
      },
    });
    new Gauge({
      name: "madein_request_body_bytes",
      help: "Bytes of request bodies admitted and not yet answered (lib/server/body-budget.ts).",
      registers: [registry],
      collect() {
        this.set(read.bodies().bytes);
      },
    });
    new Gauge({
      name: "madein_request_body_bytes_received",
      help: "Bytes received so far of the request bodies still arriving.",
      registers: [registry],
      collect() {
        this.set(read.bodies().received);
      },
    });
    new Gauge({
      name: "madein_request_bodies_arriving",
      help: "Request bodies admitted and still arriving.",
      registers: [registry],
      collect() {
        this.set(read.bodies().arriving);
      },
    });
    new Gauge({
      name: "madein_draining",
      help: "1 while the process is shutting down (readiness answers 503).",
      registers: [registry],
      collect() {
        this.set(read.draining() ? 1 : 0);
      },
    });
  }

  return {
    registry,
    commands,
    commandSeconds,
    httpRequests,
    httpSeconds,
    commitSeconds,
    commitWrites,
    fanoutBatches,
    broadcasts,
    readAdmissions,
    renderAdmissions,
    roomWrites,
    emailSweeps,
    observeServer,
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
