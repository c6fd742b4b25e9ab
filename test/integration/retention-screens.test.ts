/**
 * The server's own retention sweep (lib/privacy/retention-schedule.ts) erases an old event's
 * people while staff may have its pages open: those pages are told, and drawn again without the
 * names (the review, the console, the audit page).
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events } from "@/db/schema";
import { seedWeekend } from "../support/seeded-weekend";
import { clientsFor, nextEvent, staffCookie } from "./support/clients";
import { createAccount } from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/server";

const month = 30 * 86_400_000;

describe("the scheduled retention sweep", () => {
  let t: TestServer;
  beforeAll(async () => {
    // Every check sweeps: a sweep that ran before the test made its event old (nothing due) must
    // not hold the next one back past the test's wait.
    t = await startTestServer({ retentionSweep: { firstCheckAfterMs: 200, checkEveryMs: 200, intervalMs: 200 } });
  });
  afterAll(() => t.dispose());

  it("tells the event's open staff screens to draw again once it erased its people", async () => {
    const organiser = await createAccount(t.server.db);
    const w = await seedWeekend(t.server.db, organiser.accountId, "Old weekend");
    const clients = clientsFor(t.url);
    try {
      const staff = await clients.connect({ eventId: w.event.id, cookie: staffCookie(organiser.sessionToken) });
      const redrawn = nextEvent(staff, "event:details-changed", (d) => d.what === "privacy", 15_000);
      const record = nextEvent(staff, "event:record-changed", () => true, 15_000);
      // Ended two years ago: past its 12 months by the sweep's own clock.
      const ended = Date.now() - 24 * month;
      await t.server.db.transact((tx) =>
        tx
          .update(events)
          .set({ startsAt: ended - 86_400_000, endsAt: ended })
          .where(eq(events.id, w.event.id)),
      );
      expect(await redrawn).toEqual({ what: "privacy" });
      await record;
    } finally {
      clients.closeAll();
    }
  });
});
