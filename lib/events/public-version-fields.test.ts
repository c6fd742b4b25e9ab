import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { events, projects } from "@/db/schema";
import { createProject } from "@/lib/projects/create-project";
import { createAccount, openTempDatabase } from "@/test/integration/support/fixtures";
import { createEvent } from "./create-event";
import { publicVersion } from "./public-version";

let temp: Awaited<ReturnType<typeof openTempDatabase>>;
let db: Database;
let slug: string;
let eventId: string;
let projectId: string;
beforeAll(async () => {
  temp = await openTempDatabase();
  db = temp.db;
  const organiser = await createAccount(db);
  const event = await db.transact((tx) => createEvent(tx, { name: "Made in Lambeth", createdBy: organiser.accountId }));
  slug = event.slug;
  eventId = event.id;
  await db.transact((tx) => tx.update(events).set({ status: "published" }).where(eq(events.id, event.id)));
  projectId = await db.transact((tx) =>
    createProject(tx, {
      eventId: event.id,
      teamId: null,
      title: "Planters on Acre Lane",
      summary: "Boxes of herbs along the street.",
      ownerName: "Sam Owner",
      ownerRole: "Resident",
      ownerEmail: "sam@example.org",
      coOwners: [],
    }),
  );
  await db.transact((tx) => tx.update(projects).set({ isPublic: true }).where(eq(projects.id, projectId)));
});
afterAll(() => temp.cleanup());

const versions = async () => [await publicVersion(db.read, slug, "event"), await publicVersion(db.read, slug, "progress")];

describe("the public pages' fingerprint", () => {
  it("stays the same when only private fields change, so a stranger polling it learns nothing of them", async () => {
    const before = await versions();
    await db.transact(async (tx) => {
      await tx
        .update(projects)
        .set({ ownerEmail: "new.owner@example.org", ownerName: "New Owner" })
        .where(eq(projects.id, projectId));
      await tx.update(events).set({ privacyContact: "dpo@lambeth.example", retentionMonths: 24 }).where(eq(events.id, eventId));
    });
    expect(await versions()).toEqual(before);
  });

  it("changes when something the pages show changes", async () => {
    const before = await versions();
    await db.transact((tx) =>
      tx.update(projects).set({ title: "Planters on Acre Lane and Brixton Hill" }).where(eq(projects.id, projectId)),
    );
    const after = await versions();
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    await db.transact((tx) => tx.update(events).set({ food: "Soup at one." }).where(eq(events.id, eventId)));
    expect((await versions())[0]).not.toBe(after[0]);
  });
});
