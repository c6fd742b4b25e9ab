/**
 * Privacy (issue 17): the audit log, "your data" downloads, deleting an event with its files,
 * and the retention sweep, against a real libSQL file, real file storage and the real server.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Database, migrationsFolder, openDatabase } from "@/db/client";
import {
  auditLog,
  boards,
  briefFiles,
  commandLog,
  events,
  notePhotos,
  notes,
  participantDevices,
  participants,
  projectCheckIns,
  projectRisks,
  projects,
  sentEmails,
  showcaseImages,
  showcases,
  voteRounds,
  votes,
} from "@/db/schema";
import { LocalDiskStorage, newStorageKey } from "@/lib/files/storage";
import { acceptInvite } from "@/lib/invites/accept-invite";
import { createInvite } from "@/lib/invites/create-invite";
import { acquireLease, releaseLease } from "@/lib/jobs/lease";
import { addDevice } from "@/lib/participants/devices";
import { eraseParticipant } from "@/lib/participants/erase-participant";
import { leftName } from "@/lib/participants/profile-facts";
import { auditActions, auditEntries } from "@/lib/privacy/audit";
import { deleteEvent } from "@/lib/privacy/delete-event";
import { accountEmailsKeptMs, sweepRetention } from "@/lib/privacy/retention-sweep";
import { participantData, projectOwnerData } from "@/lib/privacy/subject-data";
import { createProject } from "@/lib/projects/create-project";
import { dumpDatabase, findIn } from "../support/database-dump";
import { seedWeekend, weekendText } from "../support/seeded-weekend";
import { clientsFor, participantCookie, send, staffCookie } from "./support/clients";
import { addParticipant, addStaff, createAccount, createTestEvent, emailedRow, openTempDatabase } from "./support/fixtures";
import { startTestServer } from "./support/server";

const run = promisify(execFile);
const t = weekendText;
/** Everything personal the seeded weekend holds about its people (names, contacts, needs, skills). */
const personal = [
  t.consentingName,
  t.consentingContact,
  t.privateName,
  t.privateContact,
  "Designer from Kennington",
  "=cmd|' /C calc'!A0",
  "Young person",
  "step-free",
  "knowing the area",
  "spreadsheets",
  "filming",
  "Ada Lovelace",
  "ada@example.test",
  "ada.owner@example.test",
  "Grace Hopper",
];
const month = 30 * 24 * 3600 * 1000;
const day = 24 * 3600 * 1000;
/** When seedWeekend's weekend ends. */
const seededEnd = Date.UTC(2026, 9, 12, 9);

/** A weekend with uploads of every kind: a map image, note photos, a showcase image, a project with a check-in photo, a project pack. */
async function weekendWithFiles(db: Database, storage: LocalDiskStorage, organiserId: string) {
  const weekend = await seedWeekend(db, organiserId);
  const eventId = weekend.event.id;
  const saved = async () => {
    const key = newStorageKey();
    await storage.save(key, new TextEncoder().encode(`file ${key}`));
    return key;
  };
  const keys = {
    map: await saved(),
    notePhoto: await saved(),
    showcase: await saved(),
    checkIn: await saved(),
    pack: await saved(),
  };
  const mapId = randomUUID();
  const photoId = randomUUID();
  const imageId = randomUUID();
  const upload = { contentType: "image/jpeg", bytes: 20 };
  const projectId = await db.transact((tx) =>
    createProject(tx, {
      eventId,
      teamId: weekend.ids.parksTeam,
      title: "Park Café Saturdays",
      summary: "A café run by residents",
      ownerName: "Ada Lovelace",
      ownerRole: "Resident",
      ownerEmail: "ada.owner@example.test",
      coOwners: [{ name: "Grace Hopper", role: "" }],
    }),
  );
  await db.transact(async (tx) => {
    await tx.insert(notePhotos).values([
      { id: mapId, boardId: weekend.boardId, eventId, storageKey: keys.map, uploadedBy: "a:staff", ...upload },
      {
        id: photoId,
        boardId: weekend.boardId,
        eventId,
        storageKey: keys.notePhoto,
        uploadedBy: `p:${weekend.people[0].id}`,
        ...upload,
      },
    ]);
    await tx.update(boards).set({ mapPhotoId: mapId }).where(eq(boards.id, weekend.boardId));
    await tx.update(notes).set({ photoId }).where(eq(notes.id, weekend.noteIds[0]));
    await tx.insert(showcaseImages).values({
      id: imageId,
      teamId: weekend.ids.parksTeam,
      eventId,
      storageKey: keys.showcase,
      uploadedBy: `p:${weekend.people[0].id}`,
      ...upload,
    });
    await tx
      .update(showcases)
      .set({ imageIds: [imageId] })
      .where(eq(showcases.teamId, weekend.ids.parksTeam));
    await tx.insert(projectCheckIns).values({
      id: randomUUID(),
      projectId,
      status: "on_track",
      progress: "First Saturday done",
      photos: [{ storageKey: keys.checkIn, contentType: "image/jpeg" }],
      authorName: "Ada Lovelace",
    });
    await tx.update(participants).set({ contact: "ada@example.test" }).where(eq(participants.id, weekend.people[2].id));
    await tx.insert(briefFiles).values({
      id: randomUUID(),
      briefId: weekend.ids.parksBrief,
      title: "Site map",
      storageKey: keys.pack,
      fileName: "site.pdf",
      contentType: "application/pdf",
      size: 10,
    });
  });
  return { ...weekend, eventId, keys, projectId };
}

