import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { briefContacts, briefFiles, briefLinks, briefs, eventPhases, events, projects } from "@/db/schema";
import { createProject } from "@/lib/projects/create-project";
import { createAccount, openTempDatabase } from "@/test/integration/support/fixtures";
import { createEvent } from "./create-event";
import { publicVersion } from "./public-version";

let temp: Awaited<ReturnType<typeof openTempDatabase>>;
let db: Database;
let slug: string;
let eventId: string;
let projectId: string;
let briefId: string;
let draftId: string;
let fileId: string;
let phaseId: string;
let organiser: Awaited<ReturnType<typeof createAccount>>;
beforeAll(async () => {
  temp = await openTempDatabase();
  db = temp.db;
  organiser = await createAccount(db);
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
  briefId = randomUUID();
  draftId = randomUUID();
  fileId = randomUUID();
  phaseId = randomUUID();
  await db.transact(async (tx) => {
    await tx.insert(briefs).values([
      { id: briefId, eventId, status: "published", title: "Greener Acre Lane", problem: "Too few trees.", budget: "£2,000" },
      { id: draftId, eventId, status: "draft", title: "Safer crossings", problem: "Still being written." },
    ]);
    await tx
      .insert(briefLinks)
      .values({ id: randomUUID(), briefId, kind: "data", title: "Tree survey", url: "https://example.org/trees" });
    await tx.insert(briefContacts).values({ id: randomUUID(), briefId, role: "Tree officer", howToReach: "At the desk" });
    await tx.insert(briefFiles).values({
      id: fileId,
      briefId,
      title: "Street plan",
      storageKey: randomUUID(),
      fileName: "acre-lane-plan.pdf",
      contentType: "application/pdf",
      size: 2048,
      uploadedBy: organiser.accountId,
    });
    await tx.insert(eventPhases).values({ id: phaseId, eventId, name: "Kick-off evening", startsAt: 1_900_000_000_000 });
  });
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

  it("stays the same when a brief changes only where the event page doesn't show it: a draft, a save, a file's own name", async () => {
    const before = await versions();
    await db.transact(async (tx) => {
      // A draft brief is the organisers' until it is published.
      await tx
        .update(briefs)
        .set({ title: "Safer crossings on Acre Lane", problem: "Two near misses." })
        .where(eq(briefs.id, draftId));
      await tx.insert(briefFiles).values({
        id: randomUUID(),
        briefId: draftId,
        title: "Near misses",
        storageKey: randomUUID(),
        fileName: "incident-log.pdf",
        contentType: "application/pdf",
        size: 100,
      });
      // A save of the published brief that changed nothing shown.
      await tx.update(briefs).set({ updatedAt: 1_900_000_000_000, position: 3 }).where(eq(briefs.id, briefId));
      // The pack's file under another name, or its uploader's account gone: the page shows its title.
      await tx.update(briefFiles).set({ fileName: "plan-v2-final.pdf", uploadedBy: null }).where(eq(briefFiles.id, fileId));
      await tx.update(eventPhases).set({ position: 2, createdAt: 1_900_000_000_000 }).where(eq(eventPhases.id, phaseId));
    });
    expect(await versions()).toEqual(before);
  });

  it("changes when a published brief, its pack or the agenda changes as the event page shows them", async () => {
    const changes = [
      () => db.transact((tx) => tx.update(briefs).set({ budget: "£3,000" }).where(eq(briefs.id, briefId))),
      () => db.transact((tx) => tx.update(briefFiles).set({ title: "Street plan, revised" }).where(eq(briefFiles.id, fileId))),
      () =>
        db.transact((tx) =>
          tx.update(briefContacts).set({ howToReach: "Ask at the welcome desk" }).where(eq(briefContacts.briefId, briefId)),
        ),
      () => db.transact((tx) => tx.update(eventPhases).set({ name: "Welcome evening" }).where(eq(eventPhases.id, phaseId))),
      () => db.transact((tx) => tx.update(briefs).set({ status: "published" }).where(eq(briefs.id, draftId))),
    ];
    for (const change of changes) {
      const [before] = await versions();
      await change();
      expect((await versions())[0]).not.toBe(before);
    }
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
