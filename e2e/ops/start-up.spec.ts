/**
 * Starting the production server (server.ts) wrongly, as an IT team will: a setting it cannot
 * use, or a port something else holds. Either way the process says what to change in one line
 * and exits 1, so a supervisor (systemd, Docker, Kubernetes) sees a failed start, not a clean
 * exit, and nobody has to read a stack trace to find the setting.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { expect, test } from "@playwright/test";
import { e2eDatabaseUrl, e2ePort } from "../support/config";

/** Runs server.ts to its end with these settings; its exit code and everything it wrote. */
function startServerTs(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...process.env, HOST: "127.0.0.1", DATABASE_URL: e2eDatabaseUrl, NODE_ENV: "production", LOG_FORMAT: "json", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise<{ code: number | null; output: string }>((resolve) =>
    child.once("exit", (code) => resolve({ code, output })),
  );
}

const stackFrame = /^\s+at /m;

test("a setting it cannot use stops it with the setting's name and what it must be, and exit code 1", async () => {
  test.setTimeout(60_000);
  const { code, output } = await startServerTs({ PORT: "eighty" });
  expect(code).toBe(1);
  expect(output).toContain("Made In could not start. Invalid environment:\n  PORT: must be a whole number from 0 to 65535");
  expect(output).not.toMatch(stackFrame);

  const publicUrl = await startServerTs({ PORT: String(e2ePort + 86), PUBLIC_URL: "madein.council.example:3000" });
  expect(publicUrl.code).toBe(1);
  expect(publicUrl.output).toContain("PUBLIC_URL: must start with http:// or https://");
  expect(publicUrl.output).not.toMatch(stackFrame);
});

test("a port something else holds stops it with the port, what to do, and exit code 1", async () => {
  test.setTimeout(180_000);
  const port = e2ePort + 86;
  const holder = createServer();
  await new Promise<void>((resolve) => holder.listen(port, "127.0.0.1", resolve));
  try {
    const { code, output } = await startServerTs({ PORT: String(port) });
    expect(code).toBe(1);
    expect(output).toContain(`Made In could not start. Port ${port} on 127.0.0.1 is already in use`);
    expect(output).not.toMatch(stackFrame);
  } finally {
    await new Promise<void>((resolve) => holder.close(() => resolve()));
  }
});