const counts = async (db: Database, eventId: string) => ({
  notes: (
    await db.read
      .select({ id: notes.id })
      .from(notes)
      .innerJoin(boards, eq(boards.id, notes.boardId))
      .where(eq(boards.eventId, eventId))
  ).length,
  votes: (
    await db.read
      .select({ id: votes.id })
      .from(votes)
      .innerJoin(voteRounds, eq(voteRounds.id, votes.roundId))
      .where(eq(voteRounds.eventId, eventId))
  ).length,
  projects: (await db.read.select({ id: projects.id }).from(projects).where(eq(projects.eventId, eventId))).length,
  participants: (await db.read.select({ id: participants.id }).from(participants).where(eq(participants.eventId, eventId)))
    .length,
});

describe("privacy against a real database and file store", () => {
  let temp: Awaited<ReturnType<typeof openTempDatabase>>;
  let db: Database;
  let uploads: string;
  let storage: LocalDiskStorage;
  beforeEach(async () => {
    temp = await openTempDatabase();
    db = temp.db;
    uploads = mkdtempSync(join(tmpdir(), "madein-privacy-"));
    storage = new LocalDiskStorage(uploads);
  });
  afterEach(() => {
    temp.cleanup();
    rmSync(uploads, { recursive: true, force: true });
  });

  it("gives a participant everything the event holds about them, and nobody else's", async () => {
    const organiser = await createAccount(db);
    const w = await weekendWithFiles(db, storage, organiser.accountId);
    const mine = await participantData(db.read, w.eventId, w.people[0].id);
    expect(mine).not.toBeNull();
    expect(mine?.profile).toMatchObject({
      name: t.consentingName,
      contact: t.consentingContact,
      agreedToBeContacted: true,
      skills: ["knowing the area", "talking to people"],
    });
    expect(mine?.team?.name).toBe("Parks team");
    expect(mine?.notes.map((n) => n.text)).toEqual([t.winningNote]);
    expect(mine?.notes[0]?.photo).toMatch(/^\/photos\//);
    expect(mine?.votes).toHaveLength(3); // two dots on the parks board, one in the people's choice
    expect(mine?.reframedBriefs.map((r) => r.text)).toEqual([t.parksReframe]);
    expect(mine?.uploads.notePhotos).toHaveLength(1);
    expect(mine?.uploads.showcaseImages).toHaveLength(1);
    expect(mine?.teamShowcase?.title).toBe(t.showcaseTitle);
    expect(mine?.event.personalDataKeptUntil).toBe("2027-10-12T09:00:00.000Z");
    const text = JSON.stringify(mine);
    for (const other of [t.privateName, t.privateContact, "step-free", "Designer from Kennington", t.hostileNote]) {
      expect(text).not.toContain(other);
    }

    const designer = await participantData(db.read, w.eventId, w.people[2].id);
    expect(designer?.feedback.map((f) => f.text)).toEqual([t.feedback]);
    expect(designer?.reactions).toHaveLength(2);
    const young = await participantData(db.read, w.eventId, w.people[3].id);
    expect(young?.judging?.scores).toHaveLength(2);
    expect(young?.profile.ageBand).toBe("16 or 17");
    // Another event's participant id answers nothing.
    expect(await participantData(db.read, randomUUID(), w.people[0].id)).toBeNull();
    // In the reader's language: the words Made In wrote (the form's choices, who holds the data);
    // the keys stay the format's, and what people typed stays as typed.
    const polish = await participantData(db.read, w.eventId, w.people[3].id, "pl");
    expect(polish?.profile.ageBand).toBe("16 lub 17");
    expect(polish?.judging?.scores).toHaveLength(2);
    const mineInPolish = await participantData(db.read, w.eventId, w.people[0].id, "pl");
    expect(mineInPolish?.profile).toMatchObject({ name: t.consentingName, skills: ["znajomość okolicy", "rozmowy z ludźmi"] });
    expect(mineInPolish?.event.dataController).toMatch(/^Organizatorzy wydarzenia /);
    expect(mineInPolish?.notes.map((n) => n.text)).toEqual([t.winningNote]);
    // A board named by its template is named as their screens name it; a typed name stays as typed.
    expect(mineInPolish?.votes.map((v) => v.board).sort()).toEqual(["Nagroda publiczności", "Parks ideas", "Parks ideas"]);
    expect(mineInPolish?.uploads.notePhotos.map((p) => p.board)).toEqual(["Parks ideas"]);
    const wallId = randomUUID();
    await db.transact(async (tx) => {
      await tx.insert(boards).values({
        id: wallId,
        eventId: w.eventId,
        title: "Welcome wall",
        columns: [{ key: "hello", title: "Say hello" }],
        position: 2,
      });
      await tx
        .insert(notes)
        .values({ id: randomUUID(), boardId: wallId, column: "hello", text: "Cześć!", authorParticipantId: w.people[0].id });
    });
    const wallInPolish = await participantData(db.read, w.eventId, w.people[0].id, "pl");
    expect(wallInPolish?.notes.map((n) => n.board)).toEqual(["Parks ideas", "Ściana powitalna"]);
    expect((await participantData(db.read, w.eventId, w.people[0].id))?.notes.map((n) => n.board)).toEqual([
      "Parks ideas",
      "Welcome wall",
    ]);

    // The organisers' risk checklist is theirs: the owner's download leaves it out.
    await db.transact((tx) =>
      tx.insert(projectRisks).values({
        projectId: w.projectId,
        item: "safeguarding",
        checked: true,
        notes: "Lead's DBS check still pending",
        checkedBy: "Safeguarding officer Jo Bloggs",
      }),
    );
    const owner = await projectOwnerData(db.read, w.projectId);
    expect(owner?.project.owner).toEqual({ name: "Ada Lovelace", role: "Resident" });
    expect(owner?.checkIns).toMatchObject([{ progress: "First Saturday done", signedAs: "Ada Lovelace" }]);
    expect(owner?.checkIns[0]?.photos).toHaveLength(1);
    expect(owner?.milestones.map((m) => m.day)).toEqual([30, 60, 90]);
    expect(owner).not.toHaveProperty("risks");
    const ownerText = JSON.stringify(owner);
    for (const staffOnly of ["DBS check", "Jo Bloggs", "safeguarding"]) expect(ownerText).not.toContain(staffOnly);
  });

  it("deletes an event with every row and every uploaded file, leaves other events alone, and audits it", async () => {
    const organiser = await createAccount(db);
    const w = await weekendWithFiles(db, storage, organiser.accountId);
    const other = await weekendWithFiles(db, storage, organiser.accountId);
    const before = await counts(db, other.eventId);
    // A staff command that changed nothing broadcast nothing, but its stored answer holds a note.
    await db.transact((tx) =>
      tx.insert(commandLog).values({
        actorKey: `a:${organiser.accountId}`,
        commandId: "cmd-noop-ungroup-1",
        name: "note:ungroup",
        result: { note: { boardId: w.boardId, text: "The alley behind my house" } },
      }),
    );
    // Records that carry their event go by it, whatever their answer holds; another event's stay.
    await db.transact((tx) =>
      tx.insert(commandLog).values([
        {
          actorKey: `a:${organiser.accountId}`,
          commandId: "cmd-here",
          name: "vote:cast",
          eventId: w.eventId,
          result: { mine: {} },
        },
        { actorKey: `a:${organiser.accountId}`, commandId: "cmd-there", name: "vote:cast", eventId: other.eventId, result: {} },
      ]),
    );

    const outcome = await deleteEvent(db, storage, { eventId: w.eventId, accountId: organiser.accountId, now: Date.now() });
    expect(outcome).toEqual({ deleted: true, files: 5, filesMissing: 0 });
    expect(JSON.stringify(await db.read.select().from(commandLog))).not.toContain("The alley behind my house");
    expect((await db.read.select().from(commandLog)).map((r) => r.commandId)).toEqual(["cmd-there"]);

    const dump = await dumpDatabase(db);
    const mentions = Object.entries(dump)
      .filter(([table]) => table !== "audit_log")
      .filter(([, rows]) => JSON.stringify(rows).includes(w.eventId) || w.people.some((p) => JSON.stringify(rows).includes(p.id)))
      .map(([table]) => table);
    expect(mentions).toEqual([]);
    for (const key of Object.values(w.keys)) expect(await storage.read(key)).toBeNull();
    for (const key of Object.values(other.keys)) expect(await storage.read(key)).not.toBeNull();
    expect(await counts(db, other.eventId)).toEqual(before);

    const [entry] = await auditEntries(db.read, w.eventId, "event.deleted");
    expect(entry).toMatchObject({ accountId: organiser.accountId, subject: "files:5 participants:4" });
    // Deleting again finds nothing.
    expect(await deleteEvent(db, storage, { eventId: w.eventId, accountId: organiser.accountId, now: Date.now() })).toEqual({
      deleted: false,
      files: 0,
      filesMissing: 0,
    });
  });

  it("erases people's personal data once the retention period has passed, keeping notes, votes and projects", async () => {
    const organiser = await createAccount(db);
    const w = await weekendWithFiles(db, storage, organiser.accountId);
    const other = await weekendWithFiles(db, storage, organiser.accountId);
    await db.transact((tx) => tx.update(events).set({ retentionMonths: 24 }).where(eq(events.id, other.eventId)));
    // Someone who left before leaving erased the language they chose.
    const leftBefore = await addParticipant(db, w.eventId, leftName);
    await db.transact((tx) =>
      tx.update(participants).set({ leftAt: seededEnd, ageBand: null, language: "fr" }).where(eq(participants.id, leftBefore)),
    );
    const before = await counts(db, w.eventId);
    const ends = seededEnd;

    // A day early: nothing is due, nothing changes.
    expect(await sweepRetention({ db, storage, now: ends + 12 * month - 7 * 86_400_000 })).toEqual({
      outcome: "swept",
      erased: [],
      auditPruned: 0,
    });
    const now = ends + 13 * month;
    // The record of an email sent to one of them (their catch-up invitation) names their address.
    const emailed = (eventId: string) =>
      db.transact((tx) =>
        tx.insert(sentEmails).values({
          id: randomUUID(),
          eventId,
          kind: "catch_up_invite",
          recipient: t.consentingContact,
          subject: "Catch up on the weekend",
          outcome: "sent",
          sentAt: ends,
        }),
      );
    await emailed(w.eventId);
    await emailed(other.eventId);
    // The devices they signed in on.
    const devicesOf = async (eventId: string) =>
      (
        await db.read
          .select({ id: participantDevices.id })
          .from(participantDevices)
          .innerJoin(participants, eq(participants.id, participantDevices.participantId))
          .where(eq(participants.eventId, eventId))
      ).length;
    for (const eventId of [w.eventId, other.eventId]) {
      const [someone] = await db.read.select({ id: participants.id }).from(participants).where(eq(participants.eventId, eventId));
      await db.transact((tx) => addDevice(tx, someone!.id, "Chrome on Android"));
    }
    // The language each chose, and the project owner's.
    for (const eventId of [w.eventId, other.eventId]) {
      await db.transact((tx) => tx.update(participants).set({ language: "pl" }).where(eq(participants.eventId, eventId)));
      await db.transact((tx) => tx.update(projects).set({ ownerLanguage: "es" }).where(eq(projects.eventId, eventId)));
    }
    const languagesOf = async (eventId: string) => ({
      people: [
        ...new Set((await db.read.select().from(participants).where(eq(participants.eventId, eventId))).map((p) => p.language)),
      ],
      owners: (await db.read.select().from(projects).where(eq(projects.eventId, eventId))).map((p) => p.ownerLanguage),
    });
    const dry = await sweepRetention({ db, storage, now, dryRun: true });
    expect(dry).toEqual({
      outcome: "dry-run",
      due: [expect.objectContaining({ id: w.eventId, participants: 4, photos: 3 })],
    });
    expect(findIn(await dumpDatabase(db), [t.privateContact])).not.toEqual([]);

    // A facilitator's command record holds someone's words (the answer to a move of their note).
    const moved = { id: w.noteIds[0]!, boardId: w.boardId, text: `Call ${t.privateName} on ${t.privateContact}` };
    await db.transact((tx) =>
      tx.insert(commandLog).values({
        actorKey: `a:${organiser.accountId}`,
        commandId: "cmd-move-before-the-sweep",
        name: "note:move",
        result: { note: moved },
        fanout: { broadcasts: [{ room: `board:${w.boardId}`, event: "note:moved", data: { note: moved } }], signals: [] },
      }),
    );

    const swept = await sweepRetention({ db, storage, now });
    expect(swept).toMatchObject({ outcome: "swept", erased: [{ id: w.eventId, participants: 4, photos: 3, filesMissing: 0 }] });
    // The record stays (the event may still be open: a retry is answered, not applied again), with only its ids.
    const records = await db.read.select().from(commandLog).where(eq(commandLog.commandId, "cmd-move-before-the-sweep"));
    expect(records.map((r) => [r.result, r.fanout])).toEqual([[{ note: { ...moved, text: "" } }, null]]);

    // The other event (24 months) keeps its people; once it is deleted too, nobody's data is left.
    const kept = await db.read.select().from(participants).where(eq(participants.eventId, other.eventId));
    expect(kept.map((p) => p.displayName)).toContain(t.consentingName);
    expect(await db.read.select().from(sentEmails).where(eq(sentEmails.eventId, w.eventId))).toEqual([]);
    expect(await db.read.select().from(sentEmails).where(eq(sentEmails.eventId, other.eventId))).toHaveLength(1);
    expect(await devicesOf(w.eventId)).toBe(0);
    expect(await devicesOf(other.eventId)).toBe(1);
    expect(await languagesOf(w.eventId)).toEqual({ people: [null], owners: [null] });
    expect(await languagesOf(other.eventId)).toEqual({ people: ["pl"], owners: ["es"] });
    await deleteEvent(db, storage, { eventId: other.eventId, accountId: organiser.accountId, now });
    expect(findIn(await dumpDatabase(db), personal)).toEqual([]);
    const people = await db.read.select().from(participants).where(eq(participants.eventId, w.eventId));
    expect(people.map((p) => p.displayName).sort()).toEqual([
      "Participant 1",
      "Participant 2",
      "Participant 3",
      "Participant 4",
      leftName,
    ]);
    expect(people.every((p) => p.contact === "" && p.accessNeeds === "" && p.ageBand === null && p.skills.length === 0)).toBe(
      true,
    );
    expect(await counts(db, w.eventId)).toEqual(before);
    const [project] = await db.read.select().from(projects).where(eq(projects.id, w.projectId));
    expect(project).toMatchObject({ title: "Park Café Saturdays", ownerName: "Resident", ownerEmail: "", ownerTokenHash: null });
    // Photos of people are gone from storage; the map the board is drawn on stays.
    for (const key of [w.keys.notePhoto, w.keys.showcase, w.keys.checkIn]) expect(await storage.read(key)).toBeNull();
    expect(await storage.read(w.keys.map)).not.toBeNull();
    expect(await storage.read(w.keys.pack)).not.toBeNull();
    const [note] = await db.read.select().from(notes).where(eq(notes.id, w.noteIds[0]));
    expect(note).toMatchObject({ text: t.winningNote, photoId: null });

    const [entry, ...more] = await auditEntries(db.read, w.eventId, "retention.swept");
    expect(more).toEqual([]);
    expect(entry).toMatchObject({ accountId: null, subject: "participants:4 photos:3", createdAt: now });
    // Sweeping again erases nothing more.
    expect(await sweepRetention({ db, storage, now: now + month })).toMatchObject({ outcome: "swept", erased: [] });
  });

  it("an event erased and then given personal data again (a late join, an owner's address) is erased again at the next sweep", async () => {
    const organiser = await createAccount(db);
    const w = await weekendWithFiles(db, storage, organiser.accountId);
    const now = seededEnd + 13 * month;
    expect(await sweepRetention({ db, storage, now })).toMatchObject({ erased: [{ id: w.eventId }] });

    // The join code still works: someone joins a day later, and an organiser records a project owner's address.
    const late = await addParticipant(db, w.eventId, "Lateef Latecomer");
    await db.transact(async (tx) => {
      await tx
        .update(participants)
        .set({ createdAt: now + day, contactConsent: true, contact: "lateef@example.test" })
        .where(eq(participants.id, late));
      await tx.update(projects).set({ ownerEmail: "new.owner@example.test" }).where(eq(projects.id, w.projectId));
    });
    const dry = await sweepRetention({ db, storage, now: now + 2 * day, dryRun: true });
    expect(dry).toEqual({ outcome: "dry-run", due: [expect.objectContaining({ id: w.eventId, participants: 1, photos: 0 })] });
    expect(await sweepRetention({ db, storage, now: now + 2 * day })).toMatchObject({ erased: [{ id: w.eventId }] });
    expect(findIn(await dumpDatabase(db), ["Lateef", "lateef@example.test", "new.owner@example.test"])).toEqual([]);
    const [lateef] = await db.read.select().from(participants).where(eq(participants.id, late));
    expect(lateef?.displayName).toBe("Participant 5");
    expect(await auditEntries(db.read, w.eventId, "retention.swept")).toHaveLength(2);
    // Nothing new: nothing more to erase.
    expect(await sweepRetention({ db, storage, now: now + 3 * day })).toMatchObject({ erased: [] });
  });

  it("someone who leaves takes the record of what was emailed to them (their address, or their parent's) with them", async () => {
    const organiser = await createAccount(db);
    const w = await weekendWithFiles(db, storage, organiser.accountId);
    const [leaver] = await db.read.select().from(participants).where(eq(participants.contact, t.privateContact));
    const row = (recipient: string) => emailedRow(w.eventId, recipient);
    await db.transact((tx) =>
      tx.insert(sentEmails).values([row(t.privateContact.toUpperCase()), row(t.consentingContact), row("staff@council.example")]),
    );
    await db.transact((tx) =>
      eraseParticipant(tx, { eventId: w.eventId, participantId: leaver!.id, deleteNotes: false, now: Date.now() }),
    );
    const left = await db.read.select().from(sentEmails).where(eq(sentEmails.eventId, w.eventId));
    expect(left.map((r) => r.recipient).sort()).toEqual([t.consentingContact, "staff@council.example"].sort());
    expect(findIn(await dumpDatabase(db), [t.privateContact])).toEqual([]);
  });

  it("the upgrade that has leaving and retention erase a person's language erases it for those they reached before", async () => {
    const organiser = await createAccount(db);
    const gone = await createTestEvent(db, organiser.accountId, "Erased weekend");
    const live = await createTestEvent(db, organiser.accountId, "Live weekend");
    const erasedAt = Date.now() - day;
    const person = async (eventId: string, fields: Partial<typeof participants.$inferInsert>) => {
      const id = await addParticipant(db, eventId);
      await db.transact((tx) =>
        tx
          .update(participants)
          .set({ language: "pl", ...fields })
          .where(eq(participants.id, id)),
      );
      return id;
    };
    const left = await person(live.id, { leftAt: erasedAt });
    const staying = await person(live.id, {});
    const pseudonymised = await person(gone.id, { createdAt: erasedAt - day });
    // Joined after the sweep: the next sweep takes theirs, as it takes their name.
    const lateJoiner = await person(gone.id, { createdAt: erasedAt + 1 });
    const project = async (eventId: string, ownerEmail: string) => {
      const id = await db.transact((tx) =>
        createProject(tx, { eventId, teamId: null, title: "Café", summary: "", ownerName: "Owner", ownerRole: "", coOwners: [] }),
      );
      await db.transact((tx) => tx.update(projects).set({ ownerEmail, ownerLanguage: "es" }).where(eq(projects.id, id)));
      return id;
    };
    const erasedOwner = await project(gone.id, "");
    const newOwner = await project(gone.id, "new.owner@example.test");
    await db.transact((tx) => tx.update(events).set({ personalDataErasedAt: erasedAt }).where(eq(events.id, gone.id)));

    const upgrade = readFileSync(join(migrationsFolder, "0035_forget_left_languages.sql"), "utf8");
    await db.transact(async (tx) => {
      for (const statement of upgrade.split("--> statement-breakpoint")) await tx.run(sql.raw(statement));
    });
    const languageOf = async (id: string) =>
      (await db.read.select({ language: participants.language }).from(participants).where(eq(participants.id, id)))[0]?.language;
    const ownerLanguageOf = async (id: string) =>
      (await db.read.select({ language: projects.ownerLanguage }).from(projects).where(eq(projects.id, id)))[0]?.language;
    expect([await languageOf(left), await languageOf(staying)]).toEqual([null, "pl"]);
    expect([await languageOf(pseudonymised), await languageOf(lateJoiner)]).toEqual([null, "pl"]);
    expect([await ownerLanguageOf(erasedOwner), await ownerLanguageOf(newOwner)]).toEqual([null, "es"]);
  });

  /** A weekend that ended on `seededEnd` (kept 12 months), whose organiser downloaded an export then. */
  async function exportedAtTheEnd() {
    const organiser = await createAccount(db);
    const w = await seedWeekend(db, organiser.accountId);
    const { recordAudit } = await import("@/lib/privacy/audit");
    await db.transact((tx) =>
      recordAudit(tx, {
        eventId: w.event.id,
        accountId: organiser.accountId,
        action: "export.downloaded",
        subject: "json",
        now: seededEnd,
      }),
    );
    return w;
  }

  it("prunes audit entries after the retention period", async () => {
    await exportedAtTheEnd();
    const [row] = await db.read.select().from(auditLog);
    expect(row?.keepUntil).toBe(Date.UTC(2027, 9, 12, 9));
    const swept = await sweepRetention({ db, storage, now: Date.UTC(2027, 9, 13) });
    expect(swept).toMatchObject({ outcome: "swept", auditPruned: 1 });
    // The sweep's own entry is kept for a retention period from now.
    expect(await db.read.select({ action: auditLog.action }).from(auditLog)).toEqual([{ action: "retention.swept" }]);
  });

  it("keeps older audit entries for the longer period when an organiser lengthens the retention later", async () => {
    const w = await exportedAtTheEnd();
    // Recorded under 12 months; the organiser then chooses 24.
    await db.transact((tx) => tx.update(events).set({ retentionMonths: 24 }).where(eq(events.id, w.event.id)));
    const exported = async () => (await auditEntries(db.read, w.event.id, "export.downloaded")).length;
    expect(await sweepRetention({ db, storage, now: Date.UTC(2027, 9, 13) })).toMatchObject({ outcome: "swept", auditPruned: 0 });
    expect(await exported()).toBe(1);
    // Past the 24 months, it goes.
    expect(await sweepRetention({ db, storage, now: Date.UTC(2028, 9, 13) })).toMatchObject({ outcome: "swept" });
    expect(await exported()).toBe(0);
  });

  it("keeps the record of an email tied to no event (a password reset, a digest) a year, then erases it", async () => {
    const now = Date.UTC(2028, 0, 1);
    const row = (id: string, sentAt: number) => ({
      id,
      eventId: null,
      kind: "password_reset" as const,
      recipient: `${id}@council.example`,
      subject: "Reset your Made In password",
      outcome: "sent" as const,
      sentAt,
    });
    await db.transact((tx) =>
      tx.insert(sentEmails).values([row("old", now - accountEmailsKeptMs - 1), row("recent", now - 30 * 86_400_000)]),
    );
    expect(await sweepRetention({ db, storage, now })).toMatchObject({ outcome: "swept" });
    expect((await db.read.select({ id: sentEmails.id }).from(sentEmails)).map((r) => r.id)).toEqual(["recent"]);
  });

  it("records a role given by invitation, with who and what but no personal data", async () => {
    const organiser = await createAccount(db);
    const facilitator = await createAccount(db, "Facilitator");
    const event = await createTestEvent(db, organiser.accountId);
    const invite = await db.transact((tx) =>
      createInvite(tx, { eventId: event.id, role: "facilitator", createdBy: organiser.accountId }),
    );
    await db.transact((tx) => acceptInvite(tx, { token: invite.token, accountId: facilitator.accountId }));
    const [entry] = await auditEntries(db.read, event.id, "staff.role_granted");
    expect(entry).toMatchObject({
      accountId: facilitator.accountId,
      subject: `role:facilitator invited-by:${organiser.accountId}`,
    });
    expect(Object.keys(auditActions)).toContain(entry?.action);
  });

  it("lets exactly one of many processes take a lease at once, and a scheduled run once per interval", async () => {
    const second = await openDatabase(temp.url);
    try {
      const now = Date.now();
      const tries = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          acquireLease(i % 2 ? second : db, { name: "job", holder: `h${i}`, now, ttlMs: 60_000 }),
        ),
      );
      expect(tries.filter(Boolean)).toHaveLength(1);
      expect(await acquireLease(db, { name: "job", holder: "late", now: now + 60_001, ttlMs: 60_000 })).toBe(true);
      // Scheduled: after a run finished, nobody runs it again within the interval, whoever asks.
      await releaseLease(db, { name: "job", holder: "late", now: now + 70_000, done: true });
      const hour = 3_600_000;
      const scheduled = (holder: string, at: number) =>
        acquireLease(second, { name: "job", holder, now: at, ttlMs: 60_000, onlyIfNotDoneWithinMs: hour });
      expect(await scheduled("p1", now + 80_000)).toBe(false);
      expect(await scheduled("p2", now + 70_000 + hour)).toBe(true);
    } finally {
      second.close();
    }
  });

  it("two sweeps at once, on two connections, erase once", async () => {
    const organiser = await createAccount(db);
    const w = await weekendWithFiles(db, storage, organiser.accountId);
    const second = await openDatabase(temp.url);
    try {
      const now = seededEnd + 13 * month;
      const reports = await Promise.all([sweepRetention({ db, storage, now }), sweepRetention({ db: second, storage, now })]);
      const erased = reports.flatMap((r) => (r.outcome === "swept" ? r.erased : []));
      expect(erased.map((e) => e.id)).toEqual([w.eventId]);
      expect(await auditEntries(db.read, w.eventId, "retention.swept")).toHaveLength(1);
    } finally {
      second.close();
    }
  });
});

