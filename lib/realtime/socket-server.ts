import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { eq } from "drizzle-orm";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { Server, type Socket } from "socket.io";
import { z } from "zod";
import type { Database } from "@/db/client";
import { voteRounds } from "@/db/schema";
import { type Actor, actorKey, isStaff } from "@/lib/auth/actor";
import { parseCookieHeader } from "@/lib/auth/cookies";
import { resolveActor } from "@/lib/auth/identity";
import type { Logger } from "@/lib/observability/logger";
import type { Metrics } from "@/lib/observability/metrics";
import { createPresenceStore, presenceHeartbeatMs } from "@/lib/presence/presence-store";
import { createLimiter } from "@/lib/rate-limit/limiter";
import type { RedisClient } from "@/lib/scale/redis";
import { closeExpiredRounds } from "@/lib/voting/close-expired";
import { tallyOf } from "@/lib/voting/round-store";
import { createCoalescer } from "./coalescer";
import {
  type Ack,
  type ClientToServerEvents,
  type CommandName,
  commandNames,
  limits,
  rooms,
  type ServerToClientEvents,
} from "./contract";
import { executeCommand, type SequencedBroadcast } from "./execute-command";
import { fanoutPolicy } from "./fanout-policy";
import type { HandlerTable } from "./handler";
import { originAllowed } from "./origin";

type SocketData = { actor: Actor };
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const handshakeSchema = z.object({ eventId: z.string().min(1).max(64) });

export type RealtimeOptions = {
  db: Database;
  handlers: HandlerTable;
  secret: string;
  processId: string;
  publicUrl?: string;
  /**
   * Shared by every app process when REDIS_URL is set: broadcasts reach sockets held by the
   * other processes, and rate limits are counted once for all of them.
   */
  redis?: RedisClient;
  /** Per connection: commands allowed per window. */
  rateLimit?: { points: number; seconds: number };
  presenceIntervalMs?: number;
  tallyIntervalMs?: number;
  log?: (message: string, error?: unknown) => void;
  /** Command records: debug when applied, info when refused, error when they threw. */
  logger?: Logger;
  metrics?: Metrics;
};

/** The client's command id, when it sent a sensible one: it ties a log line to a retry. */
function commandIdOf(envelope: unknown): string | undefined {
  const id = typeof envelope === "object" && envelope !== null ? (envelope as { id?: unknown }).id : undefined;
  return typeof id === "string" && id.length <= 64 ? id : undefined;
}

