/**
 * An import must never stop the room for others: it is open to organisers only.
 */
import { describe, expect, it } from "vitest";
import { mayImportEvents } from "@/lib/exports/may-import";
import { addStaff, createAccount, createTestEvent, openTempDatabase } from "./support/fixtures";

describe("who may import", () => {
  it("organisers may; a facilitator of one event, or an account with no event, may not; the account that set up the installation may before it organises anything", async () => {
    const fresh = await openTempDatabase();
    try {
      const freshDb = fresh.db;
      const setUp = await createAccount(freshDb, "Set up this Made In");
      expect(await mayImportEvents(freshDb.read, setUp.accountId)).toBe(true);
      const organiser = await createAccount(freshDb, "Organiser");
      const event = await createTestEvent(freshDb, organiser.accountId);
      expect(await mayImportEvents(freshDb.read, organiser.accountId)).toBe(true);
      const facilitator = await createAccount(freshDb, "Facilitator");
      await addStaff(freshDb, event.id, facilitator.accountId, "facilitator");
      expect(await mayImportEvents(freshDb.read, facilitator.accountId)).toBe(false);
      const nobody = await createAccount(freshDb, "Signed in by single sign-on, no events");
      expect(await mayImportEvents(freshDb.read, nobody.accountId)).toBe(false);
    } finally {
      fresh.cleanup();
    }
  });
});
