import { parseEnv } from "@/lib/config/env";
import { startServer } from "@/lib/server/start-server";

const dev = process.argv.includes("--dev");
const demo = process.argv.includes("--demo");
process.env.NEXT_TELEMETRY_DISABLED ??= "1";

const env = parseEnv();
const server = await startServer({ env, pages: { dev } });
const base = env.PUBLIC_URL ?? `http://localhost:${server.port}`;
console.log(`Made In is running at ${base} (${dev ? "development" : "production"}, database ${env.DATABASE_URL})`);

if (demo) {
  const { seedDemo, demoLinks } = await import("@/db/seed");
  await seedDemo(server.db);
  for (const line of await demoLinks(server.db, base)) console.log(line);
}

let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing in-flight work and shutting down`);
    const force = setTimeout(() => process.exit(1), 5000);
    server.close().then(
      () => {
        clearTimeout(force);
        process.exit(0);
      },
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
}
