import { randomUUID } from "node:crypto";
import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, migrateDatabase, openDatabase } from "@/db/client";
import { accounts } from "@/db/schema";
import { createEvent } from "./create-event";

const file = join(tmpdir(), `madein-create-event-${randomUUID()}.db`);
let db: Database;
let organiserId: string;

beforeAll(async () => {
  await migrateDatabase(`file:${file}`);
  db = await openDatabase(`file:${file}`);
  organiserId = randomUUID();
  await db.transact((tx) =>
    tx
      .insert(accounts)
      .values({ id: organiserId, name: "Organiser", email: `${organiserId}@example.org`, passwordHash: "scrypt$x" }),
  );
});
afterAll(() => {
  db.close();
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
});

const create = (name: string) => db.transact((tx) => createEvent(tx, { name, createdBy: organiserId }));

describe("an event's slug", () => {
  it("is its name in a URL's words, numbered when another event has it", async () => {
    expect((await create("Made in Lambeth: Spring!")).slug).toBe("made-in-lambeth-spring");
    expect((await create("Made in Lambeth — spring")).slug).toBe("made-in-lambeth-spring-2");
  });

  it("is never the name of an organiser's page beside the events (/o/import, /o/version)", async () => {
    expect((await create("Import")).slug).toBe("import-2");
    expect((await create("Version!")).slug).toBe("version-2");
    expect((await create("Import")).slug).toBe("import-3");
  });
});
