/**
 * The server for bench/page-flood.ts, in a process of its own so that the flood's client does
 * not share its event loop: the real server with pages (an existing build, NEXT_DIST_DIR),
 * trusting one proxy hop so X-Forwarded-For stands in for addresses, one published event.
 * `BENCH_RENDERS=off` starts it without turns at rendering. Prints one JSON line when ready.
 */
import { eq } from "drizzle-orm";
import { events } from "@/db/schema";
import { startServer } from "@/lib/server/start-server";
import { seed } from "./lib/seed";

const server = await startServer({
  env: {
    DATABASE_URL: process.env.DATABASE_URL ?? "",
    PORT: 0,
    HOST: "127.0.0.1",
    SESSION_SECRET: "bench-secret-0123456789abcdef0123456789",
    TRUST_PROXY_HOPS: 1,
    NODE_ENV: "production",
  },
  pages: { dev: false },
  renders: process.env.BENCH_RENDERS === "off" ? false : undefined,
  retentionSweep: false,
  log: (message, error) => console.error(message, error ?? ""),
});
const { eventId } = await seed(server.db, 0, 6);
const [event] = await server.db.read.select().from(events).where(eq(events.id, eventId));
console.log(JSON.stringify({ port: server.port, slug: event?.slug, joinCode: event?.joinCode }));
process.on("SIGTERM", () => server.close().then(() => process.exit(0)));
