import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseEnv as parseEnvOf } from "./env";
import { loadEnvFiles } from "./env-files";
import { configSummary } from "./summary";

/** An environment holding only these variables. */
const vars = (v: Record<string, string>) => v as NodeJS.ProcessEnv;
const parseEnv = (v: NodeJS.ProcessEnv | Record<string, string>) => parseEnvOf(v as NodeJS.ProcessEnv);

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function folder(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "madein-dotenv-"));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe(".env files", () => {
  it("reads .env and .env.local; .env.local beats .env and the environment beats both", () => {
    const dir = folder({
      ".env":
        "PORT=4100\nDATABASE_URL=file:./from-dotenv.db\nHOST=10.0.0.1\n# a comment\nMETRICS_TOKEN=abcdefghijklmnopqrstuvwxyz\n",
      ".env.local": 'DATABASE_URL="file:./from-local.db"\n',
    });
    const target = vars({ HOST: "127.0.0.1", SESSION_SECRET: "s".repeat(32) });
    const sources = loadEnvFiles(dir, target);
    expect(target).toMatchObject({ PORT: "4100", DATABASE_URL: "file:./from-local.db", HOST: "127.0.0.1" });
    expect(Object.fromEntries(sources)).toMatchObject({
      PORT: ".env",
      DATABASE_URL: ".env.local",
      HOST: "environment",
      METRICS_TOKEN: ".env",
    });

    const env = parseEnv(target);
    expect(env.PORT).toBe(4100);
    const summary = configSummary(env, sources);
    expect(summary.PORT).toEqual({ value: "4100", source: ".env" });
    expect(summary.DATABASE_URL).toEqual({ value: "file:./from-local.db", source: ".env.local" });
    expect(summary.HOST).toEqual({ value: "127.0.0.1", source: "environment" });
    expect(summary.UPLOAD_DIR).toEqual({ value: "./data/uploads", source: "default" });
    // Secrets: whether they are set and where from, never their value.
    expect(summary.METRICS_TOKEN).toEqual({ value: "(set)", source: ".env" });
    expect(summary.SESSION_SECRET).toEqual({ value: "(set)", source: "environment" });
    expect(JSON.stringify(summary)).not.toContain("abcdefghijklmnop");
    expect(JSON.stringify(summary)).not.toContain("s".repeat(32));
  });

  it("hides credentials inside URLs", () => {
    const env = parseEnv({
      SESSION_SECRET: "s".repeat(32),
      REDIS_URL: "redis://user:hunter2-password@redis.internal:6379",
      DATABASE_URL: "libsql://db.example.org?authToken=secret-token",
    });
    const text = JSON.stringify(configSummary(env, new Map()));
    expect(text).not.toContain("hunter2");
    expect(text).not.toContain("secret-token");
    expect(text).toContain("redis.internal");
  });

  it("hides what may be credentials in a URL it can't read (a password with '#' in it)", () => {
    const env = parseEnv({
      SESSION_SECRET: "s".repeat(32),
      SMTP_URL: "smtp://madein:Pa55#word@relay.example:587",
      MAIL_FROM: "Made In <madein@council.example>",
      PUBLIC_URL: "https://madein.example.org",
    });
    const text = JSON.stringify(configSummary(env, new Map()));
    expect(text).not.toContain("Pa55");
    expect(text).not.toContain("madein:");
    expect(text).toContain("smtp://***@relay.example:587");
  });

  it("is fine without any file", () => {
    const target = vars({});
    expect(loadEnvFiles(folder({}), target).size).toBe(0);
    expect(target).toEqual({});
  });

  it("refuses SSO settings that would lock everyone out", () => {
    const secret = "s".repeat(32);
    expect(() => parseEnv({ SESSION_SECRET: secret, PASSWORD_SIGN_IN: "off" })).toThrow(/PASSWORD_SIGN_IN/);
    expect(() => parseEnv({ SESSION_SECRET: secret, OIDC_ISSUER: "https://id.example.org" })).toThrow(/OIDC_CLIENT_ID/);
    const sso = { SESSION_SECRET: secret, OIDC_ISSUER: "https://id.example.org", OIDC_CLIENT_ID: "made-in" };
    // Passwords off and no domain allowed: nobody at all could sign in.
    expect(() => parseEnv({ ...sso, PASSWORD_SIGN_IN: "off" })).toThrow(/OIDC_ALLOWED_DOMAINS/);
    expect(() => parseEnv({ ...sso, PASSWORD_SIGN_IN: "off", OIDC_ALLOWED_DOMAINS: " , @" })).toThrow(/OIDC_ALLOWED_DOMAINS/);
    expect(parseEnv({ ...sso, PASSWORD_SIGN_IN: "off", OIDC_ALLOWED_DOMAINS: "council.example" }).PASSWORD_SIGN_IN).toBe("off");
    // Tokens over plain HTTP only from this machine (a test provider).
    expect(() => parseEnv({ ...sso, OIDC_ISSUER: "http://id.example.org" })).toThrow(/OIDC_ISSUER/);
    expect(parseEnv({ ...sso, OIDC_ISSUER: "http://127.0.0.1:4455" }).OIDC_ISSUER).toBe("http://127.0.0.1:4455");
  });
});