describe("npm run retention:sweep, from two processes at once", () => {
  it("erases once, and --dry-run only says what it would erase", async () => {
    const temp = await openTempDatabase();
    const uploads = mkdtempSync(join(tmpdir(), "madein-privacy-cli-"));
    try {
      const organiser = await createAccount(temp.db);
      const w = await seedWeekend(temp.db, organiser.accountId, "Old weekend");
      // Ended two years ago: past its 12 months by today's clock, which a real sweep uses.
      const ended = Date.now() - 24 * month;
      await temp.db.transact((tx) =>
        tx
          .update(events)
          .set({ startsAt: ended - 86_400_000, endsAt: ended })
          .where(eq(events.id, w.event.id)),
      );
      temp.db.close();
      const env = { ...process.env, DATABASE_URL: temp.url, UPLOAD_DIR: uploads, SESSION_SECRET: "x".repeat(40) };
      const cli = (...args: string[]) =>
        run("npx", ["tsx", "scripts/retention-sweep.ts", ...args], { env, cwd: process.cwd(), timeout: 120_000 });

      const dry = await cli("--dry-run");
      expect(dry.stdout).toContain("would erase personal data of 1 event(s)");
      expect(dry.stdout).toContain("Old weekend");
      expect(dry.stdout).toContain("4 people to pseudonymise");
      expect(dry.stdout).not.toContain(t.consentingName);

      const [a, b] = await Promise.all([cli(), cli()]);
      const outputs = [a.stdout, b.stdout];
      expect(outputs.filter((o) => o.includes("Erased personal data of 1 event(s)"))).toHaveLength(1);
      expect(outputs.filter((o) => o.includes("Another process is sweeping") || o.includes("Nothing to erase"))).toHaveLength(1);

      const db = await openDatabase(temp.url);
      try {
        expect(await auditEntries(db.read, w.event.id, "retention.swept")).toHaveLength(1);
        expect(findIn(await dumpDatabase(db), personal)).toEqual([]);
      } finally {
        db.close();
      }
    } finally {
      temp.remove();
      rmSync(uploads, { recursive: true, force: true });
    }
  }, 240_000);
});

