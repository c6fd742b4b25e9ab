import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { briefFiles } from "@/db/schema";
import { LocalDiskStorage } from "@/lib/files/storage";
import { createAccount, createTestEvent, openTempDatabase } from "@/test/integration/support/fixtures";
import { addBriefFile } from "./add-brief-file";
import { createBrief } from "./create-brief";

let t: Awaited<ReturnType<typeof openTempDatabase>>;
let uploads: string;
beforeAll(async () => {
  t = await openTempDatabase();
  uploads = mkdtempSync(join(tmpdir(), "brief-files-"));
});
afterAll(() => {
  t?.cleanup();
  rmSync(uploads, { recursive: true, force: true });
});

const pdf = new Uint8Array(Buffer.from("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"));
const storedFiles = () => readdirSync(uploads, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;

async function aBrief() {
  const organiser = await createAccount(t.db);
  const event = await createTestEvent(t.db, organiser.accountId);
  const brief = await t.db.transact((tx) => createBrief(tx, { eventId: event.id, title: "Parks" }));
  return { organiser, eventId: event.id, briefId: brief.id };
}

describe("a brief's file sent again", () => {
  it("by a reload that resends the upload form, or twice at once, is stored once", async () => {
    const { organiser, eventId, briefId } = await aBrief();
    const storage = new LocalDiskStorage(uploads);
    const before = storedFiles();
    const upload = (submission: string) =>
      addBriefFile(t.db, storage, {
        eventId,
        briefId,
        title: "Site plan",
        file: { name: "plan.pdf", size: pdf.byteLength, bytes: pdf },
        uploadedBy: organiser.accountId,
        submission,
      });
    const form = randomUUID();
    const [first, second] = await Promise.all([upload(form), upload(form)]);
    expect(first).toEqual({ ok: true, id: form });
    expect(second).toEqual({ ok: true, id: form });
    expect(await upload(form)).toEqual({ ok: true, id: form });
    expect(await t.db.read.select().from(briefFiles).where(eq(briefFiles.briefId, briefId))).toHaveLength(1);
    // The spare copy's bytes went too.
    expect(storedFiles() - before).toBe(1);
    // A new form is a new file.
    await upload(randomUUID());
    expect(await t.db.read.select().from(briefFiles).where(eq(briefFiles.briefId, briefId))).toHaveLength(2);
  });

  it("with another brief's file id is no resend: it is stored under an id of its own", async () => {
    const a = await aBrief();
    const b = await aBrief();
    const storage = new LocalDiskStorage(uploads);
    const file = { name: "plan.pdf", size: pdf.byteLength, bytes: pdf };
    const first = await addBriefFile(t.db, storage, { ...a, title: "", file, uploadedBy: a.organiser.accountId });
    if (!first.ok) throw new Error(first.message);
    const other = await addBriefFile(t.db, storage, {
      ...b,
      title: "",
      file,
      uploadedBy: b.organiser.accountId,
      submission: first.id,
    });
    expect(other.ok && other.id).not.toBe(first.id);
    expect(await t.db.read.select().from(briefFiles).where(eq(briefFiles.briefId, b.briefId))).toHaveLength(1);
  });
});
