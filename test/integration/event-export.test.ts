import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { unzipSync } from "fflate";
import sharp from "sharp";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/db/client";
import {
  boards,
  briefFiles,
  briefs,
  eventFollowUps,
  events,
  notePhotos,
  notes,
  participants,
  projectCheckIns,
  projectMilestones,
  projectRisks,
  projects,
  showcaseImages,
  showcases,
  teamMembers,
  teams,
} from "@/db/schema";
import { addBriefFile } from "@/lib/briefs/add-brief-file";
import { csvTables, findCsvTable, renderCsvTable } from "@/lib/exports/csv-tables";
import { eventArchiveEntries } from "@/lib/exports/event-archive";
import { teamReports } from "@/lib/exports/event-report";
import { type EventExport, parseEventExport } from "@/lib/exports/export-schema";
import { importEvent } from "@/lib/exports/import-event";
import { loadEventExport } from "@/lib/exports/load-event-export";
import { eventMarkdown } from "@/lib/exports/markdown-report";
import { readEventUpload } from "@/lib/exports/read-upload";
import { zipStream } from "@/lib/exports/zip-stream";
import { prepareImage, saveImage } from "@/lib/files/images";
import { LocalDiskStorage, newStorageKey } from "@/lib/files/storage";
import { leftName } from "@/lib/participants/profile-facts";
import { loadResults } from "@/lib/presentations/results";
import { createCatchUp } from "@/lib/projects/catch-up";
import { seedWeekend, weekendText } from "../support/seeded-weekend";
import { phonePhoto } from "../support/test-images";
import { createAccount, openTempDatabase } from "./support/fixtures";

// The presentations' results are server code; here they run against a test database directly.
vi.mock("server-only", () => ({}));

/**
 * What may differ after export → import → export, and why: ids (every imported row gets a new
 * one, and files' paths in the archive are named by them), the slug (another event may hold it),
 * the status (an import starts as a draft) and the time of export. Everything else must be
 * identical, the photos and files included (compared apart, by their bytes and pixels, below).
 */
function comparable(data: EventExport, { lossySizes = new Set<string>() } = {}) {
  const ids = new Map<string, string>();
  const idKeys =
    /^(id|briefId|teamId|boardId|groupId|authorParticipantId|sourceNoteId|targetId|voter|judge|author|editor|currentTeamId|peoplesChoiceBoardId|photo|mapImage|path)$/;
  const rename = (value: string) => {
    if (!ids.has(value)) ids.set(value, `#${ids.size + 1}`);
    return ids.get(value);
  };
  const walk = (value: unknown, key = ""): unknown => {
    if (Array.isArray(value))
      return value.map((v) => (typeof v === "string" && /^(memberIds|shortlist|order|photos)$/.test(key) ? rename(v) : walk(v)));
    if (value && typeof value === "object") {
      const entries = Object.entries(value);
      // A JPEG or WebP is encoded again when it is imported (lib/files/images.ts: the stored file
      // is always our own encoding), so its byte count moves a little; its pixels are compared below.
      const path = (value as { path?: unknown }).path;
      return Object.fromEntries(
        entries.map(([k, v]) => [k, k === "size" && typeof path === "string" && lossySizes.has(path) ? "lossy" : walk(v, k)]),
      );
    }
    if (typeof value === "string" && idKeys.test(key) && !value.startsWith("staff-")) return rename(value);
    return value;
  };
  const { exportedAt: _at, event, ...rest } = data;
  const { slug: _slug, status: _status, ...eventFields } = event;
  return walk({ event: eventFields, ...rest });
}

/** Every file path the export names, in the order the JSON names them. */
const pathsIn = (data: EventExport) => {
  const paths: string[] = [];
  JSON.stringify(data, (k, v) => {
    if ((k === "photo" || k === "mapImage" || k === "path") && typeof v === "string") paths.push(v);
    if (k === "photos" && Array.isArray(v)) paths.push(...v);
    return v;
  });
  return [...new Set(paths)];
};

