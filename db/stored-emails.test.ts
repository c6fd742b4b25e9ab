import { sql } from "drizzle-orm";
import { afterEach, beforeEach, expect, it } from "vitest";
import { openTempDatabase } from "@/test/integration/support/fixtures";
import { migrateDatabase } from "./client";
import { accounts } from "./schema";

let temp: Awaited<ReturnType<typeof openTempDatabase>>;
beforeEach(async () => {
  temp = await openTempDatabase();
});
afterEach(() => temp.cleanup());

it("an upgrade rewrites accounts stored before one spelling per address, so signing in finds them", async () => {
  await temp.db.transact(async (tx) => {
    await tx.run(
      sql`INSERT INTO accounts (id, email, name, password_hash) VALUES ('a', ${"ren\u0065\u0301@Council.Example"}, 'René', '')`,
    );
    await tx.run(sql`INSERT INTO accounts (id, email, name, password_hash) VALUES ('b', 'sam@council.example', 'Sam', '')`);
    await tx.run(
      sql`INSERT INTO accounts (id, email, name, password_hash) VALUES ('c', 'SAM@council.example', 'Another Sam', '')`,
    );
  });
  await migrateDatabase(temp.url);
  const stored = await temp.db.read.select({ id: accounts.id, email: accounts.email }).from(accounts).orderBy(accounts.id);
  expect(stored).toEqual([
    { id: "a", email: "ren\u00e9@council.example" },
    { id: "b", email: "sam@council.example" },
    // Two accounts already: left apart, never merged by an upgrade.
    { id: "c", email: "SAM@council.example" },
  ]);
});
