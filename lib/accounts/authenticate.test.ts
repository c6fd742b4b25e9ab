import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Database, migrateDatabase, openDatabase } from "@/db/client";
import { accounts } from "@/db/schema";
import { authenticate, signInSchema } from "./authenticate";
import { createAccount, prepareAccount } from "./create-account";

// The real scrypt, watched: which hashes each sign-in verifies against.
const verified = vi.hoisted(() => [] as string[]);
vi.mock("@/lib/auth/password", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/auth/password")>();
  return {
    ...real,
    verifyPassword: (password: string, hash: string) => {
      verified.push(hash);
      return real.verifyPassword(password, hash);
    },
  };
});

const file = join(tmpdir(), `madein-authenticate-${randomUUID()}.db`);
let db: Database;
const password = "correct horse battery staple";
const email = "organiser@example.org";

beforeAll(async () => {
  await migrateDatabase(`file:${file}`);
  db = await openDatabase(`file:${file}`);
  const prepared = await prepareAccount({ name: "Organiser", email, password });
  await db.transact((tx) => createAccount(tx, prepared));
  // Migrations and a real scrypt hash: slow on a busy machine.
}, 60_000);
afterAll(() => {
  db.close();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
});

describe("authenticate", () => {
  it("returns the account for the right email and password", async () => {
    const account = await authenticate(db.read, { email, password });
    expect(account).toMatchObject({ email, name: "Organiser" });
    expect(account).not.toHaveProperty("passwordHash");
  });

  it("matches the email whatever its case, through the schema", async () => {
    const input = signInSchema.parse({ email: " ORGANISER@example.org ", password });
    expect(await authenticate(db.read, input)).not.toBeNull();
  });

  it("returns null for a wrong password", async () => {
    expect(await authenticate(db.read, { email, password: "correct horse battery stapler" })).toBeNull();
  });

  it("returns null for an unknown email, after doing the same slow work", async () => {
    verified.length = 0;
    expect(await authenticate(db.read, { email, password: "wrong password here" })).toBeNull();
    expect(await authenticate(db.read, { email: "nobody@example.org", password })).toBeNull();
    // Both verified one scrypt hash with the same cost parameters: the answer takes as long.
    const params = verified.map((hash) => hash.split("$").slice(0, 4).join("$"));
    expect(params).toHaveLength(2);
    expect(params[1]).toBe(params[0]);
    expect(params[0]).toMatch(/^scrypt\$\d+\$\d+\$\d+$/);
    // Three scrypt runs at 128 MiB each: give a busy machine time.
  }, 120_000);

  it("returns null for an account made by single sign-on, after the same slow work", async () => {
    await db.transact((tx) =>
      tx.insert(accounts).values({ id: randomUUID(), email: "sso@example.org", name: "SSO", passwordHash: "sso:no-password" }),
    );
    verified.length = 0;
    expect(await authenticate(db.read, { email: "sso@example.org", password })).toBeNull();
    expect(verified).toHaveLength(1);
    expect(verified[0]).toMatch(/^scrypt\$\d+\$\d+\$\d+\$/);
  }, 120_000);
});
