import { rmSync } from "node:fs";
import { parseEnv } from "@/lib/config/env";
import { startServer } from "@/lib/server/start-server";
import { e2eDatabaseUrl } from "./config";

// A fresh database each run: tests never depend on what an earlier run left behind. A second
// server on the same database (a test of restarts) says so and keeps it.
const databaseUrl = process.env.E2E_SHARED_DATABASE_URL ?? e2eDatabaseUrl;
if (!process.env.E2E_SHARED_DATABASE_URL) {
  const file = e2eDatabaseUrl.slice("file:".length);
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
}

const env = parseEnv({ ...process.env, DATABASE_URL: databaseUrl });
const server = await startServer({ env, pages: { dev: false } });
console.log(`e2e server on ${server.url}`);
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => server.close().then(() => process.exit(0)));
