/**
 * During a rolling deploy the first new process migrates while processes of the release before
 * still run: what they write must still fit the migrated database. They queue a clean-up of the
 * command log on every leave, rename and note deletion with every column they knew, so a column
 * they write is dropped a release later, never in the release that stops using it.
 */
import { createClient } from "@libsql/client";
import { afterEach, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/db/client";
import { tempDatabaseUrl } from "./support/fixtures";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

describe("a migrated database and the release before it", () => {
  it("takes the command-log clean-up the release before queues, with the columns it knew", async () => {
    const temp = tempDatabaseUrl("madein-rolling-");
    cleanups.push(temp.remove);
    await migrateDatabase(temp.url);
    const client = createClient({ url: temp.url });
    cleanups.unshift(() => client.close());
    // As the release before's drizzle insert wrote it (db/schema.ts at faa625e).
    await client.execute({
      sql: "insert into command_log_scrubs (event_id, mentioning, sent_by, done_to, done_to_without_event, created_at) values (?, ?, ?, ?, ?, ?)",
      args: ["event-1", JSON.stringify(["person-1"]), JSON.stringify([]), 0, 0, Date.now()],
    });
    const queued = await client.execute("select event_id, joined_lap from command_log_scrubs");
    expect(queued.rows).toEqual([expect.objectContaining({ event_id: "event-1", joined_lap: null })]);
  });
});