async function archiveOf(db: Database, storage: LocalDiskStorage, eventId: string, data: EventExport) {
  const chunks: Uint8Array[] = [];
  const entries = eventArchiveEntries(db.read, storage, { slug: data.event.slug, eventId }, data);
  for await (const chunk of zipStream(entries) as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}

/** What a file is, as a person would notice: its kind, its size in pixels, and its bytes. */
async function describeFile(bytes: Uint8Array | undefined) {
  if (!bytes) return null;
  const isPdf = Buffer.from(bytes.subarray(0, 5)).toString("latin1") === "%PDF-";
  if (isPdf) return { format: "pdf", bytes: Buffer.from(bytes).toString("base64") };
  const meta = await sharp(Buffer.from(bytes)).metadata();
  return {
    format: meta.format,
    width: meta.width,
    height: meta.height,
    // PNG is lossless, so encoding it again gives the same bytes; JPEG and WebP are compared by pixels.
    bytes: meta.format === "png" ? Buffer.from(bytes).toString("base64") : undefined,
  };
}

/** The mean difference per channel (0–255) between two images of the same size. */
async function pixelDifference(a: Uint8Array, b: Uint8Array) {
  const [x, y] = await Promise.all([a, b].map((bytes) => sharp(Buffer.from(bytes)).removeAlpha().raw().toBuffer()));
  if (!x || !y || x.length !== y.length) return Number.POSITIVE_INFINITY;
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += Math.abs((x[i] as number) - (y[i] as number));
  return sum / x.length;
}

const pdfBytes = new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

describe("JSON export and import", () => {
  let temp: Awaited<ReturnType<typeof openTempDatabase>>;
  let db: Database;
  let uploads: string;
  beforeEach(async () => {
    temp = await openTempDatabase();
    db = temp.db;
    uploads = mkdtempSync(join(tmpdir(), "madein-roundtrip-"));
  });
  afterEach(() => {
    temp.cleanup();
    rmSync(uploads, { recursive: true, force: true });
  });

  it("an event's zip imported into an empty instance exports the same event and the same files again", async () => {
    const storage = new LocalDiskStorage(join(uploads, "first"));
    const organiser = await createAccount(db);
    const weekend = await seedWeekend(db, organiser.accountId, "Made in Lambeth");
    const eventId = weekend.event.id;
    // Every kind of file, each through the pipeline an upload takes.
    const stored = async (bytes: Uint8Array) => {
      const prepared = await prepareImage(bytes);
      if (!prepared.ok) throw new Error(prepared.message);
      const storageKey = newStorageKey();
      await saveImage(storage, storageKey, prepared.image);
      return { storageKey, contentType: prepared.image.contentType, bytes: prepared.image.bytes.byteLength };
    };
    const mapImage = await stored(await phonePhoto("png", { width: 1600, height: 1000 }));
    const notePhoto = await stored(await phonePhoto("jpeg", { width: 1200, height: 900 }));
    const showcasePhoto = await stored(await phonePhoto("webp", { width: 1000, height: 800 }));
    const checkInPhoto = await stored(await phonePhoto("jpeg", { width: 800, height: 600 }));
    // One titled, one untitled (the public page calls it "File 2"): both come back as they were.
    for (const [name, title, bytes] of [
      ["site plan.png", "Site plan", await phonePhoto("png", { width: 600, height: 400 })],
      ["budget.pdf", "", pdfBytes],
    ] as const) {
      const pack = await addBriefFile(db, storage, {
        eventId,
        briefId: weekend.ids.parksBrief,
        title,
        file: { name, size: bytes.byteLength, bytes: new Uint8Array(bytes) },
        uploadedBy: organiser.accountId,
      });
      if (!pack.ok) throw new Error(pack.message);
    }
    const showcaseImageId = randomUUID();
    await db.transact(async (tx) => {
      const projectId = "project-1";
      await tx.insert(projects).values({
        id: projectId,
        eventId,
        teamId: weekend.ids.parksTeam,
        title: "Pop-up café",
        ownerName: "Resident of Brixton Hill",
        ownerRole: "Resident",
        coOwners: [{ name: "Parks officer", role: "Council officer" }],
        // Their emails' language, chosen on their page: the same after a round trip.
        ownerLanguage: "pt-PT",
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
        photos: [{ storageKey: checkInPhoto.storageKey, contentType: checkInPhoto.contentType }],
        learning: "Ask the park users first",
        authorName: "Resident of Brixton Hill",
      });
      // A map board with its map image, and a pinned note with a photo.
      await tx.insert(boards).values({
        id: "map-board",
        eventId,
        title: "Map of the estate",
        template: "map",
        columns: [{ key: "places", title: "Places" }],
        mapPhotoId: "map-photo",
        position: 5,
      });
      await tx.insert(notePhotos).values([
        { id: "map-photo", boardId: "map-board", eventId, uploadedBy: "a:x", ...mapImage },
        { id: "note-photo", boardId: "map-board", eventId, uploadedBy: "a:x", ...notePhoto },
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
      await tx.insert(showcaseImages).values({
        id: showcaseImageId,
        teamId: weekend.ids.parksTeam,
        eventId,
        uploadedBy: "p:someone",
        ...showcasePhoto,
      });
      await tx
        .update(showcases)
        .set({ imageIds: [showcaseImageId] })
        .where(eq(showcases.teamId, weekend.ids.parksTeam));
      await tx
        .insert(projectRisks)
        .values({ projectId, item: "food_safety", checked: true, notes: "Level 2 hygiene", checkedBy: "Parks officer" });
      // The privacy notice people joined under: who answers for their data, and for how long it is kept.
      await tx
        .update(events)
        .set({ dataController: "London Borough of Lambeth", privacyContact: "dpo@lambeth.example", retentionMonths: 24 })
        .where(eq(events.id, eventId));
    });

    const first = await loadEventExport(db.read, eventId);
    if (!first) throw new Error("no export");
    const firstZip = await archiveOf(db, storage, eventId, first);
    // The zip travels as a file, and is read as the import page reads it.
    const upload = await readEventUpload(firstZip);
    if (!upload.ok) throw new Error(upload.message);
    expect(upload.kind).toBe("zip");
    const parsed = parseEventExport(upload.raw);
    if (!parsed.ok) throw new Error(parsed.message);

    // An instance that has never seen this event, with storage of its own.
    const other = await openTempDatabase();
    const otherStorage = new LocalDiskStorage(join(uploads, "second"));
    try {
      const importer = await createAccount(other.db, "Organiser elsewhere");
      const imported = await importEvent(other.db, parsed.data, importer.accountId, {
        files: upload.files,
        storage: otherStorage,
      });
      const { eventId: secondId, slug } = imported;
      expect(slug).toBe(first.event.slug);
      expect(imported.files).toEqual({ carried: 6, missing: [] });
      const second = await loadEventExport(other.db.read, secondId);
      if (!second) throw new Error("import left no event");
      expect(second.event.status).toBe("draft");
      expect(second.event).toMatchObject({
        dataController: "London Borough of Lambeth",
        privacyContact: "dpo@lambeth.example",
        retentionMonths: 24,
      });
      const secondZip = unzipSync(await archiveOf(other.db, otherStorage, secondId, second));
      const firstFiles = unzipSync(firstZip);

      // Every file the first export names came across, and the second names as many.
      const firstPaths = pathsIn(first);
      const secondPaths = pathsIn(second);
      expect(firstPaths).toHaveLength(6);
      expect(secondPaths).toHaveLength(firstPaths.length);
      expect(secondPaths.every((p) => !firstPaths.includes(p))).toBe(true);
      const lossy = new Set<string>();
      for (const [n, path] of firstPaths.entries()) {
        const before = firstFiles[path];
        const after = secondZip[secondPaths[n] as string];
        expect(after, `${path} is in the second zip`).toBeDefined();
        expect(await describeFile(after), path).toEqual(await describeFile(before));
        const format = (await describeFile(before))?.format;
        if (format === "jpeg" || format === "webp") {
          lossy.add(path).add(secondPaths[n] as string);
          // Encoded again at the same quality: the same picture to the eye.
          expect(await pixelDifference(before as Uint8Array, after as Uint8Array)).toBeLessThan(2);
        }
      }
      // The JSON itself: equal apart from the allowed fields, the photo fields included.
      expect(comparable(second, { lossySizes: lossy })).toEqual(comparable(first, { lossySizes: lossy }));
      const pinned = (data: EventExport) =>
        data.boards.flatMap((b) => b.notes).find((n) => n.text === "The bench by the playground");
      expect(pinned(first)).toMatchObject({ pin: { x: 0.25, y: 0.75 }, hadPhoto: true });
      expect(pinned(second)).toMatchObject({ hadPhoto: true, photo: expect.stringMatching(/^files\/note-photos\/.+\.jpg$/) });
      expect(second.boards.find((b) => b.title === "Map of the estate")?.mapImage).toMatch(/^files\/map-images\/.+\.png$/);
      // The imported rows point at the new event's own stored files.
      const [photoRow] = await other.db.read.select().from(notePhotos).where(eq(notePhotos.eventId, secondId));
      expect(await otherStorage.read(photoRow?.storageKey ?? "")).not.toBeNull();
      for (const width of [320, 640])
        expect(await otherStorage.read(photoRow?.storageKey ?? "", `w${width}`), `a ${width}px copy`).not.toBeNull();
      // Every feature was there to round-trip: the column-less people's choice board, judges,
      // a map with a pin, photos, a project with a check-in, a showcase image, a project pack.
      expect(first.boards.find((b) => b.title === "People's choice")?.columns).toEqual([]);
      expect(first.presentations.judges.length).toBeGreaterThan(0);
      expect(first.projects[0]?.checkIns).toHaveLength(1);
      expect(second.projects[0]?.checkIns[0]?.photoCount).toBe(1);
      expect(second.presentations.showcases[0]?.images).toHaveLength(1);
      expect(second.briefs.flatMap((b) => b.files).map((f) => f.fileName)).toEqual(["site-plan.png", "budget.pdf"]);
      // Same report and tables, apart from the date of export.
      expect(eventMarkdown({ ...second, exportedAt: first.exportedAt })).toBe(eventMarkdown(first));
      for (const table of csvTables) expect(renderCsvTable(table, second)).toBe(renderCsvTable(table, first));
      // No id of the exporting instance survives, nor any staff account's.
      const json = JSON.stringify(second);
      for (const id of [
        eventId,
        weekend.ids.parksTeam,
        weekend.boardId,
        weekend.peoplesChoiceBoardId,
        organiser.accountId,
        showcaseImageId,
        ...weekend.noteIds,
      ])
        expect(json).not.toContain(id);
      // The presentations came across, and read the same.
      expect(second.presentations.showcases.map((x) => x.title)).toEqual([weekendText.showcaseTitle]);
      expect(second.presentations.run?.order).toEqual(second.teams.map((t) => t.id).reverse());
      expect(
        comparable({ ...second, presentations: teamReports(second).map((t) => t.presentation) } as never, { lossySizes: lossy }),
      ).toEqual(
        comparable({ ...first, presentations: teamReports(first).map((t) => t.presentation) } as never, { lossySizes: lossy }),
      );

      // The JSON alone still imports: the same event, with its files said to be missing.
      const plain = await readEventUpload(new TextEncoder().encode(JSON.stringify(first)));
      if (!plain.ok) throw new Error(plain.message);
      const reparsed = parseEventExport(plain.raw);
      if (!reparsed.ok) throw new Error(reparsed.message);
      const jsonOnly = await importEvent(other.db, reparsed.data, importer.accountId, {
        files: plain.files,
        storage: otherStorage,
      });
      expect(jsonOnly.files).toEqual({ carried: 0, missing: firstPaths });
      const third = await loadEventExport(other.db.read, jsonOnly.eventId);
      expect(pathsIn(third as EventExport)).toEqual([]);
      expect(pinned(third as EventExport)).toMatchObject({ hadPhoto: false, photo: null });
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
    // The organiser judged and gave feedback: one staff pseudonym for both. Their dots, like
    // everyone's, are a pseudonym of the round: nobody may see who voted for what.
    const staffVoter = p.judges.find((j) => j.judge.startsWith("staff-"))?.judge;
    expect(staffVoter).toMatch(/^staff-\d+$/);
    const participantIds = new Set(data.participants.map((x) => x.id));
    for (const round of data.voteRounds) {
      expect(round.votes.length).toBeGreaterThan(0);
      for (const v of round.votes) {
        expect(v.voter).toMatch(/^voter-\d+$/);
        expect(participantIds.has(v.voter)).toBe(false);
      }
    }
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

  it("a plain JSON import lists showcase images as missing: the imported showcase has none", async () => {
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
    const { eventId, files } = await importEvent(db, first, organiser.accountId);
    expect(files).toEqual({ carried: 0, missing: [`files/showcase-images/${imageId}.png`] });
    // An export made before files had paths still says, in words, what did not come across.
    const older = JSON.parse(JSON.stringify(first), (k, v) => (k === "path" ? undefined : v)) as EventExport;
    const fromOlder = await importEvent(db, older, organiser.accountId);
    expect(fromOlder.files.missing).toEqual([`an image in the showcase "${weekendText.showcaseTitle}"`]);
    const second = await loadEventExport(db.read, eventId);
    expect(second?.presentations.showcases[0]?.images).toEqual([]);
    expect(second?.presentations.showcases[0]?.title).toBe(weekendText.showcaseTitle);
  });

  it("an export made before it carried the privacy settings imports with a new event's: kept 12 months, no controller named", async () => {
    const organiser = await createAccount(db);
    const weekend = await seedWeekend(db, organiser.accountId, "Made in Lambeth");
    const exported = await loadEventExport(db.read, weekend.event.id);
    if (!exported) throw new Error("no export");
    const { dataController: _c, privacyContact: _p, retentionMonths: _m, ...olderEvent } = exported.event;
    const parsed = parseEventExport(JSON.parse(JSON.stringify({ ...exported, event: olderEvent })));
    if (!parsed.ok) throw new Error(parsed.message);
    const { eventId } = await importEvent(db, parsed.data, organiser.accountId);
    const [event] = await db.read.select().from(events).where(eq(events.id, eventId));
    expect(event).toMatchObject({ dataController: "", privacyContact: "", retentionMonths: 12 });
    // A period the settings form does not offer is refused, as the form would.
    const odd = parseEventExport(JSON.parse(JSON.stringify({ ...exported, event: { ...exported.event, retentionMonths: 7 } })));
    expect(odd).toMatchObject({ ok: false, message: expect.stringContaining("the event's details (retentionMonths)") });
  });

  it("a project owner's chosen language travels with the event; one this installation doesn't speak, or none, imports as none", async () => {
    const organiser = await createAccount(db);
    const weekend = await seedWeekend(db, organiser.accountId, "Made in Lambeth");
    await db.transact((tx) =>
      tx.insert(projects).values({
        id: randomUUID(),
        eventId: weekend.event.id,
        teamId: weekend.ids.parksTeam,
        title: "Pop-up café",
        ownerName: "Resident of Brixton Hill",
        ownerRole: "Resident",
        startedAt: 1_700_000_000_000,
        ownerLanguage: "pl",
      }),
    );
    const exported = await loadEventExport(db.read, weekend.event.id);
    if (!exported) throw new Error("no export");
    expect(exported.projects.length).toBeGreaterThan(0);
    expect(exported.projects.map((p) => p.ownerLanguage)).toEqual(exported.projects.map(() => "pl"));
    const ownerLanguages = async (data: unknown) => {
      const parsed = parseEventExport(JSON.parse(JSON.stringify(data)));
      if (!parsed.ok) throw new Error(parsed.message);
      const { eventId } = await importEvent(db, parsed.data, organiser.accountId);
      return (await db.read.select().from(projects).where(eq(projects.eventId, eventId))).map((p) => p.ownerLanguage);
    };
    // Their reminders keep speaking Polish in the imported copy.
    expect(new Set(await ownerLanguages(exported))).toEqual(new Set(["pl"]));
    const withLanguage = (language: unknown) => ({
      ...exported,
      projects: exported.projects.map((p) => ({ ...p, ownerLanguage: language })),
    });
    expect(new Set(await ownerLanguages(withLanguage("tlh")))).toEqual(new Set([null]));
    // An export from before owners chose a language has no such field.
    const older = { ...exported, projects: exported.projects.map(({ ownerLanguage: _l, ...p }) => p) };
    expect(new Set(await ownerLanguages(older))).toEqual(new Set([null]));
    // Anything but a short text is refused, as any other field would be.
    expect(parseEventExport(JSON.parse(JSON.stringify(withLanguage("x".repeat(41)))))).toMatchObject({ ok: false });
  });

  it("a participant's own language travels with the event; one this installation doesn't speak, or none, imports as none", async () => {
    const organiser = await createAccount(db);
    const weekend = await seedWeekend(db, organiser.accountId, "Made in Lambeth");
    const [first, second] = weekend.people;
    if (!first || !second) throw new Error("no people");
    await db.transact(async (tx) => {
      await tx.update(participants).set({ language: "pl" }).where(eq(participants.id, first.id));
      await tx.update(participants).set({ language: "fr" }).where(eq(participants.id, second.id));
    });
    const exported = await loadEventExport(db.read, weekend.event.id);
    if (!exported) throw new Error("no export");
    const byName = (rows: { displayName: string; language: string | null }[]) =>
      Object.fromEntries(rows.map((p) => [p.displayName, p.language]));
    expect(byName(exported.participants)).toMatchObject({ [first.displayName]: "pl", [second.displayName]: "fr" });
    const languages = async (data: unknown) => {
      const parsed = parseEventExport(JSON.parse(JSON.stringify(data)));
      if (!parsed.ok) throw new Error(parsed.message);
      const { eventId } = await importEvent(db, parsed.data, organiser.accountId);
      return byName(await db.read.select().from(participants).where(eq(participants.eventId, eventId)));
    };
    // Their screens and emails keep speaking Polish and French in the imported copy.
    expect(await languages(exported)).toEqual(byName(exported.participants));
    const withLanguage = (language: unknown) => ({
      ...exported,
      participants: exported.participants.map((p) => ({ ...p, language })),
    });
    expect(new Set(Object.values(await languages(withLanguage("tlh"))))).toEqual(new Set([null]));
    // An archive from before leaving erased it still names the language of someone who left: not imported.
    const withLeaver = {
      ...exported,
      participants: exported.participants.map((p) =>
        p.id === first.id ? { ...p, displayName: leftName, leftAt: exported.exportedAt } : p,
      ),
    };
    expect(await languages(withLeaver)).toMatchObject({ [leftName]: null, [second.displayName]: "fr" });
    // An export from before it was kept has no such field.
    const older = { ...exported, participants: exported.participants.map(({ language: _l, ...p }) => p) };
    expect(new Set(Object.values(await languages(older)))).toEqual(new Set([null]));
    // Anything but a short text is refused, as any other field would be.
    expect(parseEventExport(JSON.parse(JSON.stringify(withLanguage("x".repeat(41)))))).toMatchObject({ ok: false });
    expect(parseEventExport(JSON.parse(JSON.stringify(withLanguage(7))))).toMatchObject({ ok: false });
  });

  it("a catch-up imported where its weekend is organised by the importer follows it again; anyone else is told it follows none", async () => {
    const organiser = await createAccount(db);
    const weekend = await seedWeekend(db, organiser.accountId, "Made in Lambeth");
    const catchUp = await db.transact((tx) =>
      createCatchUp(tx, {
        followsEventId: weekend.event.id,
        name: "30-day catch-up",
        place: "Brixton library",
        startsAt: Date.UTC(2027, 1, 3, 18),
        endsAt: Date.UTC(2027, 1, 3, 20),
        createdBy: organiser.accountId,
      }),
    );
    const exported = await loadEventExport(db.read, catchUp.id);
    if (!exported) throw new Error("no export");
    expect(exported.event.followsEventSlug).toBe(weekend.event.slug);
    const parsed = parseEventExport(JSON.parse(JSON.stringify(exported)));
    if (!parsed.ok) throw new Error(parsed.message);
    const followed = async (eventId: string) =>
      (await db.read.select().from(eventFollowUps).where(eq(eventFollowUps.eventId, eventId)))[0]?.followsEventId ?? null;

    const mine = await importEvent(db, parsed.data, organiser.accountId);
    expect(mine.follows).toEqual({ slug: weekend.event.slug, outcome: "linked" });
    expect(await followed(mine.eventId)).toBe(weekend.event.id);
    // Exported again, it says so as the original did.
    expect((await loadEventExport(db.read, mine.eventId))?.event.followsEventSlug).toBe(weekend.event.slug);

    // Someone who does not organise the weekend: their copy follows nothing (the weekend's projects are not theirs to see).
    const stranger = await createAccount(db, "Organiser elsewhere");
    const theirs = await importEvent(db, parsed.data, stranger.accountId);
    expect(theirs.follows).toEqual({ slug: weekend.event.slug, outcome: "unlinked" });
    expect(await followed(theirs.eventId)).toBeNull();
  });

  it("an export from before two teams could not share a name imports them told apart, members and all", async () => {
    const organiser = await createAccount(db);
    const weekend = await seedWeekend(db, organiser.accountId, "Made in Lambeth");
    const exported = await loadEventExport(db.read, weekend.event.id);
    const [first, second] = exported?.teams ?? [];
    if (!exported || !first || !second) throw new Error("no teams");
    const alike = { ...exported, teams: [first, { ...second, name: first.name.toLocaleUpperCase("en-GB") }] };
    const parsed = parseEventExport(JSON.parse(JSON.stringify(alike)));
    if (!parsed.ok) throw new Error(parsed.message);
    const { eventId } = await importEvent(db, parsed.data, organiser.accountId);
    const imported = await db.read.select().from(teams).where(eq(teams.eventId, eventId)).orderBy(teams.position);
    expect(imported.map((x) => x.name)).toEqual([first.name, `${first.name.toLocaleUpperCase("en-GB")} (2)`]);
    const members = await db.read.select().from(teamMembers).where(eq(teamMembers.eventId, eventId));
    expect(members).toHaveLength(first.memberIds.length + second.memberIds.length);
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
  it("a file in the zip that isn't what the JSON says is refused by name, and nothing is kept", async () => {
    const temp = await openTempDatabase();
    const uploads = mkdtempSync(join(tmpdir(), "madein-refused-"));
    try {
      const organiser = await createAccount(temp.db);
      const weekend = await seedWeekend(temp.db, organiser.accountId, "Made in Lambeth");
      const data = await loadEventExport(temp.db.read, weekend.event.id);
      if (!data) throw new Error("no export");
      const note = data.boards.find((b) => b.id === weekend.boardId)?.notes[0];
      if (!note) throw new Error("no note");
      note.photo = "files/note-photos/fake.jpg";
      note.hadPhoto = true;
      const storage = new LocalDiskStorage(uploads);
      const files = new Map([["files/note-photos/fake.jpg", new TextEncoder().encode("not a photo at all")]]);
      const before = (await temp.db.read.select().from(events)).length;
      await expect(importEvent(temp.db, data, organiser.accountId, { files, storage })).rejects.toThrow(
        "That zip can't be imported: the photo on a note on board \"Parks ideas\" (files/note-photos/fake.jpg) was refused. This isn't a JPEG, PNG or WebP image.",
      );
      expect((await temp.db.read.select().from(events)).length).toBe(before);
    } finally {
      temp.cleanup();
      rmSync(uploads, { recursive: true, force: true });
    }
  });

  /** A seeded weekend exported, its first brief's pack replaced by these PDFs, imported again: the stored rows. */
  async function importPack(files: { title: string; fileName: string }[]) {
    const temp = await openTempDatabase();
    const uploads = mkdtempSync(join(tmpdir(), "madein-pack-"));
    try {
      const organiser = await createAccount(temp.db);
      const weekend = await seedWeekend(temp.db, organiser.accountId, "Made in Lambeth");
      const data = await loadEventExport(temp.db.read, weekend.event.id);
      const brief = data?.briefs[0];
      if (!data || !brief) throw new Error("no brief to carry a file");
      brief.files = files.map((f, n) => ({
        ...f,
        contentType: "application/pdf",
        size: pdfBytes.byteLength,
        path: `files/brief-files/pack-${n}.pdf`,
      }));
      const imported = await importEvent(temp.db, data, organiser.accountId, {
        files: new Map(brief.files.map((f) => [f.path ?? "", pdfBytes])),
        storage: new LocalDiskStorage(uploads),
      });
      return await temp.db.read
        .select({ title: briefFiles.title, fileName: briefFiles.fileName })
        .from(briefFiles)
        .innerJoin(briefs, eq(briefs.id, briefFiles.briefId))
        .where(eq(briefs.eventId, imported.eventId))
        .orderBy(briefFiles.position);
    } finally {
      temp.cleanup();
      rmSync(uploads, { recursive: true, force: true });
    }
  }

  it("a project pack file's name from the archive is cleaned as an upload's: no quotes, line breaks or characters a download header can't carry", async () => {
    const [stored] = await importPack([{ title: "Plan", fileName: '日本 "final"\r\nSet-Cookie: x=1.pdf' }]);
    expect(stored?.fileName).toMatch(/^[\w\- ]+\.pdf$/);
    expect(stored?.fileName).toContain("final");
  });

  it("an archive made when an untitled pack file took its uploaded name as its title brings that name back to no public page", async () => {
    const stored = await importPack([
      { title: "Jane-Smith-age-12.pdf", fileName: "Jane-Smith-age-12.pdf" },
      { title: "Park survey", fileName: "survey.pdf" },
    ]);
    // The staff still see the uploaded name; the public page calls the file "File 1".
    expect(stored).toEqual([
      { title: "", fileName: "Jane-Smith-age-12.pdf" },
      { title: "Park survey", fileName: "survey.pdf" },
    ]);
  });

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

  it("refuses a brief whose pack links somewhere other than a web address, or whose background is longer than the editor takes", async () => {
    const temp = await openTempDatabase();
    try {
      const organiser = await createAccount(temp.db);
      const weekend = await seedWeekend(temp.db, organiser.accountId, "Made in Lambeth");
      const data = JSON.parse(JSON.stringify(await loadEventExport(temp.db.read, weekend.event.id)));
      expect(parseEventExport(data).ok).toBe(true);
      const brief = data.briefs[0];
      brief.links = [{ kind: "link", title: "Open me", url: "javascript:alert(document.cookie)", note: "", position: 0 }];
      expect(parseEventExport(data).ok).toBe(false);
      brief.links = [];
      brief.background = "a".repeat(20_001);
      expect(parseEventExport(data).ok).toBe(false);
    } finally {
      temp.cleanup();
    }
  });
});
