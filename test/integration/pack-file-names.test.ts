/**
 * A project pack's file as the download route answers it (app/(public)/files/[fileId]/route.ts),
 * on a migrated database and real file storage: the name it was uploaded under goes to the
 * event's staff only. The route is called as Next calls it; only what Next supplies around a
 * request (the request's cookies, its "render per request" marker) is stood in for.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as downloadFile } from "@/app/(public)/files/[fileId]/route";
import { migrationsFolder } from "@/db/client";
import { briefFiles, briefs } from "@/db/schema";
import { setSharedDatabase } from "@/db/shared";
import { accountSessionCookie } from "@/lib/auth/cookies";
import { addBriefFile } from "@/lib/briefs/add-brief-file";
import { createBrief } from "@/lib/briefs/create-brief";
import { LocalDiskStorage } from "@/lib/files/storage";
import { tinyPng } from "../support/tiny-png";
import { createAccount, createTestEvent, openTempDatabase } from "./support/fixtures";

vi.mock("server-only", () => ({}));
const jar = new Map<string, string>();
vi.mock("next/headers", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/headers")>()),
  cookies: async () => ({ get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) } : undefined) }),
}));
vi.mock("next/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/server")>()),
  connection: async () => undefined,
}));
vi.mock("next-intl/server", () => ({ getTranslations: async () => (key: string) => key }));

let t: Awaited<ReturnType<typeof openTempDatabase>>;
let uploads: string;
const uploadDirBefore = process.env.UPLOAD_DIR;
beforeAll(async () => {
  t = await openTempDatabase();
  setSharedDatabase(t.db);
  uploads = mkdtempSync(join(tmpdir(), "pack-file-names-"));
  process.env.UPLOAD_DIR = uploads;
});
afterAll(() => {
  process.env.UPLOAD_DIR = uploadDirBefore;
  t?.cleanup();
  rmSync(uploads, { recursive: true, force: true });
});

const pdf = new Uint8Array(Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"));

/** A published brief "Love Your Space" whose pack holds a survey, then a photo uploaded untitled. */
async function aPackWithAChildsPhoto() {
  const organiser = await createAccount(t.db);
  const event = await createTestEvent(t.db, organiser.accountId);
  const { id: briefId } = await t.db.transact((tx) => createBrief(tx, { eventId: event.id, title: "Love Your Space" }));
  await t.db.transact((tx) => tx.update(briefs).set({ status: "published" }).where(eq(briefs.id, briefId)));
  const storage = new LocalDiskStorage(uploads);
  const add = async (title: string, file: { name: string; bytes: Uint8Array }) => {
    const added = await addBriefFile(t.db, storage, {
      eventId: event.id,
      briefId,
      title,
      file: { ...file, size: file.bytes.byteLength },
      uploadedBy: organiser.accountId,
    });
    if (!added.ok) throw new Error(added.message);
    return added.id;
  };
  await add("Park survey", { name: "survey.pdf", bytes: pdf });
  const photoId = await add("", { name: "Jane Smith age 12.png", bytes: new Uint8Array(tinyPng) });
  return { organiser, briefId, photoId };
}

async function download(fileId: string, sessionToken?: string) {
  jar.clear();
  if (sessionToken) jar.set(accountSessionCookie, sessionToken);
  return downloadFile(new Request(`http://localhost/files/${fileId}`), { params: Promise.resolve({ fileId }) });
}

const everyHeader = (res: Response) => [...res.headers].map(([name, value]) => `${name}: ${value}`).join("\n");

describe("a project pack file uploaded as 'Jane Smith age 12.png'", () => {
  it("reaches the public named after the brief and its place in the pack, with nothing of the uploaded name", async () => {
    const { photoId } = await aPackWithAChildsPhoto();
    const res = await download(photoId);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(
      `inline; filename="love-your-space-2.png"; filename*=UTF-8''love-your-space-2.png`,
    );
    expect(everyHeader(res)).not.toMatch(/jane|smith|age.12/i);
    expect(res.headers.get("cache-control")).toBe("public, max-age=60");
    const [row] = await t.db.read.select({ title: briefFiles.title }).from(briefFiles).where(eq(briefFiles.id, photoId));
    // Nor is it the title the public page shows (the page calls it "File 2").
    expect(row?.title).toBe("");
  });

  it("reaches someone signed in who is not on the event's staff under the public name too", async () => {
    const { photoId } = await aPackWithAChildsPhoto();
    const stranger = await createAccount(t.db, "Organiser of another event");
    const res = await download(photoId, stranger.sessionToken);
    expect(res.headers.get("content-disposition")).toContain("love-your-space-2.png");
    expect(everyHeader(res)).not.toMatch(/jane|smith/i);
  });

  it("reaches the event's staff under the name it was uploaded with, kept out of shared caches", async () => {
    const { photoId, organiser } = await aPackWithAChildsPhoto();
    const res = await download(photoId, organiser.sessionToken);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain('filename="Jane-Smith-age-12.png"');
    expect(res.headers.get("cache-control")).toBe("private, no-store");
  });

  it("uploaded untitled before the upgrade, loses the uploaded name it had as its title", async () => {
    const { photoId, briefId } = await aPackWithAChildsPhoto();
    // As stored before: an untitled file took its uploaded name as its title.
    await t.db.transact((tx) =>
      tx
        .update(briefFiles)
        .set({ title: sql`${briefFiles.fileName}` })
        .where(eq(briefFiles.id, photoId)),
    );
    const upgrade = readFileSync(join(migrationsFolder, "0034_untitled_pack_files.sql"), "utf8");
    await t.db.transact((tx) => tx.run(sql.raw(upgrade)));
    const rows = await t.db.read
      .select({ title: briefFiles.title })
      .from(briefFiles)
      .where(eq(briefFiles.briefId, briefId))
      .orderBy(briefFiles.position);
    expect(rows.map((r) => r.title)).toEqual(["Park survey", ""]);
  });
});
