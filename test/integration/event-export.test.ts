import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import {
  boards,
  events,
  notePhotos,
  notes,
  projectCheckIns,
  projectMilestones,
  projectRisks,
  projects,
  showcaseImages,
  showcases,
} from "@/db/schema";
import { csvTables, findCsvTable, renderCsvTable } from "@/lib/exports/csv-tables";
import { teamReports } from "@/lib/exports/event-report";
import { type EventExport, parseEventExport } from "@/lib/exports/export-schema";
import { importEvent } from "@/lib/exports/import-event";
import { loadEventExport } from "@/lib/exports/load-event-export";
import { eventMarkdown } from "@/lib/exports/markdown-report";
import { loadResults } from "@/lib/presentations/results";
import { seedWeekend, weekendText } from "../support/seeded-weekend";
import { createAccount, openTempDatabase } from "./support/fixtures";

// The presentations' results are server code; here they run against a test database directly.
vi.mock("server-only", () => ({}));

/**
 * What may differ after export → import → export, and why: ids (every imported row gets a new
 * one), the slug (another event may hold it), the status (an import starts as a draft) and the
 * time of export. Everything else must be identical.
 */
function comparable(data: EventExport) {
  const ids = new Map<string, string>();
  const idKeys =
    /^(id|briefId|teamId|boardId|groupId|authorParticipantId|sourceNoteId|targetId|voter|judge|author|editor|currentTeamId|peoplesChoiceBoardId)$/;
  const rename = (value: string) => {
    if (!ids.has(value)) ids.set(value, `#${ids.size + 1}`);
    return ids.get(value);
  };
  const walk = (value: unknown, key = ""): unknown => {
    if (Array.isArray(value))
      return value.map((v) => (typeof v === "string" && /^(memberIds|shortlist|order)$/.test(key) ? rename(v) : walk(v)));
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    if (typeof value === "string" && idKeys.test(key) && !value.startsWith("staff-")) return rename(value);
    return value;
  };
  // Known gap: the JSON carries no files (an import reads the JSON alone), so a note's photo is not
  // there after an import and `hadPhoto` turns false. Compared apart, below, until imports take the zip.
  const { exportedAt: _at, event, ...rest } = noPhotoFlags(data);
  const { slug: _slug, status: _status, ...eventFields } = event;
  return walk({ event: eventFields, ...rest });
}

const noPhotoFlags = (data: EventExport): EventExport =>
  JSON.parse(JSON.stringify(data), (k, v) => (k === "hadPhoto" ? false : v)) as EventExport;

