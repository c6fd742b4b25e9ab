import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, migrateDatabase, openDatabase } from "@/db/client";
import { accounts } from "@/db/schema";
import { authenticate } from "./authenticate";
import { createFirstOrganiser, isSetUp } from "./first-organiser";

let file: string;
let db: Database;

beforeEach(async () => {
  file = join(tmpdir(), `madein-first-organiser-${randomUUID()}.db`);
  await migrateDatabase(`file:${file}`);
  db = await openDatabase(`file:${file}`);
});
afterEach(() => {
  db.close();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
});

const person = (n: number) => ({ name: `Organiser ${n}`, email: `first-${n}@example.org`, password: "a good long password" });

describe("createFirstOrganiser", () => {
  it("creates the first account on an empty database, which can then sign in", async () => {
    expect(await isSetUp(db.read)).toBe(false);
    const result = await createFirstOrganiser(db, person(1));
    expect(result.ok).toBe(true);
    expect(await isSetUp(db.read)).toBe(true);
    expect(await authenticate(db.read, { email: "first-1@example.org", password: "a good long password" })).not.toBeNull();
  });

  it("refuses once any account exists", async () => {
    await createFirstOrganiser(db, person(1));
    expect(await createFirstOrganiser(db, person(2))).toEqual({ ok: false, reason: "already_set_up" });
    expect(await db.read.select().from(accounts)).toHaveLength(1);
  });

  it("lets exactly one of several simultaneous set-ups through", async () => {
    const results = await Promise.all([1, 2, 3, 4].map((n) => createFirstOrganiser(db, person(n))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.read.select().from(accounts)).toHaveLength(1);
  });
});
