import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { events } from "@/db/schema";
import { createAccount, openTempDatabase } from "@/test/integration/support/fixtures";
import { createEvent } from "./create-event";
import { joinFollowToken, joinPageFingerprint, joinPageVersion } from "./join-version";
import { regenerateJoinCode } from "./regenerate-join-code";

const secret = "s".repeat(32);
let temp: Awaited<ReturnType<typeof openTempDatabase>>;
let db: Database;
let organiserId: string;

beforeAll(async () => {
  temp = await openTempDatabase();
  db = temp.db;
  organiserId = (await createAccount(db)).accountId;
});
afterAll(() => temp.cleanup());

const stored = async (id: string) => (await db.read.select().from(events).where(eq(events.id, id)))[0]!;

describe("the join page's version", () => {
  it("is what the page was drawn with until the event is renamed, finishes or its code changes", async () => {
    const created = await db.transact((tx) =>
      createEvent(tx, { name: "Made in Brixton", place: "Brixton Library", createdBy: organiserId, status: "published" }),
    );
    const event = await stored(created.id);
    const token = joinFollowToken(event, secret);
    const drawn = joinPageFingerprint(event);
    expect(await joinPageVersion(db.read, token, secret)).toBe(drawn);

    await db.transact((tx) => tx.update(events).set({ name: "Made in Brixton Parks" }).where(eq(events.id, event.id)));
    const renamed = await joinPageVersion(db.read, token, secret);
    expect(renamed).not.toBe(drawn);
    expect(renamed).toBe(joinPageFingerprint(await stored(event.id)));

    await db.transact((tx) => regenerateJoinCode(tx, { eventId: event.id }));
    const rotated = await joinPageVersion(db.read, token, secret);
    expect(rotated).not.toBe(renamed);
    // The new code's page is drawn as the old one was; the old code's page is not.
    expect(joinPageFingerprint(await stored(event.id))).toBe(renamed);
    expect(rotated).not.toContain((await stored(event.id)).joinCode);

    await db.transact((tx) => tx.update(events).set({ status: "archived" }).where(eq(events.id, event.id)));
    expect(await joinPageVersion(db.read, token, secret)).not.toBe(rotated);
  });

  it("follows the privacy notice's words on the privacy page, and leaves the join page alone for them", async () => {
    const created = await db.transact((tx) =>
      createEvent(tx, { name: "Made in Oval", createdBy: organiserId, status: "published" }),
    );
    const event = await stored(created.id);
    const token = joinFollowToken(event, secret);
    expect(await joinPageVersion(db.read, token, secret, "privacy")).toBe(joinPageFingerprint(event, "privacy"));
    await db.transact((tx) =>
      tx.update(events).set({ retentionMonths: 24, privacyContact: "dpo@lambeth.example" }).where(eq(events.id, event.id)),
    );
    expect(await joinPageVersion(db.read, token, secret, "privacy")).not.toBe(joinPageFingerprint(event, "privacy"));
    expect(await joinPageVersion(db.read, token, secret, "privacy")).toBe(joinPageFingerprint(await stored(event.id), "privacy"));
    expect(await joinPageVersion(db.read, token, secret)).toBe(joinPageFingerprint(event));
  });

  it("tells the join page of a device that has joined since, and not the privacy notice", async () => {
    const created = await db.transact((tx) =>
      createEvent(tx, { name: "Made in Vauxhall", createdBy: organiserId, status: "published" }),
    );
    const event = await stored(created.id);
    const token = joinFollowToken(event, secret);
    const joined = async (id: string) => id === event.id;
    expect(await joinPageVersion(db.read, token, secret, "join", async () => false)).toBe(joinPageFingerprint(event));
    expect(await joinPageVersion(db.read, token, secret, "join", joined)).not.toBe(joinPageFingerprint(event));
    expect(await joinPageVersion(db.read, token, secret, "privacy", joined)).toBe(joinPageFingerprint(event, "privacy"));
  });

  it("answers only a token signed by this server for a real code", async () => {
    const created = await db.transact((tx) => createEvent(tx, { name: "Other", createdBy: organiserId, status: "published" }));
    const event = await stored(created.id);
    expect(await joinPageVersion(db.read, joinFollowToken(event, "another secret".repeat(3)), secret)).toBeNull();
    expect(await joinPageVersion(db.read, `${event.id}:${event.joinCode}.forged`, secret)).toBeNull();
    expect(await joinPageVersion(db.read, joinFollowToken({ id: event.id, joinCode: "!!" }, secret), secret)).toBeNull();
    expect(await joinPageVersion(db.read, "", secret)).toBeNull();
  });
});
