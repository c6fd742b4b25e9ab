import { type ChildProcess, spawn } from "node:child_process";
import { e2eDatabaseUrl, e2ePort } from "./config";

/**
 * A second server of a test's own, on the shared test database (or another), so that killing and
 * restarting it disturbs no other test. Its port is derived from E2E_PORT, so helpers running their own
 * suites side by side don't collide.
 */
export function ownServer(
  offset: number,
  databaseUrl = e2eDatabaseUrl,
  extraEnv: Record<string, string> = {},
  options: { keepOutput?: boolean } = {},
) {
  const port = e2ePort + offset;
  const base = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let output = "";

  async function start() {
    // One process (node with tsx's loader), so killing it kills the server and nothing is orphaned.
    child = spawn(process.execPath, ["--import", "tsx", "e2e/support/e2e-server.ts"], {
      env: { ...process.env, PORT: String(port), E2E_SHARED_DATABASE_URL: databaseUrl, NODE_ENV: "production", ...extraEnv },
      stdio: options.keepOutput ? ["ignore", "pipe", "pipe"] : "ignore",
    });
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    const deadline = Date.now() + 90_000;
    for (;;) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`own server on ${port} did not start`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }

  /** A crash, not a polite shutdown. */
  function kill() {
    const running = child;
    return new Promise<void>((resolve) => {
      if (!running || running.exitCode !== null || running.signalCode !== null) return resolve();
      running.once("exit", () => resolve());
      running.kill("SIGKILL");
    });
  }

  /** What the server wrote (its log and Next's own lines), with `keepOutput`. */
  return { base, start, kill, output: () => output };
}