export function createRealtime(httpServer: HttpServer, options: RealtimeOptions) {
  const { db, handlers, logger, metrics } = options;
  const log =
    options.log ?? (logger ? (m: string, e?: unknown) => logger.error({ err: e }, m) : (m, e) => console.error(m, e ?? ""));
  const io = new Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>(httpServer, {
    maxHttpBufferSize: limits.maxPayloadBytes,
    // Next's dev server upgrades its own hot-reload socket on this HTTP server; engine.io
    // would otherwise close upgrades it does not own after a second.
    destroyUpgrade: false,
    allowRequest: (req, callback) => {
      const ok = originAllowed(req.headers.origin, req.headers.host, options.publicUrl);
      callback(ok ? null : "origin not allowed", ok);
    },
    // A phone that drops off for a moment gets its rooms back without a full reload.
    // With Redis, the session and the missed packets are kept in Redis, so the phone may come
    // back to another process; if that process died, recovery fails and the client resyncs.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    // The streams adapter rides out a temporary loss of the Redis connection without losing
    // packets, which the pub/sub adapter cannot promise. It keeps the last 10,000 broadcasts
    // (all events together) for recovery; older than that, a returning phone reloads snapshots.
    ...(options.redis ? { adapter: createAdapter(options.redis, { streamName: "madein:socket.io" }) } : {}),
  });

  const presence = createPresenceStore(db, options.processId);
  const limiter = createLimiter(
    { points: options.rateLimit?.points ?? 60, seconds: options.rateLimit?.seconds ?? 10, keyPrefix: "socket" },
    options.redis,
  );
  // A connection that keeps sending far past its limit (a script, not a phone's outbox, which
  // waits after a refusal) is cut off: even refusing it costs the room's other phones time.
  const floodAfterRefusals = options.rateLimit?.points ?? 60;
  const refusals = new RateLimiterMemory({ points: floodAfterRefusals, duration: options.rateLimit?.seconds ?? 10 });
  let draining = false;
  let inFlight = 0;
  let drained: (() => void) | null = null;

  const presenceUpdates = createCoalescer<true>({
    intervalMs: options.presenceIntervalMs ?? fanoutPolicy.presenceIntervalMs,
    merge: () => true,
    flush: async (eventId) => {
      io.to(rooms.event(eventId)).emit("presence:updated", await presence.counts(eventId));
      metrics?.fanoutBatches.inc({ kind: "presence" });
    },
    onError: (e) => log("presence broadcast failed", e),
  });

  // A room of hundreds voting at once gets one tally per round per interval, not one per dot.
  const tallyUpdates = createCoalescer<string>({
    intervalMs: options.tallyIntervalMs ?? fanoutPolicy.tallyIntervalMs,
    merge: (_previous, room) => room,
    flush: async (roundId, room) => {
      const [round] = await db.read.select().from(voteRounds).where(eq(voteRounds.id, roundId));
      if (round) io.to(room).emit("vote:tallied", { ...(await tallyOf(db.read, round)), room });
      metrics?.fanoutBatches.inc({ kind: "tally" });
    },
    onError: (e) => log("tally broadcast failed", e),
  });

  const emitBroadcasts = (broadcasts: SequencedBroadcast[]) => {
    if (broadcasts.length > 0) metrics?.broadcasts.inc(broadcasts.length);
    for (const b of broadcasts) {
      io.to(b.room).emit(b.event, { room: b.room, seq: b.seq, data: b.data } as never);
    }
  };

  io.use(async (socket, next) => {
    try {
      const auth = handshakeSchema.safeParse(socket.handshake.auth);
      if (!auth.success) return next(new Error("unauthenticated"));
      const cookies = parseCookieHeader(socket.handshake.headers.cookie);
      const actor = await resolveActor(db.read, auth.data.eventId, cookies, options.secret);
      if (!actor) return next(new Error("unauthenticated"));
      socket.data.actor = actor;
      next();
    } catch (error) {
      log("handshake failed", error);
      next(new Error("internal"));
    }
  });

  io.on("connection", (socket: RealtimeSocket) => {
    const actor = socket.data.actor;
    // Rooms are the server's choice, from the identity it resolved, never the client's.
    socket.join(rooms.event(actor.eventId));
    if (isStaff(actor)) socket.join(rooms.staff(actor.eventId));
    // A recovered connection (same id, rooms restored by socket.io) keeps the board it was on.
    const boardRoom = [...socket.rooms].find((r) => r.startsWith("board:")) ?? null;
    presence
      .enter({ socketId: socket.id, eventId: actor.eventId, personKey: actorKey(actor), role: actor.role, room: boardRoom })
      .then(() => presenceUpdates.add(actor.eventId, true))
      .catch((e) => log("presence enter failed", e));

    for (const name of commandNames) {
      socket.on(name, async (envelope: unknown, ack: unknown) => {
        const reply = typeof ack === "function" ? (ack as (a: Ack<unknown>) => void) : () => {};
        const started = performance.now();
        const record = (outcome: string) => {
          const seconds = (performance.now() - started) / 1000;
          metrics?.commands.inc({ command: name, outcome });
          metrics?.commandSeconds.observe({ command: name }, seconds);
          // Applied commands are the hot path: at debug, off in production unless asked for.
          // A failure ("internal") was already logged at error, with its stack, by onError.
          if (outcome === "internal") return;
          const level = outcome === "ok" || outcome === "duplicate" ? "debug" : "info";
          if (!logger?.isLevelEnabled(level)) return;
          logger[level](
            {
              command: name,
              commandId: commandIdOf(envelope),
              eventId: actor.eventId,
              actor: actorKey(actor),
              role: actor.role,
              socketId: socket.id,
              outcome,
              durationMs: Math.round(seconds * 10_000) / 10,
            },
            outcome === "ok" || outcome === "duplicate" ? "command" : "command refused",
          );
        };
        if (draining) {
          record("draining");
          return reply({ ok: false, error: { code: "internal", message: "The server is restarting. It will be retried." } });
        }
        try {
          await limiter.consume(socket.id);
        } catch {
          record("rate_limited");
          reply({ ok: false, error: { code: "rate_limited", message: "Slow down a little and try again." } });
          await refusals.consume(socket.id).catch(() => {
            if (!socket.connected) return;
            log(`cut off a flooding connection (${actorKey(actor)})`);
            socket.disconnect(true);
          });
          return;
        }
        inFlight++;
        try {
          const join = (room: string) => {
            socket.join(room);
            if (room.startsWith("board:")) {
              presence
                .moveTo(socket.id, room)
                .then(() => presenceUpdates.add(actor.eventId, true))
                .catch((e) => log("presence move failed", e));
            }
          };
          const onError = (error: unknown) => {
            if (logger) {
              logger.error(
                { err: error, command: name, commandId: commandIdOf(envelope), eventId: actor.eventId, actor: actorKey(actor) },
                "command failed",
              );
            } else log(`command ${name} failed`, error);
          };
          const run = await executeCommand({ db, handlers, join, onError }, actor, name as CommandName, envelope);
          reply(run.ack);
          record(run.ack.ok ? (run.ack.duplicate ? "duplicate" : "ok") : run.ack.error.code);
          emitBroadcasts(run.broadcasts);
          for (const signal of run.signals ?? []) tallyUpdates.add(signal.roundId, signal.room);
        } finally {
          inFlight--;
          if (inFlight === 0) drained?.();
        }
      });
    }

    socket.on("disconnect", () => {
      presence
        .leave(socket.id)
        .then(() => presenceUpdates.add(actor.eventId, true))
        .catch((e) => log("presence leave failed", e));
    });
  });

  // Rounds with a time limit end by themselves, announced by whichever process notices first.
  const roundClock = setInterval(() => {
    closeExpiredRounds(db)
      .then((closed) => {
        emitBroadcasts(closed);
        for (const b of closed) {
          if (b.event === "vote:round-changed") tallyUpdates.add(b.data.round.id, b.room);
        }
      })
      .catch((e) => log("closing expired votes failed", e));
  }, 1000);
  roundClock.unref();

  const heartbeat = setInterval(() => {
    presence
      .heartbeat()
      .then((changed) => {
        for (const eventId of changed) presenceUpdates.add(eventId, true);
      })
      .catch((e) => log("presence heartbeat failed", e));
  }, presenceHeartbeatMs);
  heartbeat.unref();

  return {
    io,
    /** For server-side code outside a command (e.g. a page's server action) that changed a room. */
    emitBroadcasts,
    /** Stops taking commands, waits for those in flight (bounded), then closes every socket. */
    async close(timeoutMs = 4000) {
      draining = true;
      clearInterval(heartbeat);
      clearInterval(roundClock);
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => {
            drained = resolve;
          }),
          new Promise((resolve) => setTimeout(resolve, timeoutMs)),
        ]);
      }
      presenceUpdates.flushAll();
      tallyUpdates.flushAll();
      // The other processes' screens stop counting this process's phones now, not after the TTL.
      const left = await presence.forgetProcess().catch((e) => {
        log("presence cleanup failed", e);
        return [] as string[];
      });
      for (const eventId of left) {
        const counts = await presence.counts(eventId).catch((e) => log("presence broadcast failed", e));
        if (counts) io.to(rooms.event(eventId)).emit("presence:updated", counts);
      }
      // The acks and broadcasts of the commands just finished can still sit in a connection's
      // write buffer (libSQL runs synchronously, so nothing has yielded to I/O yet), and
      // io.close() discards those buffers. Closing each connection first flushes it; clients
      // see a transport close, so they reconnect and retry rather than give up.
      await Promise.race([
        Promise.all(
          [...io.sockets.sockets.values()].map(
            ({ conn }) =>
              new Promise<void>((resolve) => {
                if (conn.readyState === "closed") return resolve();
                conn.once("close", () => resolve());
                conn.close();
              }),
          ),
        ),
        new Promise((resolve) => setTimeout(resolve, 1000).unref()),
      ]);
      await new Promise<void>((resolve) => io.close(() => resolve()));
    },
  };
}

export type Realtime = ReturnType<typeof createRealtime>;
