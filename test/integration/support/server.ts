/**
 * The real server (HTTP + socket.io, no pages) on a random port, over a temp libSQL file.
 */
import { createLogger } from "@/lib/observability/logger";
import { type RunningServer, type StartOptions, startServer } from "@/lib/server/start-server";
import { tempDatabaseUrl } from "./fixtures";

/** The room's write budgets (cheers too) of a test that sends in bulk: never what holds it back. */
export const bulkRoomWrites = { writes: 100_000_000, votes: 100_000_000, cheers: 100_000_000, seconds: 1 };

export const testSecret = "integration-test-secret-0123456789abcdef";

export type LogLine = { message: string; error?: unknown };

export type TestServer = {
  server: RunningServer;
  url: string;
  databaseUrl: string;
  /** What the server logged; a test can assert that nothing failed. */
  logs: LogLine[];
  /** Closes the server (if still open) and deletes its directory. */
  dispose(): Promise<void>;
};

export async function startTestServer(
  options: {
    databaseUrl?: string;
    rateLimit?: StartOptions["rateLimit"];
    noteLimit?: StartOptions["noteLimit"];
    eventNoteLimit?: StartOptions["eventNoteLimit"];
    readBudget?: StartOptions["readBudget"];
    snapshotBudget?: StartOptions["snapshotBudget"];
    roomSnapshotBudget?: StartOptions["roomSnapshotBudget"];
    roomReadBudget?: StartOptions["roomReadBudget"];
    roomWrites?: StartOptions["roomWrites"];
    /** The retention sweep's schedule (default: the server's own, first check minutes after start). */
    retentionSweep?: StartOptions["retentionSweep"];
    keepFiles?: boolean;
  } = {},
): Promise<TestServer> {
  const temp = options.databaseUrl ? null : tempDatabaseUrl("madein-it-");
  const databaseUrl = options.databaseUrl ?? temp!.url;
  const logs: LogLine[] = [];
  const server = await startServer({
    env: { DATABASE_URL: databaseUrl, PORT: 0, HOST: "127.0.0.1", SESSION_SECRET: testSecret },
    pages: false,
    rateLimit: options.rateLimit,
    // A test that raises the command limit means to send in bulk: the note cap follows it.
    noteLimit: options.noteLimit ?? options.rateLimit,
    // So does the room's: a test of many phones writing at once is not a flood.
    eventNoteLimit: options.eventNoteLimit ?? (options.rateLimit ? { points: 1_000_000, seconds: 60 } : undefined),
    readBudget: options.readBudget,
    snapshotBudget: options.snapshotBudget,
    roomSnapshotBudget: options.roomSnapshotBudget,
    roomReadBudget: options.roomReadBudget,
    // And the room's budgets for writes and votes.
    roomWrites: options.roomWrites ?? (options.rateLimit ? bulkRoomWrites : undefined),
    retentionSweep: options.retentionSweep,
    // Warnings and worse only: a debug line per command would bury a failing test's output.
    logger: createLogger({ nodeEnv: "test", level: process.env.LOG_LEVEL }),
    log: (message, error) => {
      logs.push({ message, error });
    },
  });
  return {
    server,
    url: server.url,
    databaseUrl,
    logs,
    async dispose() {
      await server.close();
      if (!options.keepFiles) temp?.remove();
    },
  };
}