describe("the audit of staff opening the private list, through the real server", () => {
  it("records the organiser's account, the time and a count, never the details; a participant is refused and records nothing", async () => {
    const server = await startTestServer({ rateLimit: { points: 1000, seconds: 1 } });
    const clients = clientsFor(server.url);
    try {
      const db = server.server.db;
      const organiser = await createAccount(db, "Organiser");
      const event = await createTestEvent(db, organiser.accountId);
      const personId = await addParticipant(db, event.id, "Jay Okafor");
      await db.transact((tx) =>
        tx
          .update(participants)
          .set({ accessNeeds: "Step-free access", contact: "jay@example.test" })
          .where(eq(participants.id, personId)),
      );
      const phone = await clients.connect({ eventId: event.id, cookie: participantCookie(event.id, personId) });
      expect(await send(phone, "participants:details", {})).toMatchObject({ ok: false, error: { code: "forbidden" } });
      expect(await db.read.select().from(auditLog)).toEqual([]);

      const laptop = await clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
      const before = Date.now();
      expect((await send(laptop, "participants:details", {})).ok).toBe(true);
      const rows = await db.read.select().from(auditLog);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        eventId: event.id,
        accountId: organiser.accountId,
        action: "participants.details_viewed",
        subject: "people:1",
      });
      expect(rows[0]?.createdAt).toBeGreaterThanOrEqual(before);
      expect(JSON.stringify(rows)).not.toMatch(/Jay|Okafor|Step-free|jay@/);

      // The console asks again (a reconnect, its second list): the same look stays one entry.
      expect((await send(laptop, "participants:details", {})).ok).toBe(true);
      expect(await db.read.select().from(auditLog)).toHaveLength(1);
      // Someone new in the list is a new look, at once; and another organiser's look is theirs.
      await addParticipant(db, event.id, "Sam Newcomer");
      expect((await send(laptop, "participants:details", {})).ok).toBe(true);
      const other = await createAccount(db, "Co-organiser");
      await addStaff(db, event.id, other.accountId, "organiser");
      const theirs = await clients.connect({ eventId: event.id, cookie: staffCookie(other.sessionToken) });
      expect((await send(theirs, "participants:details", {})).ok).toBe(true);
      const looks = await db.read.select().from(auditLog).orderBy(auditLog.createdAt);
      expect(looks.map((r) => [r.accountId, r.subject])).toEqual([
        [organiser.accountId, "people:1"],
        [organiser.accountId, "people:2"],
        [other.accountId, "people:2"],
      ]);
    } finally {
      clients.closeAll();
      await server.dispose();
    }
  });
});