describe("JSON export and import", () => {
  let temp: Awaited<ReturnType<typeof openTempDatabase>>;
  let db: Database;
  beforeEach(async () => {
    temp = await openTempDatabase();
    db = temp.db;
  });
  afterEach(() => temp.cleanup());

  it("an export imported into an empty instance exports the same event again", async () => {
    const organiser = await createAccount(db);
    const weekend = await seedWeekend(db, organiser.accountId, "Made in Lambeth");
    await db.transact(async (tx) => {
      const projectId = "project-1";
      await tx.insert(projects).values({
        id: projectId,
        eventId: weekend.event.id,
        teamId: weekend.ids.parksTeam,
        title: "Pop-up café",
        ownerName: "Resident of Brixton Hill",
        ownerRole: "Resident",
        coOwners: [{ name: "Parks officer", role: "Council officer" }],
        startedAt: 1_700_000_000_000,
        isPublic: true,
      });
      await tx.insert(projectMilestones).values({ id: "m1", projectId, day: 30, title: "First café", dueAt: 1_702_592_000_000 });
      await tx.insert(projectCheckIns).values({
        id: "c1",
        projectId,
        status: "at_risk",
        progress: "Found a site",
        numbers: [{ label: "people asked", value: 40 }],
        links: ["https://example.test/cafe"],
        learning: "Ask the park users first",
        authorName: "Resident of Brixton Hill",
      });
      // A map board with a pinned note that had a photo (photos are files: the JSON says one was there).
      await tx.insert(boards).values({
        id: "map-board",
        eventId: weekend.event.id,
        title: "Map of the estate",
        template: "map",
        columns: [{ key: "places", title: "Places" }],
        mapPhotoId: "map-photo",
        position: 5,
      });
      await tx.insert(notePhotos).values([
        {
          id: "map-photo",
          boardId: "map-board",
          eventId: weekend.event.id,
          storageKey: "k1",
          contentType: "image/png",
          bytes: 10,
          uploadedBy: "a:x",
        },
        {
          id: "note-photo",
          boardId: "map-board",
          eventId: weekend.event.id,
          storageKey: "k2",
          contentType: "image/png",
          bytes: 10,
          uploadedBy: "a:x",
        },
      ]);
      await tx.insert(notes).values({
        id: "pinned",
        boardId: "map-board",
        column: "places",
        text: "The bench by the playground",
        colour: "yellow",
        authorParticipantId: weekend.people[0]?.id ?? null,
        position: 1,
        pinX: 0.25,
        pinY: 0.75,
        photoId: "note-photo",
      });
      await tx
        .insert(projectRisks)
        .values({ projectId, item: "food_safety", checked: true, notes: "Level 2 hygiene", checkedBy: "Parks officer" });
    });

    const first = await loadEventExport(db.read, weekend.event.id);
    if (!first) throw new Error("no export");
    // Through text, as a file would travel.
    const parsed = parseEventExport(JSON.parse(JSON.stringify(first)));
    if (!parsed.ok) throw new Error(parsed.message);

    // An instance that has never seen this event.
    const other = await openTempDatabase();
    try {
      const importer = await createAccount(other.db, "Organiser elsewhere");
      const { eventId, slug } = await importEvent(other.db, parsed.data, importer.accountId);
      expect(slug).toBe(first.event.slug);
      const second = await loadEventExport(other.db.read, eventId);
      if (!second) throw new Error("import left no event");
      expect(second.event.status).toBe("draft");
      expect(comparable(second)).toEqual(comparable(first));
      // Every feature was there to round-trip: the column-less people's choice board, judges,
      // a map pin, a photo, a project with a check-in.
      expect(first.boards.find((b) => b.title === "People's choice")?.columns).toEqual([]);
      expect(first.presentations.judges.length).toBeGreaterThan(0);
      expect(first.boards.flatMap((b) => b.notes).find((n) => n.text === "The bench by the playground")).toMatchObject({
        pin: { x: 0.25, y: 0.75 },
        hadPhoto: true,
      });
      expect(first.projects[0]?.checkIns).toHaveLength(1);
      // Same report, apart from the date of export.
      expect(eventMarkdown({ ...noPhotoFlags(second), exportedAt: first.exportedAt })).toBe(eventMarkdown(noPhotoFlags(first)));
      for (const table of csvTables)
        expect(renderCsvTable(table, noPhotoFlags(second))).toBe(renderCsvTable(table, noPhotoFlags(first)));
      // No id of the exporting instance survives, nor any staff account's.
      const json = JSON.stringify(second);
      for (const id of [
        weekend.event.id,
        weekend.ids.parksTeam,
        weekend.boardId,
        weekend.peoplesChoiceBoardId,
        organiser.accountId,
        ...weekend.noteIds,
      ])
        expect(json).not.toContain(id);
      // The presentations came across, and read the same.
      expect(second.presentations.showcases.map((x) => x.title)).toEqual([weekendText.showcaseTitle]);
      expect(second.presentations.run?.order).toEqual(second.teams.map((t) => t.id).reverse());
      expect(comparable({ ...second, presentations: teamReports(second).map((t) => t.presentation) } as never)).toEqual(
        comparable({ ...first, presentations: teamReports(first).map((t) => t.presentation) } as never),
      );
    } finally {
      other.cleanup();
    }
  });

  it("presentations: staff judges and voters are one pseudonym, reactions are counts, results match the live ones", async () => {
    const organiser = await createAccount(db, "Organiser with a private name");
    const weekend = await seedWeekend(db, organiser.accountId, "Made in Lambeth");
    const data = await loadEventExport(db.read, weekend.event.id);
    if (!data) throw new Error("no export");
    const p = data.presentations;
    const json = JSON.stringify(data);
    expect(json).not.toContain(organiser.accountId);
    expect(json).not.toContain("Organiser with a private name");
    // The organiser voted, judged and gave feedback: one staff pseudonym for all three.
    const peoplesChoice = data.voteRounds.find((r) => r.targets === "teams");
    const staffVoter = peoplesChoice?.votes.find((v) => v.voter.startsWith("staff-"))?.voter;
    expect(staffVoter).toMatch(/^staff-\d+$/);
    expect(p.judges.find((j) => j.judge === staffVoter)).toMatchObject({ name: "Staff" });
    expect(p.scores.filter((x) => x.judge === staffVoter)).toHaveLength(3);
    expect(p.feedback.map((f) => f.author)).toEqual([weekend.people[2].id, staffVoter]);
    expect(p.reactions).toEqual([
      { teamId: weekend.ids.parksTeam, kind: "clap", count: 3 },
      { teamId: weekend.ids.parksTeam, kind: "idea", count: 1 },
      { teamId: weekend.ids.websiteTeam, kind: "love", count: 1 },
    ]);
    expect(p.run).toMatchObject({
      order: [weekend.ids.websiteTeam, weekend.ids.parksTeam],
      peoplesChoiceBoardId: weekend.peoplesChoiceBoardId,
      criteria: [{ teamId: weekend.ids.websiteTeam, criteria: ["People can find things", "It could be built"] }],
    });

    // The report, read from the export, says what the live results say.
    const live = await loadResults(db.read, weekend.event.id);
    const reports = teamReports(data);
    for (const row of live.rows) {
      const report = reports.find((r) => r.id === row.teamId)?.presentation;
      expect(report?.combined).toEqual({ score: row.combined, rank: row.rank });
      expect(report?.peoplesChoice).toEqual({ votes: row.votes, rank: row.votesRank });
      expect(report?.judging?.total).toBe(row.judging.total);
      expect(report?.judging?.max).toBe(row.judging.max);
      expect(
        Object.fromEntries(
          report?.judging?.criteria.flatMap((c) => (c.average === null ? [] : [[c.criterion, c.average]])) ?? [],
        ),
      ).toEqual(row.judging.averages);
    }
    const parks = reports.find((r) => r.id === weekend.ids.parksTeam)?.presentation;
    expect(parks).toMatchObject({
      takenForwardBy: "Project lead, Public Realm services",
      order: 2,
      judging: { criteria: [{ criterion: weekendText.parksCriterion, average: 4.5, judges: 2 }], total: 4.5, max: 5 },
      peoplesChoice: { votes: 2, rank: 1 },
      combined: { score: 95, rank: 1 },
    });
    const judging = renderCsvTable(findCsvTable("judging") as NonNullable<ReturnType<typeof findCsvTable>>, data);
    expect(judging).toContain(`Parks team,${weekendText.parksCriterion},4.5,2`);
    expect(judging).toContain("Website team,People can find things,2.5,2");
  });

  it("showcase images are listed, not carried: the imported showcase has none", async () => {
    const organiser = await createAccount(db);
    const weekend = await seedWeekend(db, organiser.accountId, "Made in Lambeth");
    const imageId = crypto.randomUUID();
    await db.transact(async (tx) => {
      await tx.insert(showcaseImages).values({
        id: imageId,
        teamId: weekend.ids.parksTeam,
        eventId: weekend.event.id,
        storageKey: "showcase/x.png",
        contentType: "image/png",
        bytes: 68,
        uploadedBy: "p:someone",
      });
      await tx
        .update(showcases)
        .set({ imageIds: [imageId] })
        .where(eq(showcases.teamId, weekend.ids.parksTeam));
    });
    const first = await loadEventExport(db.read, weekend.event.id);
    if (!first) throw new Error("no export");
    expect(first.presentations.showcases[0]?.images).toEqual([
      expect.objectContaining({ id: imageId, contentType: "image/png", size: 68 }),
    ]);
    expect(eventMarkdown(first)).toContain("1 image shown (not in this report).");
    const { eventId } = await importEvent(db, first, organiser.accountId);
    const second = await loadEventExport(db.read, eventId);
    expect(second?.presentations.showcases[0]?.images).toEqual([]);
    expect(second?.presentations.showcases[0]?.title).toBe(weekendText.showcaseTitle);
  });

  it("importing twice into one instance makes two events and never overwrites", async () => {
    const organiser = await createAccount(db);
    const weekend = await seedWeekend(db, organiser.accountId, "Made in Lambeth");
    const data = await loadEventExport(db.read, weekend.event.id);
    if (!data) throw new Error("no export");
    const a = await importEvent(db, data, organiser.accountId);
    const b = await importEvent(db, data, organiser.accountId);
    expect(new Set([weekend.event.slug, a.slug, b.slug]).size).toBe(3);
    const original = await loadEventExport(db.read, weekend.event.id);
    expect(original?.teams.map((t) => t.id)).toEqual(data.teams.map((t) => t.id));
  });

  it("keeps private things out: access needs, contact without consent, resume tokens", async () => {
    const organiser = await createAccount(db);
    const weekend = await seedWeekend(db, organiser.accountId);
    const data = await loadEventExport(db.read, weekend.event.id);
    const json = JSON.stringify(data);
    expect(json).not.toContain(weekendText.privateContact);
    expect(json).not.toContain("step-free");
    expect(json).not.toContain("resumeToken");
    expect(json).toContain(weekendText.consentingContact);
  });
});

describe("a hostile or broken export", () => {
  it("is refused whole: a dot beyond the round's budget leaves no event behind", async () => {
    const temp = await openTempDatabase();
    try {
      const organiser = await createAccount(temp.db);
      const weekend = await seedWeekend(temp.db, organiser.accountId, "Made in Lambeth");
      const data = await loadEventExport(temp.db.read, weekend.event.id);
      if (!data) throw new Error("no export");
      const round = data.voteRounds[0];
      const vote = round?.votes[0];
      if (!round || !vote) throw new Error("no votes");
      round.votes.push({ ...vote, slot: 99 });
      const before = (await temp.db.read.select().from(events)).length;
      await expect(importEvent(temp.db, data, organiser.accountId)).rejects.toThrow();
      expect((await temp.db.read.select().from(events)).length).toBe(before);
    } finally {
      temp.cleanup();
    }
  });
});
