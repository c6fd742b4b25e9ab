import { randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import compression from "compression";
import { migrateDatabase, openDatabase } from "@/db/client";
import { setSharedDatabase } from "@/db/shared";
import { accountFromSession } from "@/lib/auth/identity";
import type { Env } from "@/lib/config/env";
import { metricsHostDefault } from "@/lib/config/operations-env";
import { startEmailJobs } from "@/lib/email/email-jobs";
import { setSharedMailer, smtpMailer } from "@/lib/email/mailer";
import { fileStorage } from "@/lib/files/storage";
import { pathHeader } from "@/lib/i18n/event-language";
import { hostOfOwnFetch } from "@/lib/network/own-redirect-fetch";
import { createLogger, type Logger, setSharedLogger } from "@/lib/observability/logger";
import { createMetrics, type Metrics } from "@/lib/observability/metrics";
import { createRouteLabeler } from "@/lib/observability/route-label";
import { type RetentionScheduleOptions, startRetentionSchedule } from "@/lib/privacy/retention-schedule";
import { clientIpHeader } from "@/lib/rate-limit/form-limit";
import { handlers } from "@/lib/realtime/handlers";
import { createRealtime, type RealtimeOptions } from "@/lib/realtime/socket-server";
import { connectRedis } from "@/lib/scale/redis";
import { setSharedRedis, sharedRedis } from "@/lib/scale/shared-redis";
import { distDir } from "@/lib/server/dist-dir";
import { gateServerActions, isRouteHandlerPost } from "./action-gate";
import { type BodyLimits, createBodyBudget, defaultBodyLimits } from "./body-budget";
import { createBodyIntake } from "./body-intake";
import type { PaceRule } from "./body-pace";
import { clientAddress } from "./client-address";
import { builtStylesheets, filterInlinedCss } from "./inlined-css";
import { answerPlainly } from "./plain-answer";
import { createPosterCheck } from "./post-allowance";
import { createReadinessCheck } from "./readiness";
import { createRenderGate } from "./render-gate";
import { renderPersonOf } from "./render-person";
import type { RenderLimits } from "./render-turns";
import { answerMistake, requestMistake } from "./request-mistakes";
import { admitRouteHandlerBody } from "./route-body-intake";
import { applySecurityHeaders } from "./security-headers";
import { setSharedRealtime } from "./shared-realtime";

export type StartOptions = {
  env: Pick<Env, "DATABASE_URL" | "DATABASE_AUTH_TOKEN" | "PORT" | "HOST" | "SESSION_SECRET" | "PUBLIC_URL"> &
    Partial<
      Pick<
        Env,
        | "REDIS_URL"
        | "TRUST_PROXY_HOPS"
        | "SMTP_URL"
        | "MAIL_FROM"
        | "METRICS_TOKEN"
        | "METRICS_PORT"
        | "METRICS_HOST"
        | "LOG_LEVEL"
        | "NODE_ENV"
        | "PAGE_LINE_PER_ADDRESS"
      >
    >;
  /** How often this process sweeps for scheduled email (reminders, digests); tests shorten it. */
  emailSweepMs?: number;
  /** Serve pages with Next.js. Integration tests of the real-time spine leave it off. */
  pages?: { dev: boolean } | false;
  rateLimit?: RealtimeOptions["rateLimit"];
  noteLimit?: RealtimeOptions["noteLimit"];
  eventNoteLimit?: RealtimeOptions["eventNoteLimit"];
  readBudget?: RealtimeOptions["readBudget"];
  snapshotBudget?: RealtimeOptions["snapshotBudget"];
  roomSnapshotBudget?: RealtimeOptions["roomSnapshotBudget"];
  roomReadBudget?: RealtimeOptions["roomReadBudget"];
  roomWrites?: RealtimeOptions["roomWrites"];
  cheerPace?: RealtimeOptions["cheerPace"];
  cheerIntervalMs?: RealtimeOptions["cheerIntervalMs"];
  log?: (message: string, error?: unknown) => void;
  /** The automatic retention sweep (lib/privacy); on unless `false`. */
  retentionSweep?: RetentionScheduleOptions | false;
  /** Structured logs (access log, command records). Default: JSON lines on stdout. */
  logger?: Logger;
  /** Turns at rendering pages per client address (lib/server/render-turns.ts); `false` for none (bench/page-flood.ts compares). */
  renders?: Partial<RenderLimits> | false;
  /** Request bodies held at once (lib/server/body-budget.ts); tests make it small. */
  bodyLimits?: Partial<BodyLimits>;
  /** How slowly a body may arrive (lib/server/body-pace.ts); tests make it quick. */
  bodyPace?: PaceRule;
};

/**
 * Node's own clocks on a request: its headers must be in within 20 s (a few hundred bytes, even
 * on a waking phone radio), the whole request within 30 minutes. The body's real limit is its
 * pace (lib/server/body-pace.ts); this only ends what nothing else would: a check-in's 33 MB
 * at 150 kbps still fits.
 */
const headersTimeoutMs = 20_000;
const requestTimeoutMs = 30 * 60_000;

const requestIdPattern = /^[A-Za-z0-9._:-]{1,64}$/;

/** Compares in constant time, so the answer's timing does not leak the token a byte at a time. */
function bearerMatches(header: string | undefined, token: string) {
  const given = Buffer.from(header?.startsWith("Bearer ") ? header.slice("Bearer ".length) : "");
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * One HTTP server for pages and sockets, on one database. Returns once it is listening.
 */
export async function startServer(options: StartOptions) {
  const { env } = options;
  const logger = options.logger ?? createLogger({ nodeEnv: env.NODE_ENV, level: env.LOG_LEVEL });
  setSharedLogger(logger);
  const log = options.log ?? ((m: string, e?: unknown) => logger.error({ err: e }, m));
  const metrics: Metrics = createMetrics();
  await migrateDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  const db = await openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  setSharedDatabase(db);
  // Several processes: Redis carries broadcasts and rate limits between them.
  const redis = env.REDIS_URL ? await connectRedis(env.REDIS_URL, log) : undefined;
  setSharedRedis(redis);
  process.env.SESSION_SECRET = env.SESSION_SECRET; // pages read it through lib/config
  if (env.SMTP_URL && !env.PUBLIC_URL) throw new Error("PUBLIC_URL must be set when SMTP_URL is: links in emails use it");
  if (env.PUBLIC_URL) process.env.PUBLIC_URL = env.PUBLIC_URL; // pages read it (lib/server/public-url.ts)

  let handle: (req: IncomingMessage, res: ServerResponse) => unknown = (_req, res) => {
    res.statusCode = 404;
    res.end("Not found");
  };
  let nextApp: { close?: () => Promise<void> } | null = null;
  if (options.pages) {
    const { default: next } = await import("next");
    const app = next({ dev: options.pages.dev, hostname: env.HOST, port: env.PORT });
    await app.prepare();
    const requestHandler = app.getRequestHandler();
    // Compression is ours, not Next's (next.config.ts `compress: false`), so that the page can be
    // filtered before it is compressed (lib/server/inlined-css.ts).
    const compress = compression();
    const stylesheets = builtStylesheets(distDir());
    handle = (req, res) =>
      compress(req as never, res as never, () => {
        filterInlinedCss(req, res, stylesheets);
        requestHandler(req, res);
      });
    nextApp = app as unknown as { close?: () => Promise<void> };
  }

  const renders =
    options.renders === false
      ? null
      : createRenderGate({
          limits: { ...options.renders, ...(env.PAGE_LINE_PER_ADDRESS ? { addressLine: env.PAGE_LINE_PER_ADDRESS } : {}) },
          personOf: renderPersonOf(env.SESSION_SECRET, async (token) => (await accountFromSession(db.read, token))?.id ?? null),
          onOutcome: (outcome) => metrics.renderAdmissions.inc({ outcome }),
        });
  // Who posts, and the bodies the process holds at once (lib/server/body-intake.ts).
  const whoPosts = createPosterCheck(db.read, env.SESSION_SECRET);
  const poster = (req: IncomingMessage) => whoPosts(req.headers.cookie);
  const bodies = createBodyBudget({ ...defaultBodyLimits, ...options.bodyLimits });
  const intake = createBodyIntake(bodies, { pace: options.bodyPace });

  let draining = false;
  const readiness = createReadinessCheck({ db, databaseUrl: env.DATABASE_URL, redis });
  metrics.commitSeconds.observe(0); // so the histogram is exported before the first write
  db.writeQueue.onCommit((seconds, writes) => {
    metrics.commitSeconds.observe(seconds);
    metrics.commitWrites.inc(writes);
  });

  /** /healthz, /readyz and /metrics; true when it answered. */
  const answerProbe = (req: IncomingMessage, res: ServerResponse, metricsAllowed: boolean): boolean => {
    const path = (req.url ?? "").split("?")[0];
    const json = (status: number, body: unknown) => {
      res.statusCode = status;
      res.setHeader("content-type", "application/json");
      res.setHeader("cache-control", "no-store");
      res.end(JSON.stringify(body));
    };
    if (path === "/healthz") {
      json(200, { ok: true });
      return true;
    }
    if (path === "/readyz") {
      if (draining) json(503, { ok: false, reason: "shutting down" });
      else
        readiness().then(
          (r) => json(r.ok ? 200 : 503, r),
          () => json(503, { ok: false, reason: "readiness check failed" }),
        );
      return true;
    }
    if (path === "/metrics") {
      // On the public port, as any missing page is: in the reader's words.
      if (!metricsAllowed) answerPlainly(res, req.headers, 404, "server.notFound");
      else {
        metrics.registry.metrics().then(
          (text) => {
            res.setHeader("content-type", metrics.registry.contentType);
            res.setHeader("cache-control", "no-store");
            res.end(text);
          },
          (error) => {
            log("metrics failed", error);
            res.statusCode = 500;
            res.end();
          },
        );
      }
      return true;
    }
    return false;
  };
  // On the main port /metrics needs the token; on METRICS_PORT the network is the protection.
  const metricsOnMain = (req: IncomingMessage) =>
    env.METRICS_TOKEN !== undefined && bearerMatches(req.headers.authorization, env.METRICS_TOKEN);

  const http = createServer((req, res) => {
    if (answerProbe(req, res, metricsOnMain(req))) return;
    const ownFetchHost = hostOfOwnFetch(req.socket.remoteAddress, req.headers, env.HOST, env.PORT);
    if (ownFetchHost) req.headers.host = ownFetchHost;
    // Read only from a trusted proxy (lib/network/request-host.ts); Next fills it from Host when absent.
    else if (!env.TRUST_PROXY_HOPS) delete req.headers["x-forwarded-host"];
    // Only the socket's address (or, when configured, our own proxies' X-Forwarded-For) is
    // trusted; a header of the same name from the client is replaced.
    req.headers[clientIpHeader] = clientAddress(
      req.socket.remoteAddress,
      req.headers["x-forwarded-for"],
      env.TRUST_PROXY_HOPS ?? 0,
    );
    // The page's language config can't see the URL; it reads the path from here (a client's header of that name is replaced).
    req.headers[pathHeader] = (req.url ?? "/").split("?")[0];
    // Next answers 500 to these ("/p/%", TRACE, its own error page by name): they are the client's.
    const mistake = requestMistake(req.method, req.url, req.headers);
    if (mistake) return answerMistake(res, req.headers, mistake);
    const failed = (what: string) => (error: unknown) => {
      log(what, error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    };
    if (isRouteHandlerPost(req)) {
      admitRouteHandlerBody(req, res, { intake, poster }).then(
        (admitted) => admitted && handle(req, res),
        failed("route handler body failed"),
      );
      return;
    }
    // A form's body is admitted and read (the body budget bounds what is held, and refuses at
    // once past it) before the page's turn is taken: a post that trickles in or stalls must not
    // hold one of the turns every page render waits for.
    const render = () => {
      if (renders) renders.admit(req, res, () => handle(req, res)).catch(failed("render turns failed"));
      else handle(req, res);
    };
    gateServerActions(req, res, render, {
      dev: options.pages ? options.pages.dev : false,
      publicUrl: env.PUBLIC_URL,
      poster,
      intake,
    }).catch(failed("server action gate failed"));
  });
  http.headersTimeout = headersTimeoutMs;
  http.requestTimeout = requestTimeoutMs;
  const realtime = createRealtime(http, {
    db,
    handlers,
    secret: env.SESSION_SECRET,
    processId: randomUUID(),
    publicUrl: env.PUBLIC_URL,
    rateLimit: options.rateLimit,
    noteLimit: options.noteLimit,
    eventNoteLimit: options.eventNoteLimit,
    readBudget: options.readBudget,
    snapshotBudget: options.snapshotBudget,
    roomSnapshotBudget: options.roomSnapshotBudget,
    roomReadBudget: options.roomReadBudget,
    roomWrites: options.roomWrites,
    cheerPace: options.cheerPace,
    cheerIntervalMs: options.cheerIntervalMs,
    redis,
    log,
    logger,
    metrics,
  });
  setSharedRealtime(realtime);
  const retention =
    options.retentionSweep === false
      ? null
      : startRetentionSchedule(
          {
            db,
            storage: fileStorage,
            log,
            // Staff pages drawn with the erased names (the review, the console, the audit) are drawn again.
            onErased: (ids) => {
              for (const id of ids) {
                realtime.audited(id);
                realtime.recordChanged(id);
                realtime.eventDetailsChanged(id, "privacy");
              }
            },
          },
          options.retentionSweep ?? {},
        );
  // First of all listeners, including engine.io's (which answers /socket.io/ before ours runs).
  const headerOptions = { dev: options.pages ? options.pages.dev : false, publicUrl: env.PUBLIC_URL };
  http.prependListener("request", (req, res) => applySecurityHeaders(req, res, headerOptions));
  // The access log and HTTP metrics see every request, socket.io's polling included.
  const routeLabel = createRouteLabeler();
  http.prependListener("request", (req, res) => {
    const started = performance.now();
    const given = req.headers["x-request-id"];
    const reqId = typeof given === "string" && requestIdPattern.test(given) ? given : randomUUID();
    req.headers["x-request-id"] = reqId; // pages and actions can log with the same id
    res.setHeader("x-request-id", reqId);
    res.once("close", () => {
      const route = routeLabel(req.url);
      const seconds = (performance.now() - started) / 1000;
      const status = res.headersSent ? res.statusCode : 0; // 0: the client went away first
      metrics.httpRequests.inc({ route, method: req.method ?? "", status: String(status) });
      metrics.httpSeconds.observe({ route }, seconds);
      // Probes and static files every few seconds would drown the rest: debug for those.
      const quiet = route === "/healthz" || route === "/readyz" || route === "/metrics" || route.startsWith("/_next/");
      // A 503 is the server refusing work to stay up (a page's turn, lib/server/render-turns.ts; a
      // body's room, lib/server/body-budget.ts): the client's doing, counted in metrics, not a failure.
      const level = status >= 500 && status !== 503 ? "error" : quiet ? "debug" : "info";
      if (!logger.isLevelEnabled(level)) return;
      logger[level]({ reqId, method: req.method, route, status, durationMs: Math.round(seconds * 10_000) / 10 }, "request");
    });
  });
  metrics.observeServer({
    sockets: () => realtime.io.engine.clientsCount,
    rooms: () => realtime.io.of("/").adapter.rooms.size - realtime.io.of("/").sockets.size,
    writeQueueDepth: () => db.writeQueue.depth(),
    draining: () => draining,
    rendersInFlight: () => renders?.inFlight() ?? 0,
    rendersWaiting: () => renders?.waiting() ?? 0,
    bodies: () => ({ ...bodies.inUse(), received: intake.received() }),
  });

  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(env.PORT, env.HOST, () => resolve());
  });
  const address = http.address();
  const port = typeof address === "object" && address ? address.port : env.PORT;

  // Email, when an SMTP relay is configured; otherwise pages show links to copy, as before.
  const mailer = env.SMTP_URL && env.MAIL_FROM ? smtpMailer(env.SMTP_URL, env.MAIL_FROM) : null;
  setSharedMailer(mailer);
  const emailJobs = mailer
    ? startEmailJobs(
        db,
        mailer,
        { baseUrl: (env.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/$/, ""), secret: env.SESSION_SECRET },
        { everyMs: options.emailSweepMs, log, onSwept: (outcome) => metrics.emailSweeps.inc({ outcome }) },
      )
    : null;

  let metricsServer: Server | null = null;
  let metricsPort: number | null = null;
  if (env.METRICS_PORT !== undefined) {
    const server = createServer((req, res) => {
      if (!answerProbe(req, res, true)) {
        res.statusCode = 404;
        res.end("Not found");
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(env.METRICS_PORT, env.METRICS_HOST ?? metricsHostDefault, () => resolve());
    });
    const a = server.address();
    metricsPort = typeof a === "object" && a ? a.port : env.METRICS_PORT;
    metricsServer = server;
  }

  let closing: Promise<void> | null = null;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    db,
    realtime,
    retention,
    emailJobs,
    metrics,
    logger,
    metricsPort,
    /** Readiness turns 503 (a load balancer stops sending people here); everything else still works. */
    drain() {
      draining = true;
    },
    /** Graceful: stop accepting, finish commands in flight, close sockets, pages and the database. */
    close() {
      closing ??= (async () => {
        draining = true;
        renders?.stop();
        metricsServer?.close();
        http.close();
        await retention?.stop();
        await realtime.close();
        await emailJobs?.stop();
        mailer?.close();
        http.closeAllConnections?.();
        await nextApp?.close?.().catch(() => undefined);
        await redis?.close().catch(() => undefined);
        if (sharedRedis() === redis) setSharedRedis(undefined);
        db.close();
      })();
      return closing;
    },
  };
}

export type RunningServer = Awaited<ReturnType<typeof startServer>>;
