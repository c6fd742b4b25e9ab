import { createRequire } from "node:module";
import pino, { type DestinationStream, type Logger } from "pino";

export type { Logger };

export type LoggerOptions = {
  level?: string;
  format?: "json" | "pretty";
  nodeEnv?: string;
  /** Where lines go; stdout by default (journald, docker and systemd collect it). */
  destination?: DestinationStream;
};

function prettyAvailable() {
  try {
    createRequire(import.meta.url).resolve("pino-pretty");
    return true;
  } catch {
    return false;
  }
}

type SerializedError = ReturnType<typeof pino.stdSerializers.err> & { params?: unknown; query?: unknown };

/** Where drizzle's message turns from the statement to the values it was given. */
const paramsMarker = "\nparams: ";

/**
 * Errors with their stack, minus the values a failed query was given: drizzle puts them in its
 * error's message ("params: <note text>…") and in `params`, and they are what people typed.
 * Every error in the chain is scrubbed, not only the outer one: a failed write usually reaches
 * the log as the cause of another error (a broken batch, a refused import), which pino serialises
 * in full under `cause`.
 */
function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const out = pino.stdSerializers.errWithCause(error) as SerializedError;
  const serialised = Object.getPrototypeOf(out);
  const scrub = (e: SerializedError) => {
    const original: unknown = e.raw;
    const hasParams = typeof original === "object" && original !== null && "params" in original;
    const cut = typeof e.message === "string" ? e.message.indexOf(paramsMarker) : -1;
    if (hasParams || cut >= 0) {
      const query = hasParams && "query" in original && typeof original.query === "string" ? original.query : null;
      // Without the statement (an error that copied drizzle's message), keep what came before the
      // values; with neither, nothing of the message can be told apart from what people typed.
      const message = query !== null ? `Failed query: ${query}` : cut >= 0 ? e.message.slice(0, cut) : "Failed query";
      const frames = (e.stack ?? "").split("\n").filter((line) => line.trimStart().startsWith("at "));
      e.message = message;
      e.stack = [`${e.type}: ${message}`, ...frames].join("\n");
      delete e.params;
    }
    // A cause, an AggregateError's errors, or any error held in a property is logged in full too.
    for (const value of Object.values(e)) {
      for (const inner of Array.isArray(value) ? value : [value]) {
        if (typeof inner === "object" && inner !== null && Object.getPrototypeOf(inner) === serialised) scrub(inner);
      }
    }
  };
  scrub(out);
  return out;
}

/**
 * JSON lines: `level` as a word, `time` in ISO 8601, `msg`, and the ids of what happened
 * (`reqId`, `commandId`, `eventId`). Callers log ids, names of routes and commands, durations
 * and outcomes, never what people typed or who they are.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const production = options.nodeEnv === "production";
  // Tests keep their output for failures; a test that wants the lines asks for a level.
  const level = options.level ?? (production ? "info" : options.nodeEnv === "test" ? "warn" : "debug");
  const config = {
    level,
    base: { service: "made-in" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    serializers: { err: serializeError },
  };
  const format = options.format ?? (!production && prettyAvailable() ? "pretty" : "json");
  if (options.destination) return pino(config, options.destination);
  if (format === "pretty") return pino({ ...config, transport: { target: "pino-pretty", options: { colorize: true } } });
  return pino(config);
}

const key = Symbol.for("madein.logger");
type WithLogger = typeof globalThis & { [key]?: Logger };

/** server.ts's logger, for code Next bundles (a second module graph). */
export function setSharedLogger(logger: Logger) {
  (globalThis as WithLogger)[key] = logger;
}

export function sharedLogger(): Logger {
  const g = globalThis as WithLogger;
  g[key] ??= createLogger({ nodeEnv: process.env.NODE_ENV, level: process.env.LOG_LEVEL });
  return g[key];
}

/**
 * In production, what the libraries in the process (Next.js above all) write with console.error
 * and console.warn goes through the logger instead: a JSON line with the request's error
 * scrubbed like ours (Next prints an uncaught page or action error whole, and a failed query's
 * message holds the values people typed), not plain text beside the JSON.
 */
export function routeConsoleToLogger(logger: Logger, target: Pick<Console, "error" | "warn"> = console) {
  for (const level of ["error", "warn"] as const) {
    target[level] = (...args: unknown[]) => {
      const err = args.find((a) => a instanceof Error);
      const text = args
        .filter((a) => typeof a === "string")
        .join(" ")
        .split(paramsMarker)[0];
      logger[level]({ err, source: "console" }, text || (err ? "uncaught error" : "console"));
    };
  }
}
