/** The organisers' projects page follows what it draws beside the projects (lib/projects/follow-up-version.ts). */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { events, teams } from "@/db/schema";
import { followUpVersion } from "@/lib/projects/follow-up-version";
import { insertTeam } from "@/lib/teams/create-team";
import { createAccount, createTestEvent, openTempDatabase } from "./support/fixtures";

describe("the follow-up pages' fingerprint", () => {
  let temp: Awaited<ReturnType<typeof openTempDatabase>>;
  beforeEach(async () => {
    temp = await openTempDatabase();
  });
  afterEach(() => temp.cleanup());

  it("changes with the join code (the catch-up link) and the teams' names, and not otherwise", async () => {
    const { db } = temp;
    const organiser = await createAccount(db);
    const event = await createTestEvent(db, organiser.accountId);
    const team = await db.transact((tx) =>
      insertTeam(tx, { eventId: event.id, name: "Parks", briefId: null, capacity: null, now: Date.now() }),
    );
    const now = Date.now();
    const first = await followUpVersion(db.read, event.id, undefined, now);
    expect(await followUpVersion(db.read, event.id, undefined, now)).toBe(first);

    await db.transact((tx) => tx.update(events).set({ joinCode: "ZZZ999" }).where(eq(events.id, event.id)));
    const second = await followUpVersion(db.read, event.id, undefined, now);
    expect(second).not.toBe(first);

    await db.transact((tx) => tx.update(teams).set({ name: "Parks and play" }).where(eq(teams.id, team.id)));
    expect(await followUpVersion(db.read, event.id, undefined, now)).not.toBe(second);
  });
});
