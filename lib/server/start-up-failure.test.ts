import { describe, expect, it } from "vitest";
import { ConfigError } from "@/lib/config/env";
import { RedisUnreachable } from "@/lib/scale/redis";
import { startUpFailureMessage } from "./start-up-failure";

const listenError = (code: string, port: number, address: string) => Object.assign(new Error(code), { code, port, address });

describe("startUpFailureMessage", () => {
  it("says a wrong setting as the settings check wrote it", () => {
    expect(startUpFailureMessage(new ConfigError("Invalid environment:\n  PORT: must be a whole number from 0 to 65535"))).toBe(
      "Invalid environment:\n  PORT: must be a whole number from 0 to 65535",
    );
  });

  it("says that Redis did not answer as one line, not a stack", () => {
    const line =
      "Redis at redis://10.0.0.5:6379 did not answer within 15 s: check REDIS_URL (its address and password) and that Redis is running.";
    expect(startUpFailureMessage(new RedisUnreachable(line))).toBe(line);
  });

  it("names a port that is taken or not allowed, and what to do", () => {
    expect(startUpFailureMessage(listenError("EADDRINUSE", 3000, "0.0.0.0"))).toBe(
      "Port 3000 on 0.0.0.0 is already in use: stop what is using it, or choose another PORT (or METRICS_PORT).",
    );
    expect(startUpFailureMessage(listenError("EACCES", 80, "0.0.0.0"))).toMatch(/port 80 .*choose a PORT of 1024 or above/);
    expect(startUpFailureMessage(listenError("EADDRNOTAVAIL", 3000, "10.9.9.9"))).toMatch(/no address 10\.9\.9\.9: set HOST/);
  });

  it("leaves a bug's stack to be read: an unknown failure has no sentence", () => {
    expect(startUpFailureMessage(new Error("SQLITE_CORRUPT"))).toBeNull();
    expect(startUpFailureMessage(Object.assign(new Error("no access"), { code: "EACCES", path: "/data" }))).toBeNull();
  });
});
