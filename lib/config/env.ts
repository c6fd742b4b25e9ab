import { randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { z } from "zod";
import { operationsSchema, ssoSchema, wholeNumber } from "./operations-env";

/** A setting that stops the server from starting; its message names the variable and says what it must be. */
export class ConfigError extends Error {}

const envSchema = z.object({
  // Where the data lives. `file:` is the embedded default; libsql://, http(s):// and ws(s)://
  // point at a libSQL server when one machine is not enough.
  DATABASE_URL: z
    .string()
    .regex(/^(file:|libsql:\/\/|https?:\/\/|wss?:\/\/)/, "must start with file:, libsql://, http(s):// or ws(s)://")
    .default("file:./data/madein.db"),
  // Auth token for a remote libSQL server; unused for a file.
  DATABASE_AUTH_TOKEN: z.string().optional(),
  PORT: wholeNumber(0, 65535).default(3000),
  // Interface to listen on. 0.0.0.0 so phones on the venue Wi-Fi can reach a laptop.
  HOST: z.string().default("0.0.0.0"),
  // Signs participant cookies. Generated and stored next to the data on first run if absent,
  // so restarts keep everyone signed in.
  SESSION_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  // Optional: several app processes share broadcasts and rate limits through this Redis
  // (docs/deploy.md). Unset: one process, everything in memory.
  REDIS_URL: z.preprocess(
    (v) => (v === "" ? undefined : v), // `REDIS_URL=` in a .env file means "not set"
    z
      .string()
      .regex(/^rediss?:\/\/./, "must start with redis:// or rediss://")
      .optional(),
  ),
  // The address people type or scan. Used in printed URLs and QR codes; defaults to this machine.
  // http(s) only: "localhost:3000" parses as a URL whose scheme is "localhost:", and every link would break.
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must start with http:// or https://, e.g. "https://madein.council.example"' })
    .optional(),
  // Where uploaded project-pack files are kept on this machine's disk (created if missing).
  // Back it up with the database; see lib/files/storage.ts to put files elsewhere.
  UPLOAD_DIR: z.string().trim().min(1, "must name a folder").default("./data/uploads"),
  // How many reverse proxies in front of the app append to X-Forwarded-For. 0 (the default):
  // the header is ignored and the TCP peer is the client, so nobody can pick their own address.
  TRUST_PROXY_HOPS: wholeNumber(0, 10).default(0),
  // Optional: email goes out through this SMTP relay (smtp://user:pass@host:587 or smtps://…).
  // Unset: nothing is emailed and staff pass the links on by hand, as they see them on screen.
  SMTP_URL: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z
      .string()
      .regex(/^smtps?:\/\/./, "must start with smtp:// or smtps://")
      .optional(),
  ),
  // The sender of every email, e.g. "Made In <madein@council.example>". Required with SMTP_URL.
  MAIL_FROM: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(3).max(200).optional()),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  ...operationsSchema.shape,
  ...ssoSchema.shape,
});

export type Env = z.infer<typeof envSchema> & { SESSION_SECRET: string };

function secretFileFor(databaseUrl: string): string {
  if (databaseUrl.startsWith("file:")) {
    const path = databaseUrl.slice("file:".length).split("?")[0] ?? "";
    return resolve(dirname(path), ".session-secret");
  }
  return resolve("data/.session-secret");
}

function loadOrCreateSecret(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dirname(file), { recursive: true });
  // Several processes may start together on a fresh folder: each writes its own candidate and
  // links it into place; link() fails if the file exists, so exactly one secret wins and no
  // process ever reads a half-written file.
  const candidate = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(candidate, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
  try {
    linkSync(candidate, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(candidate);
  }
  return readFileSync(file, "utf8").trim();
}

/** https, or http to this machine only. */
function issuerIsSafe(issuer: string) {
  const url = new URL(issuer);
  return url.protocol === "https:" || (url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname));
}

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid environment:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  if (env.OIDC_ISSUER && !env.OIDC_CLIENT_ID) {
    throw new ConfigError("Invalid environment:\n  OIDC_CLIENT_ID: must be set with OIDC_ISSUER");
  }
  if (env.PASSWORD_SIGN_IN === "off" && !env.OIDC_ISSUER) {
    throw new ConfigError("Invalid environment:\n  PASSWORD_SIGN_IN: off needs OIDC_ISSUER, or nobody could sign in");
  }
  if (env.PASSWORD_SIGN_IN === "off" && !(env.OIDC_ALLOWED_DOMAINS ?? "").replace(/[\s,@]/g, "")) {
    throw new ConfigError(
      'Invalid environment:\n  OIDC_ALLOWED_DOMAINS: must name at least one domain when PASSWORD_SIGN_IN is off, e.g. "council.example", or nobody could sign in',
    );
  }
  if (env.OIDC_ISSUER && !issuerIsSafe(env.OIDC_ISSUER)) {
    // Sign-in tokens fetched over plain HTTP could be read or changed on the way.
    throw new ConfigError(
      "Invalid environment:\n  OIDC_ISSUER: must be an https:// address (http:// only on this machine, for tests)",
    );
  }
  if (!env.SESSION_SECRET && !env.DATABASE_URL.startsWith("file:")) {
    // A secret generated on one machine would sign cookies the other machines reject.
    throw new ConfigError(
      "Invalid environment:\n  SESSION_SECRET: must be set when DATABASE_URL is a libSQL server, the same on every machine",
    );
  }
  if (env.SMTP_URL && !env.MAIL_FROM) {
    throw new ConfigError(
      'Invalid environment:\n  MAIL_FROM: must be set when SMTP_URL is, e.g. "Made In <madein@council.example>"',
    );
  }
  if (env.SMTP_URL && !env.PUBLIC_URL) {
    // A link in an email built from the request's Host would point wherever the requester says.
    throw new ConfigError(
      'Invalid environment:\n  PUBLIC_URL: must be set when SMTP_URL is: links in emails use it, e.g. "https://madein.council.example"',
    );
  }
  return { ...env, SESSION_SECRET: env.SESSION_SECRET ?? loadOrCreateSecret(secretFileFor(env.DATABASE_URL)) };
}
