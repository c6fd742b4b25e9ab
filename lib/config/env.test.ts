import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { tempDatabaseUrl } from "@/test/integration/support/fixtures";
import { parseEnv as parseEnvOf } from "./env";

/** An environment holding only these variables. */
const parseEnv = (vars: Record<string, string>) => parseEnvOf(vars as NodeJS.ProcessEnv);

const secret = "s".repeat(32);
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});
const temp = () => {
  const t = tempDatabaseUrl("madein-env-");
  cleanups.push(t.remove);
  return t;
};

describe("parseEnv", () => {
  it("fills in defaults for a bare environment", () => {
    expect(parseEnv({ SESSION_SECRET: secret })).toEqual({
      DATABASE_URL: "file:./data/madein.db",
      PORT: 3000,
      HOST: "0.0.0.0",
      UPLOAD_DIR: "./data/uploads",
      TRUST_PROXY_HOPS: 0,
      NODE_ENV: "development",
      SESSION_SECRET: secret,
    });
  });

  it("refuses an empty UPLOAD_DIR", () => {
    expect(() => parseEnv({ SESSION_SECRET: secret, UPLOAD_DIR: " " })).toThrow(/UPLOAD_DIR: must name a folder/);
  });

  it("reads the values it is given, coercing PORT", () => {
    const env = parseEnv({
      SESSION_SECRET: secret,
      DATABASE_URL: "libsql://madein.example.turso.io",
      DATABASE_AUTH_TOKEN: "token",
      PORT: "8080",
      HOST: "127.0.0.1",
      PUBLIC_URL: "https://madein.example",
      NODE_ENV: "production",
    });
    expect(env).toMatchObject({
      DATABASE_URL: "libsql://madein.example.turso.io",
      PORT: 8080,
      PUBLIC_URL: "https://madein.example",
    });
  });

  it("says what a number setting must be, rather than that it is not a number", () => {
    expect(() => parseEnv({ SESSION_SECRET: secret, PORT: "eighty" })).toThrow(
      "Invalid environment:\n  PORT: must be a whole number from 0 to 65535",
    );
    expect(() => parseEnv({ SESSION_SECRET: secret, TRUST_PROXY_HOPS: "1.5" })).toThrow(
      "TRUST_PROXY_HOPS: must be a whole number from 0 to 10",
    );
    expect(() => parseEnv({ SESSION_SECRET: secret, METRICS_PORT: "metrics" })).toThrow(
      "METRICS_PORT: must be a whole number from 0 to 65535",
    );
    expect(() => parseEnv({ SESSION_SECRET: secret, DRAIN_SECONDS: "soon" })).toThrow(
      "DRAIN_SECONDS: must be a number of seconds from 0 to 300",
    );
  });

  it("refuses a PUBLIC_URL without http:// or https://, which would put broken links in emails and QR codes", () => {
    for (const PUBLIC_URL of ["localhost:3000", "madein.council.example", "ftp://madein.council.example"]) {
      expect(() => parseEnv({ SESSION_SECRET: secret, PUBLIC_URL })).toThrow(
        'PUBLIC_URL: must start with http:// or https://, e.g. "https://madein.council.example"',
      );
    }
    expect(parseEnv({ SESSION_SECRET: secret, PUBLIC_URL: "http://192.168.1.20:3000" }).PUBLIC_URL).toBe(
      "http://192.168.1.20:3000",
    );
  });

  it("explains an invalid DATABASE_URL by name", () => {
    expect(() => parseEnv({ SESSION_SECRET: secret, DATABASE_URL: "postgres://db/madein" })).toThrow(
      "Invalid environment:\n  DATABASE_URL: must start with file:, libsql://, http(s):// or ws(s)://",
    );
  });

  it("accepts every kind of libSQL address, and Redis addresses only", () => {
    for (const url of [
      "file:./x.db",
      "libsql://db.example",
      "http://127.0.0.1:8080",
      "https://db.example",
      "ws://127.0.0.1:8080",
      "wss://db.example",
    ]) {
      expect(parseEnv({ SESSION_SECRET: secret, DATABASE_URL: url }).DATABASE_URL).toBe(url);
    }
    expect(parseEnv({ SESSION_SECRET: secret, REDIS_URL: "redis://127.0.0.1:6379" }).REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(parseEnv({ SESSION_SECRET: secret, REDIS_URL: "" }).REDIS_URL).toBeUndefined();
    expect(() => parseEnv({ SESSION_SECRET: secret, REDIS_URL: "http://127.0.0.1:6379" })).toThrow(
      "REDIS_URL: must start with redis:// or rediss://",
    );
  });

  it("wants SESSION_SECRET set when the database is a server shared by several machines", () => {
    expect(() => parseEnv({ DATABASE_URL: "libsql://db.example" })).toThrow(/SESSION_SECRET: must be set/);
  });

  it("wants PUBLIC_URL with SMTP_URL: a link in an email never comes from a request's Host", () => {
    const secret = "x".repeat(40);
    const mail = { SESSION_SECRET: secret, SMTP_URL: "smtp://relay.example:587", MAIL_FROM: "Made In <m@council.example>" };
    expect(() => parseEnv(mail)).toThrow(/PUBLIC_URL: must be set when SMTP_URL is/);
    expect(parseEnv({ ...mail, PUBLIC_URL: "https://madein.council.example" }).PUBLIC_URL).toBe("https://madein.council.example");
  });

  it("lists every invalid variable at once", () => {
    let message = "";
    try {
      parseEnv({ SESSION_SECRET: "short", PORT: "99999", PUBLIC_URL: "not a url" });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain("SESSION_SECRET: must be at least 32 characters");
    expect(message).toMatch(/PORT: /);
    expect(message).toMatch(/PUBLIC_URL: /);
  });

  it("generates a session secret beside a file database once, then reuses it", () => {
    const { dir, url } = temp();
    const first = parseEnv({ DATABASE_URL: url });
    const file = join(dir, ".session-secret");
    expect(existsSync(file)).toBe(true);
    expect(first.SESSION_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(file, "utf8").trim()).toBe(first.SESSION_SECRET);
    expect(statSync(file).mode & 0o077).toBe(0);

    expect(parseEnv({ DATABASE_URL: url }).SESSION_SECRET).toBe(first.SESSION_SECRET);
    expect(parseEnv({ DATABASE_URL: temp().url }).SESSION_SECRET).not.toBe(first.SESSION_SECRET);
  });

  it("prefers SESSION_SECRET from the environment and then writes no file", () => {
    const { dir, url } = temp();
    expect(parseEnv({ DATABASE_URL: url, SESSION_SECRET: secret }).SESSION_SECRET).toBe(secret);
    expect(existsSync(join(dir, ".session-secret"))).toBe(false);
  });

  it("creates the data directory for the secret when it is missing", () => {
    const { dir } = temp();
    const url = `file:${join(dir, "not", "yet", "madein.db")}?mode=rwc`;
    const env = parseEnv({ DATABASE_URL: url });
    expect(readFileSync(join(dir, "not", "yet", ".session-secret"), "utf8").trim()).toBe(env.SESSION_SECRET);
  });
});
