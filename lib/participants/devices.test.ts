import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { events, participants } from "@/db/schema";
import { renewResumeToken } from "@/lib/participants/join-event";
import { addParticipant, createAccount, createTestEvent, openTempDatabase } from "@/test/integration/support/fixtures";
import { addDevice, claimPersonalLink, deviceLabel, findPersonalLink, listDevices, signOutDevice } from "./devices";
import { personalLinkLifetimeMs } from "./personal-link-expiry";

let t: Awaited<ReturnType<typeof openTempDatabase>>;
beforeAll(async () => {
  t = await openTempDatabase();
});
afterAll(() => t?.cleanup());

async function someone() {
  const organiser = await createAccount(t.db);
  const event = await createTestEvent(t.db, organiser.accountId);
  return { event, participantId: await addParticipant(t.db, event.id, "Sam") };
}

describe("personal links and devices", () => {
  it("a personal link works once: the second use (a forwarded copy) finds nothing", async () => {
    const { participantId } = await someone();
    const token = await t.db.transact((tx) => renewResumeToken(tx, participantId));
    const first = await t.db.transact((tx) => claimPersonalLink(tx, token, "Chrome on Android"));
    expect(first).toMatchObject({ participantId });
    expect(await t.db.transact((tx) => claimPersonalLink(tx, token, "Firefox on Windows"))).toBeNull();
    expect((await listDevices(t.db.read, participantId)).map((d) => d.label)).toEqual(["Chrome on Android"]);
  });

  it("someone who left can't be taken over by an old link", async () => {
    const { participantId } = await someone();
    const token = await t.db.transact((tx) => renewResumeToken(tx, participantId));
    await t.db.transact((tx) => tx.update(participants).set({ leftAt: Date.now() }).where(eq(participants.id, participantId)));
    expect(await t.db.transact((tx) => claimPersonalLink(tx, token, "Safari on iPhone"))).toBeNull();
  });

  it("an event that is not open (a draft, or finished and archived) lets no personal link in, and leaves the link unused", async () => {
    const { event, participantId } = await someone();
    const token = await t.db.transact((tx) => renewResumeToken(tx, participantId));
    for (const status of ["archived", "draft"] as const) {
      await t.db.transact((tx) => tx.update(events).set({ status }).where(eq(events.id, event.id)));
      expect(await findPersonalLink(t.db.read, token)).toMatchObject({ eventStatus: status });
      expect(await t.db.transact((tx) => claimPersonalLink(tx, token, "Safari on iPhone"))).toBeNull();
    }
    expect(await listDevices(t.db.read, participantId)).toEqual([]);
    await t.db.transact((tx) => tx.update(events).set({ status: "published" }).where(eq(events.id, event.id)));
    expect(await t.db.transact((tx) => claimPersonalLink(tx, token, "Safari on iPhone"))).toMatchObject({ participantId });
  });

  it("an expired personal link lets nobody in, says it expired, and is not used up", async () => {
    const { participantId } = await someone();
    const token = await t.db.transact((tx) => renewResumeToken(tx, participantId));
    const later = Date.now() + personalLinkLifetimeMs + 1;
    expect(await findPersonalLink(t.db.read, token)).toMatchObject({ expired: false });
    expect(await findPersonalLink(t.db.read, token, later)).toMatchObject({ eventStatus: "published", expired: true });
    expect(await t.db.transact((tx) => claimPersonalLink(tx, token, "Safari on iPhone", later))).toBeNull();
    expect(await listDevices(t.db.read, participantId)).toEqual([]);
    // Still the person's link (not replaced): its page can say why it no longer works.
    expect(await findPersonalLink(t.db.read, token, later)).toMatchObject({ expired: true });
    // A new link starts a new lifetime.
    const fresh = await t.db.transact((tx) => renewResumeToken(tx, participantId));
    expect(await t.db.transact((tx) => claimPersonalLink(tx, fresh, "Safari on iPhone"))).toMatchObject({ participantId });
  });

  it("links made before expiry was recorded count as made when the migration ran", async () => {
    const { participantId } = await someone();
    const token = await t.db.transact((tx) => renewResumeToken(tx, participantId));
    await t.db.transact((tx) =>
      tx.update(participants).set({ resumeTokenMadeAt: null }).where(eq(participants.id, participantId)),
    );
    expect(await findPersonalLink(t.db.read, token)).toMatchObject({ expired: true });
    const migration = readFileSync(new URL("../../db/migrations/0025_personal_link_made_at.sql", import.meta.url), "utf8");
    const backfill = migration.split("--> statement-breakpoint").find((s) => s.includes("UPDATE"));
    await t.db.transact((tx) => tx.run(sql.raw(backfill ?? "")));
    expect(await findPersonalLink(t.db.read, token)).toMatchObject({ expired: false });
    expect(await findPersonalLink(t.db.read, token, Date.now() + personalLinkLifetimeMs + 1)).toMatchObject({ expired: true });
  });

  it("a person signs out one of their devices, and only their own", async () => {
    const { participantId } = await someone();
    const other = await someone();
    const phone = await t.db.transact((tx) => addDevice(tx, participantId, "Safari on iPhone"));
    const laptop = await t.db.transact((tx) => addDevice(tx, participantId, "Firefox on Windows"));
    expect(await t.db.transact((tx) => signOutDevice(tx, other.participantId, laptop))).toEqual([]);
    expect(await t.db.transact((tx) => signOutDevice(tx, participantId, laptop))).toEqual([{ kind: "device", deviceId: laptop }]);
    expect((await listDevices(t.db.read, participantId)).map((d) => d.id)).toEqual([phone]);
  });

  it("a personal link made before a device was signed out signs nobody back in", async () => {
    const { participantId } = await someone();
    const laptop = await t.db.transact((tx) => addDevice(tx, participantId, "Firefox on Windows"));
    // Made on the laptop (or read off it), then the person signs the laptop out from their phone.
    const token = await t.db.transact((tx) => renewResumeToken(tx, participantId));
    // Someone else's sign-out, or a device already gone, leaves the person's link alone.
    await t.db.transact((tx) => signOutDevice(tx, participantId, "no-such-device"));
    expect(await findPersonalLink(t.db.read, token)).not.toBeNull();
    await t.db.transact((tx) => signOutDevice(tx, participantId, laptop));
    expect(await findPersonalLink(t.db.read, token)).toBeNull();
    expect(await t.db.transact((tx) => claimPersonalLink(tx, token, "Chrome on Android"))).toBeNull();
    // The person can still make a new one from a device they kept.
    const fresh = await t.db.transact((tx) => renewResumeToken(tx, participantId));
    expect(await t.db.transact((tx) => claimPersonalLink(tx, fresh, "Chrome on Android"))).toMatchObject({ participantId });
  });

  it("labels a browser plainly, keeping nothing that identifies it", () => {
    expect(deviceLabel("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36")).toBe(
      "Chrome on Android",
    );
    expect(
      deviceLabel("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Safari/604.1"),
    ).toBe("Safari on iPhone");
    expect(deviceLabel(null)).toBe("A browser");
  });
});
