import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { migrateDatabase, openDatabase } from "@/db/client";
import { setSharedDatabase } from "@/db/shared";
import type { Env } from "@/lib/config/env";
import { startEmailJobs } from "@/lib/email/email-jobs";
import { setSharedMailer, smtpMailer } from "@/lib/email/mailer";
import { fileStorage } from "@/lib/files/storage";
import { type RetentionScheduleOptions, startRetentionSchedule } from "@/lib/privacy/retention-schedule";
import { clientIpHeader } from "@/lib/rate-limit/form-limit";
import { handlers } from "@/lib/realtime/handlers";
import { createRealtime, type RealtimeOptions } from "@/lib/realtime/socket-server";
import { connectRedis } from "@/lib/scale/redis";
import { setSharedRedis, sharedRedis } from "@/lib/scale/shared-redis";
import { decodablePath, gateServerActions } from "./action-gate";
import { clientAddress } from "./client-address";
import { applySecurityHeaders } from "./security-headers";
import { setSharedRealtime } from "./shared-realtime";

export type StartOptions = {
  env: Pick<Env, "DATABASE_URL" | "DATABASE_AUTH_TOKEN" | "PORT" | "HOST" | "SESSION_SECRET" | "PUBLIC_URL"> &
    Partial<Pick<Env, "REDIS_URL" | "TRUST_PROXY_HOPS" | "SMTP_URL" | "MAIL_FROM">>;
  /** How often this process sweeps for scheduled email (reminders, digests); tests shorten it. */
  emailSweepMs?: number;
  /** Serve pages with Next.js. Integration tests of the real-time spine leave it off. */
  pages?: { dev: boolean } | false;
  rateLimit?: RealtimeOptions["rateLimit"];
  noteLimit?: RealtimeOptions["noteLimit"];
  log?: (message: string, error?: unknown) => void;
  /** The automatic retention sweep (lib/privacy); on unless `false`. */
  retentionSweep?: RetentionScheduleOptions | false;
};

/**
 * One HTTP server for pages and sockets, on one database. Returns once it is listening.
 */
export async function startServer(options: StartOptions) {
  const { env } = options;
  const log = options.log ?? ((m: string, e?: unknown) => console.error(m, e ?? ""));
  await migrateDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  const db = await openDatabase(env.DATABASE_URL, env.DATABASE_AUTH_TOKEN);
  setSharedDatabase(db);
  // Several processes: Redis carries broadcasts and rate limits between them.
  const redis = env.REDIS_URL ? await connectRedis(env.REDIS_URL, log) : undefined;
  setSharedRedis(redis);
  process.env.SESSION_SECRET = env.SESSION_SECRET; // pages read it through lib/config

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
    handle = (req, res) => requestHandler(req, res);
    nextApp = app as unknown as { close?: () => Promise<void> };
  }

  const http = createServer((req, res) => {
    if (req.url === "/healthz") {
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ ok: true }));
      return;
    }
    // Only the socket's address (or, when configured, our own proxies' X-Forwarded-For) is
    // trusted; a header of the same name from the client is replaced.
    req.headers[clientIpHeader] = clientAddress(
      req.socket.remoteAddress,
      req.headers["x-forwarded-for"],
      env.TRUST_PROXY_HOPS ?? 0,
    );
    // Next answers 500 to a path that isn't valid percent-encoding ("/p/%"): it is the client's.
    if (!decodablePath(req.url)) {
      res.statusCode = 400;
      res.setHeader("content-type", "text/plain; charset=utf-8");
      res.end("That address isn't valid.");
      return;
    }
    gateServerActions(req, res, () => handle(req, res), options.pages ? options.pages.dev : false, env.PUBLIC_URL);
  });
  const realtime = createRealtime(http, {
    db,
    handlers,
    secret: env.SESSION_SECRET,
    processId: randomUUID(),
    publicUrl: env.PUBLIC_URL,
    rateLimit: options.rateLimit,
    noteLimit: options.noteLimit,
    redis,
    log,
  });
  setSharedRealtime(realtime);
  const retention =
    options.retentionSweep === false
      ? null
      : startRetentionSchedule({ db, storage: fileStorage, log }, options.retentionSweep ?? {});
  // First of all listeners, including engine.io's (which answers /socket.io/ before ours runs).
  const headerOptions = { dev: options.pages ? options.pages.dev : false, publicUrl: env.PUBLIC_URL };
  http.prependListener("request", (req, res) => applySecurityHeaders(req, res, headerOptions));

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
        { everyMs: options.emailSweepMs, log },
      )
    : null;

  let closing: Promise<void> | null = null;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    db,
    realtime,
    retention,
    emailJobs,
    /** Graceful: stop accepting, finish commands in flight, close sockets, pages and the database. */
    close() {
      closing ??= (async () => {
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
