/**
 * The real app server in its own OS process (pages off), so a test can run several on one
 * database and Redis and kill one with SIGKILL. Started by `startAppProcess`; the child half is
 * app-child.ts.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { testSecret } from "./server";

export type AppProcess = {
  port: number;
  url: string;
  child: ChildProcess;
  /** Everything the process wrote to stderr (its log). */
  output: () => string;
  kill(signal?: NodeJS.Signals): Promise<void>;
};

export function startAppProcess(env: {
  DATABASE_URL: string;
  REDIS_URL?: string;
  name: string;
  secret?: string;
  /** Commands per connection, "points/seconds" (the benchmark raises it). */
  rateLimit?: string;
  /** Anything else the process's environment needs (SMTP_URL, METRICS_TOKEN, APP_EMAIL_SWEEP_MS…). */
  extra?: Record<string, string>;
}): Promise<AppProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "test/integration/support/app-child.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: env.DATABASE_URL,
      REDIS_URL: env.REDIS_URL ?? "",
      SESSION_SECRET: env.secret ?? testSecret,
      APP_RATE_LIMIT: env.rateLimit ?? "",
      PORT: "0",
      HOST: "127.0.0.1",
      NODE_ENV: "test",
      APP_NAME: env.name,
      ...env.extra,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${env.name} did not start:\n${stderr}`)), 60_000);
    let stdout = "";
    child.stdout?.on("data", (c: Buffer) => {
      stdout += c.toString();
      const match = /listening (\d+)/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      const port = Number(match[1]);
      resolve({
        port,
        url: `http://127.0.0.1:${port}`,
        child,
        output: () => stderr,
        kill: (signal = "SIGTERM") =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once("exit", () => done());
            child.kill(signal);
          }),
      });
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`${env.name} exited (${code}) before listening:\n${stderr}`));
    });
  });
}
