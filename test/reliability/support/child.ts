/** Starts, kills and restarts the server in a child process (see child-server.ts). */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { testSecret } from "../../integration/support/server";

const entry = fileURLToPath(new URL("./child-server.ts", import.meta.url));

export type Child = {
  process: ChildProcess;
  port: number;
  url: string;
  /** Resolves with the exit code (null) and signal once the process has gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr: () => string;
  /** Date.now() in the child just before a graceful exit. */
  exitingAt: () => number | null;
};

export async function startChild(databaseUrl: string, port = 0, rateLimitPoints = 60): Promise<Child> {
  // Node itself with tsx as a loader, not the tsx CLI: the CLI runs the server in a grandchild,
  // which a SIGKILL of the CLI would leave running.
  const child = spawn(process.execPath, ["--import", "tsx", entry], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      SESSION_SECRET: testSecret,
      RATE_POINTS: String(rateLimitPoints),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let err = "";
  child.stderr?.on("data", (d) => {
    err += String(d);
    if (process.env.RELIABILITY_DEBUG) process.stderr.write(d);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  let out = "";
  const ready = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`child did not start in 30 s: ${err}`)), 30_000);
    child.stdout?.on("data", (d) => {
      out += String(d);
      const m = /READY (\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`child exited (${code}) before it was ready: ${err}`));
    });
  });
  return {
    process: child,
    port: ready,
    url: `http://127.0.0.1:${ready}`,
    exited,
    stderr: () => err,
    exitingAt: () => {
      const m = /EXITING (\d+)/.exec(out);
      return m ? Number(m[1]) : null;
    },
  };
}

/** Kills a child (if still running) and waits for it to go. */
export async function stopChild(child: Child | null, signal: NodeJS.Signals = "SIGKILL") {
  if (!child || child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill(signal);
  await child.exited;
}
