import { type ChildProcess, spawn } from "node:child_process";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { testSecret } from "./server";

export type OpsProcess = {
  url: string;
  child: ChildProcess;
  /** Every JSON line the process has logged so far. */
  lines: () => Record<string, unknown>[];
  exited: Promise<number | null>;
  stop(): Promise<void>;
};

/** Starts test/integration/support/ops-child.ts with this environment (and cwd, uid if given). */
export function startOpsProcess(
  env: Record<string, string>,
  options: { cwd?: string; uid?: number; gid?: number } = {},
): Promise<OpsProcess> {
  const root = resolve(import.meta.dirname, "../../..");
  const loader = pathToFileURL(resolve(root, "node_modules/tsx/dist/loader.mjs")).href;
  const child = spawn(process.execPath, ["--import", loader, resolve(root, "test/integration/support/ops-child.ts")], {
    cwd: options.cwd ?? root,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: options.cwd ?? process.env.HOME ?? "/tmp",
      TSX_TSCONFIG_PATH: resolve(root, "tsconfig.json"),
      SESSION_SECRET: testSecret,
      HOST: "127.0.0.1",
      PORT: "0",
      NODE_ENV: "production",
      ...env,
    },
    uid: options.uid,
    gid: options.gid,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const parsed: Record<string, unknown>[] = [];
  let partial = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    partial += chunk.toString();
    const complete = partial.split("\n");
    partial = complete.pop() ?? "";
    for (const line of complete) if (line.trim()) parsed.push(JSON.parse(line));
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  return new Promise((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`ops child did not start:\n${stderr}`)), 60_000);
    const poll = setInterval(() => {
      const listening = parsed.find((l) => l.msg === "listening");
      if (!listening) return;
      clearInterval(poll);
      clearTimeout(timer);
      ready({
        url: `http://127.0.0.1:${listening.port}`,
        child,
        lines: () => parsed,
        exited,
        async stop() {
          if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
          await exited;
        },
      });
    }, 50);
    void exited.then((code) => {
      clearInterval(poll);
      clearTimeout(timer);
      fail(new Error(`ops child exited (${code}) before listening:\n${stderr}`));
    });
  });
}

/** Polls `check` until it returns true (no fixed sleeps: the machine may be busy). */
export async function eventually(check: () => Promise<boolean>, what: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
