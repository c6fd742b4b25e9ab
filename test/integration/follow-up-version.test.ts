/** The organisers' projects page follows what it draws beside the projects (lib/projects/follow-up-version.ts). */
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventStaff, events, teams } from "@/db/schema";
import { createCatchUp } from "@/lib/projects/catch-up";
import { followUpVersion } from "@/lib/projects/follow-up-version";
import { insertTeam } from "@/lib/teams/create-team";
import { addStaff, createAccount, createTestEvent, openTempDatabase } from "./support/fixtures";

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
    const first = await followUpVersion(db.read, event.id, { now });
    expect(await followUpVersion(db.read, event.id, { now })).toBe(first);

    await db.transact((tx) => tx.update(events).set({ joinCode: "ZZZ999" }).where(eq(events.id, event.id)));
    const second = await followUpVersion(db.read, event.id, { now });
    expect(second).not.toBe(first);

    await db.transact((tx) => tx.update(teams).set({ name: "Parks and play" }).where(eq(teams.id, team.id)));
    expect(await followUpVersion(db.read, event.id, { now })).not.toBe(second);
  });

  it("for an organiser of a catch-up, changes when they are taken off the weekend it follows, or put back", async () => {
    const { db } = temp;
    const olu = await createAccount(db);
    const weekend = await createTestEvent(db, olu.accountId, "Made in Lambeth");
    const catchUp = await db.transact((tx) =>
      createCatchUp(tx, {
        followsEventId: weekend.id,
        name: "30-day catch-up",
        place: "Brixton library",
        startsAt: Date.UTC(2027, 1, 3, 18),
        endsAt: Date.UTC(2027, 1, 3, 20),
        createdBy: olu.accountId,
      }),
    );
    const now = Date.now();
    const onTheWeekend = await followUpVersion(db.read, catchUp.id, { organiser: olu.accountId, now });
    const offTheWeekend = () =>
      db.transact((tx) =>
        tx.delete(eventStaff).where(and(eq(eventStaff.eventId, weekend.id), eq(eventStaff.accountId, olu.accountId))),
      );
    await offTheWeekend();
    const off = await followUpVersion(db.read, catchUp.id, { organiser: olu.accountId, now });
    expect(off).not.toBe(onTheWeekend);
    await addStaff(db, weekend.id, olu.accountId, "organiser");
    expect(await followUpVersion(db.read, catchUp.id, { organiser: olu.accountId, now })).toBe(onTheWeekend);
  });
});
