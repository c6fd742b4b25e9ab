import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, migrateDatabase, openDatabase } from "@/db/client";
import { authenticate, signInSchema } from "./authenticate";
import { createAccount, prepareAccount } from "./create-account";

const file = join(tmpdir(), `madein-authenticate-${randomUUID()}.db`);
let db: Database;
const password = "correct horse battery staple";
const email = "organiser@example.org";

beforeAll(async () => {
  await migrateDatabase(`file:${file}`);
  db = await openDatabase(`file:${file}`);
  const prepared = await prepareAccount({ name: "Organiser", email, password });
  await db.transact((tx) => createAccount(tx, prepared));
});
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
    // Warm the dummy hash so the comparison below is of verification alone.
    await authenticate(db.read, { email: "warm-up@example.org", password });
    const started = performance.now();
    await authenticate(db.read, { email, password: "wrong password here" });
    const known = performance.now() - started;
    const again = performance.now();
    expect(await authenticate(db.read, { email: "nobody@example.org", password })).toBeNull();
    const unknown = performance.now() - again;
    // scrypt at these parameters takes tens of milliseconds; a bare lookup takes well under one.
    expect(unknown).toBeGreaterThan(known / 4);
  });
});
