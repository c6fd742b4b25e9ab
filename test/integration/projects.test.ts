import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "@/db/client";
import { briefs, eventStaff, events, projectCheckIns, teams } from "@/db/schema";
import { hashToken } from "@/lib/auth/tokens";
import { notAnImageMessage } from "@/lib/files/images";
import { LocalDiskStorage } from "@/lib/files/storage";
import { createCatchUp } from "@/lib/projects/catch-up";
import { createProject } from "@/lib/projects/create-project";
import { findProject, findProjects } from "@/lib/projects/find-projects";
import { findProjectByOwnerToken, newOwnerLink, projectForOwner, revokeOwnerLink } from "@/lib/projects/owner-link";
import { postCheckIn } from "@/lib/projects/post-check-in";
import { phonePhoto, photoProblems, pixelBomb, readBack } from "@/test/support/test-images";
import { seedWeekend } from "../support/seeded-weekend";
import { createAccount, openTempDatabase } from "./support/fixtures";

const day = 24 * 3600 * 1000;
const checkIn = {
  status: "on_track" as const,
  progress: "Opened",
  evidence: "",
  numbers: [],
  links: [],
  learning: "",
  helpNeeded: "",
  authorName: "Owner",
};

describe("projects after the event", () => {
  let temp: Awaited<ReturnType<typeof openTempDatabase>>;
  let db: Database;
  let uploads: string;
  beforeEach(async () => {
    temp = await openTempDatabase();
    db = temp.db;
    uploads = mkdtempSync(join(tmpdir(), "madein-uploads-"));
  });
  afterEach(() => {
    temp.cleanup();
    rmSync(uploads, { recursive: true, force: true });
  });

  async function weekendWithProject(now = Date.now()) {
    const organiser = await createAccount(db);
    const weekend = await seedWeekend(db, organiser.accountId);
    const projectId = await db.transact((tx) =>
      createProject(tx, {
        eventId: weekend.event.id,
        teamId: weekend.ids.parksTeam,
        title: "Pop-up café",
        summary: "",
        ownerName: "Resident",
        ownerRole: "Resident",
        coOwners: [],
        now,
      }),
    );
    return { organiser, weekend, projectId };
  }

  /** A 30-day catch-up of `weekendId`, made by `accountId`. */
  const catchUpOf = (weekendId: string, accountId: string) =>
    db.transact((tx) =>
      createCatchUp(tx, {
        followsEventId: weekendId,
        name: "30-day catch-up",
        place: "Brixton library",
        startsAt: Date.now() + day,
        endsAt: Date.now() + day + 3 * 3600 * 1000,
        createdBy: accountId,
      }),
    );

  it("starts with 30/60/90-day milestones and becomes overdue without a check-in", async () => {
    const start = Date.now() - 40 * day;
    const { weekend } = await weekendWithProject(start);
    const [project] = await findProjects(db.read, weekend.event.id);
    expect(project?.milestones.map((m) => m.day)).toEqual([30, 60, 90]);
    expect(project?.state).toMatchObject({ kind: "overdue", milestone: { day: 30 } });
  });

  it("a catch-up carries the briefs, not empty teams, and follows up the weekend's projects", async () => {
    const { organiser, weekend, projectId } = await weekendWithProject();
    const catchUp = await catchUpOf(weekend.event.id, organiser.accountId);
    // The weekend's people are invited to it instead (test/integration/email.test.ts).
    expect(await db.read.select().from(teams).where(eq(teams.eventId, catchUp.id))).toEqual([]);
    const carriedBriefs = await db.read.select().from(briefs).where(eq(briefs.eventId, catchUp.id));
    expect(carriedBriefs.map((b) => b.title)).toContain("Love Your Space");
    const [event] = await db.read.select().from(events).where(eq(events.id, catchUp.id));
    expect(event?.status).toBe("draft");
    const followed = await findProjects(db.read, catchUp.id);
    expect(followed.map((p) => [p.id, p.fromEvent.carried])).toEqual([[projectId, true]]);
    // A check-in posted at the catch-up is the same project's record.
    await postCheckIn(db, new LocalDiskStorage(uploads), projectId, checkIn, []);
    expect((await findProjects(db.read, weekend.event.id))[0]?.checkIns).toHaveLength(1);
  });

  it("a weekend's projects are seen through its catch-up by the weekend's organisers only: taken off the weekend, off its projects", async () => {
    const { organiser, weekend, projectId } = await weekendWithProject();
    const catchUp = await catchUpOf(weekend.event.id, organiser.accountId);
    const seen = async (accountId: string) =>
      (await findProjects(db.read, catchUp.id, { organiser: accountId })).map((p) => p.id);
    expect(await seen(organiser.accountId)).toEqual([projectId]);
    expect(await findProject(db.read, catchUp.id, projectId, { organiser: organiser.accountId })).not.toBeNull();

    // A colleague on the catch-up only, and the creator once taken off the weekend, see none of them.
    const colleague = await createAccount(db, "Catch-up colleague");
    await db.transact((tx) =>
      tx.insert(eventStaff).values({ eventId: catchUp.id, accountId: colleague.accountId, role: "organiser" }),
    );
    expect(await seen(colleague.accountId)).toEqual([]);
    await db.transact((tx) =>
      tx.delete(eventStaff).where(and(eq(eventStaff.eventId, weekend.event.id), eq(eventStaff.accountId, organiser.accountId))),
    );
    expect(await seen(organiser.accountId)).toEqual([]);
    expect(await findProject(db.read, catchUp.id, projectId, { organiser: organiser.accountId })).toBeNull();
  });

  it("a new owner link replaces the old one; a revoked link opens nothing", async () => {
    const { projectId } = await weekendWithProject();
    const first = await db.transact((tx) => newOwnerLink(tx, projectId));
    expect((await findProjectByOwnerToken(db.read, first))?.id).toBe(projectId);
    const second = await db.transact((tx) => newOwnerLink(tx, projectId));
    expect(await findProjectByOwnerToken(db.read, first)).toBeNull();
    expect(await projectForOwner(db.read, projectId, hashToken(first))).toBeNull();
    expect(await projectForOwner(db.read, projectId, hashToken(second))).not.toBeNull();
    await db.transact((tx) => revokeOwnerLink(tx, projectId));
    expect(await findProjectByOwnerToken(db.read, second)).toBeNull();
    expect(await projectForOwner(db.read, projectId, hashToken(second))).toBeNull();
  });

  it("keeps photos decoded and stripped, and saves nothing when one is refused", async () => {
    const { projectId } = await weekendWithProject();
    const storage = new LocalDiskStorage(uploads);
    const photo = new Uint8Array(await phonePhoto());
    const refused = await postCheckIn(db, storage, projectId, checkIn, [photo, new TextEncoder().encode("<svg/>")]);
    expect(refused).toEqual({ ok: false, photoError: notAnImageMessage });
    expect(await db.read.select().from(projectCheckIns)).toHaveLength(0);
    expect(await postCheckIn(db, storage, projectId, checkIn, [pixelBomb()])).toMatchObject({ ok: false });
    const saved = await postCheckIn(db, storage, projectId, checkIn, [photo]);
    expect(saved.ok).toBe(true);
    const [row] = await db.read.select().from(projectCheckIns);
    expect(row?.photos).toEqual([{ storageKey: expect.any(String), contentType: "image/jpeg" }]);
    const kept = await storage.read(row?.photos[0]?.storageKey ?? "");
    expect(photoProblems(await readBack(kept ?? new Uint8Array()), "check-in photo")).toEqual([]);
  });

  it("a form sent twice (a reload that resends it, a retry on flaky Wi-Fi) saves one check-in and keeps one copy of its photo", async () => {
    const { weekend, projectId } = await weekendWithProject();
    const storage = new LocalDiskStorage(uploads);
    const photo = new Uint8Array(await phonePhoto());
    const submission = randomUUID();
    const files = () => readdirSync(uploads, { recursive: true }).filter((f) => statSync(join(uploads, String(f))).isFile());
    expect(await postCheckIn(db, storage, projectId, checkIn, [photo], submission)).toEqual({ ok: true, id: submission });
    const once = files();
    expect(once.length).toBeGreaterThan(0);
    expect(await postCheckIn(db, storage, projectId, checkIn, [photo], submission)).toEqual({ ok: true, id: submission });
    expect(await db.read.select().from(projectCheckIns).where(eq(projectCheckIns.projectId, projectId))).toHaveLength(1);
    expect(files()).toEqual(once);

    // Another project's check-in id is no replay of this one: the update is saved, under an id of its own.
    const other = await db.transact((tx) =>
      createProject(tx, {
        eventId: weekend.event.id,
        teamId: null,
        title: "Street library",
        summary: "",
        ownerName: "Resident",
        ownerRole: "Resident",
        coOwners: [],
      }),
    );
    const saved = await postCheckIn(db, storage, other, checkIn, [], submission);
    expect(saved).toMatchObject({ ok: true });
    expect(saved.ok && saved.id).not.toBe(submission);
    expect(await db.read.select().from(projectCheckIns).where(eq(projectCheckIns.projectId, other))).toHaveLength(1);
    const [first] = await db.read.select().from(projectCheckIns).where(eq(projectCheckIns.id, submission));
    expect(first?.projectId).toBe(projectId);
  });
});
