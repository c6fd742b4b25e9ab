import { type ChildProcess, spawn } from "node:child_process";
import { e2eDatabaseUrl, e2ePort } from "./config";

export type AppServer = {
  base: string;
  /** Every line the server wrote to stdout, parsed (its JSON log). */
  lines: () => Record<string, unknown>[];
  /** Anything on stdout that was not JSON (there should be none). */
  stray: () => string[];
  stop(): Promise<void>;
};

/**
 * `server.ts` itself (the production entry point: .env files, JSON logs, config summary) on a
 * port derived from E2E_PORT, on the shared test database, with extra settings for one spec.
 */
export async function startAppServer(offset: number, env: Record<string, string> = {}): Promise<AppServer> {
  const port = e2ePort + offset;
  const base = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: e2eDatabaseUrl,
      UPLOAD_DIR: `e2e/.artifacts/uploads-${e2ePort}`,
      NODE_ENV: "production",
      LOG_FORMAT: "json",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const parsed: Record<string, unknown>[] = [];
  const stray: string[] = [];
  let partial = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    partial += chunk.toString();
    const complete = partial.split("\n");
    partial = complete.pop() ?? "";
    for (const line of complete) {
      if (!line.trim()) continue;
      try {
        parsed.push(JSON.parse(line));
      } catch {
        stray.push(line);
      }
    }
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited:\n${stderr}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server on ${port} did not start:\n${stderr}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    base,
    lines: () => parsed,
    stray: () => stray,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
