/**
 * Email through a real SMTP server on 127.0.0.1: what is sent, to whom, with which links, and
 * that scheduled messages go once (also with two database connections sweeping at once, as two
 * processes would).
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { Writable } from "node:stream";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as stopNow } from "@/app/(public)/stop/[token]/now/route";
import { type Database, migrationsFolder, openDatabase } from "@/db/client";
import {
  accounts,
  events,
  participants,
  passwordResets,
  projectCheckIns,
  projectMilestones,
  projects,
  sentEmails,
  teamMembers,
  teams,
} from "@/db/schema";
import { setSharedDatabase } from "@/db/shared";
import { requestPasswordReset, resetLinkWorks, resetMinutes, resetPassword } from "@/lib/accounts/password-reset";
import { verifyPassword } from "@/lib/auth/password";
import { sendNudge, sweepCheckInReminders } from "@/lib/email/check-in-reminders";
import { claim, claimLeaseMs, reminderClaimKey } from "@/lib/email/claims";
import { deliver } from "@/lib/email/deliver";
import { chooseDigest } from "@/lib/email/digest-choice";
import { startEmailJobs, sweepEmail } from "@/lib/email/email-jobs";
import { linkTokenId, linkTokenValid } from "@/lib/email/links";
import { type Mailer, smtpMailer } from "@/lib/email/mailer";
import { sweepOrganiserDigests } from "@/lib/email/organiser-digest";
import {
  announceProgress,
  catchUpAudience,
  deviceLinkEmailsPerHour,
  emailDeviceLink,
  inviteToCatchUp,
  progressNewsOwed,
} from "@/lib/email/participant-emails";
import { tellProgressSoon } from "@/lib/email/progress-news";
import { stopEmails } from "@/lib/email/stop-emails";
import { ownerLinkEmail, passwordResetEmail, staffInviteEmail } from "@/lib/email/templates";
import { basisOf, readBasis } from "@/lib/forms/edit-basis";
import { createLogger, setSharedLogger, sharedLogger } from "@/lib/observability/logger";
import { createCatchUp } from "@/lib/projects/catch-up";
import { createProject } from "@/lib/projects/create-project";
import { milestoneViews } from "@/lib/projects/follow-up-merge";
import { saveOwnerEmail } from "@/lib/projects/owner-email";
import { newOwnerLink, projectForOwner, revokeOwnerLink } from "@/lib/projects/owner-link";
import { saveMilestones } from "@/lib/projects/save-milestones";
import { linkIn, startSmtpServer, type TestSmtpServer } from "../support/smtp-server";
import { addParticipant, createAccount, createTestEvent, openTempDatabase } from "./support/fixtures";

// The stop route is server code; here it runs against a test database directly.
vi.mock("server-only", () => ({}));

const day = 24 * 3600 * 1000;
// https, as deployed: a one-click unsubscribe (RFC 8058) is offered only for an https address.
const links = { baseUrl: "https://madein.test", secret: "integration-test-secret-0123456789abcdef" };
const owner = "owner@example.test";
/** A relay that refuses every message, as one that is down or misconfigured does. */
/** A relay refusing for now ("try again later"): the message goes on a later try. */
const refusingRelay: Mailer = {
  async send() {
    throw Object.assign(new Error("451 4.3.0 <nobody@example.test>: try again later"), { code: "EENVELOPE", responseCode: 451 });
  },
  close() {},
};

/** A relay refusing for good: no such mailbox (an address typed wrong). */
const noSuchMailbox: Mailer = {
  async send() {
    throw Object.assign(new Error("550 5.1.1 <nobody@example.test>: no such user"), { code: "EENVELOPE", responseCode: 550 });
  },
  close() {},
};

describe("email", () => {
  let smtp: TestSmtpServer;
  let mailer: Mailer;
  let temp: Awaited<ReturnType<typeof openTempDatabase>>;
  let db: Database;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    mailer = smtpMailer(smtp.url, "Made In <madein@council.test>");
  });
  afterAll(async () => {
    mailer.close();
    await smtp.close();
  });
  beforeEach(async () => {
    smtp.delivered.length = 0;
    temp = await openTempDatabase();
    db = temp.db;
  });
  afterEach(() => temp.cleanup());

  async function projectDueOn(dueAt: number, ownerEmail = owner) {
    const organiser = await createAccount(db);
    const event = await createTestEvent(db, organiser.accountId);
    const projectId = await db.transact((tx) =>
      createProject(tx, {
        eventId: event.id,
        teamId: null,
        title: "Pop-up café",
        summary: "",
        ownerName: "Amara",
        ownerRole: "Resident",
        ownerEmail,
        coOwners: [],
        now: dueAt - 30 * day,
      }),
    );
    return { organiser, event, projectId };
  }

  /** A project shown on the event's progress page, which is what its people's news is about. */
  async function publicProject(eventId: string) {
    const projectId = await db.transact((tx) =>
      createProject(tx, {
        eventId,
        teamId: null,
        title: "Community fridge",
        summary: "",
        ownerName: "Ben",
        ownerRole: "Resident",
        coOwners: [],
      }),
    );
    await db.transact((tx) => tx.update(projects).set({ isPublic: true }).where(eq(projects.id, projectId)));
  }

  /** A published event with a public project and one person who agreed to hear about it. */
  async function eventWithNewsOwed() {
    const organiser = await createAccount(db);
    const event = await createTestEvent(db, organiser.accountId);
    const amara = await addParticipant(db, event.id, "Amara");
    await db.transact((tx) =>
      tx.update(participants).set({ contactConsent: true, contact: "amara@example.test" }).where(eq(participants.id, amara)),
    );
    await publicProject(event.id);
    return event;
  }

  /** A weekend with a team member who agreed to be emailed, and a catch-up after it. */
  async function teamMemberWhoAgreed(options: {
    weekendName: string;
    name: string;
    ageBand?: Parameters<typeof addParticipant>[3];
    details: Partial<typeof participants.$inferInsert>;
    catchUpName: string;
  }) {
    const organiser = await createAccount(db);
    const weekend = await createTestEvent(db, organiser.accountId, options.weekendName);
    const teamId = crypto.randomUUID();
    await db.transact((tx) => tx.insert(teams).values({ id: teamId, eventId: weekend.id, name: "Parks team", position: 0 }));
    const participantId = await addParticipant(db, weekend.id, options.name, options.ageBand);
    await db.transact(async (tx) => {
      await tx
        .update(participants)
        .set({ contactConsent: true, ...options.details })
        .where(eq(participants.id, participantId));
      await tx.insert(teamMembers).values({ eventId: weekend.id, participantId, teamId });
    });
    const catchUp = await db.transact((tx) =>
      createCatchUp(tx, {
        followsEventId: weekend.id,
        name: options.catchUpName,
        place: "Brixton library",
        startsAt: Date.UTC(2027, 1, 3, 18),
        endsAt: Date.UTC(2027, 1, 3, 20),
        createdBy: organiser.accountId,
      }),
    );
    return { weekend, catchUp, participantId };
  }

  it("sends a due reminder once, then an overdue one, with an update link and a stop link that work", async () => {
    const due = Date.UTC(2027, 0, 31, 12);
    const { event, projectId } = await projectDueOn(due);

    expect(await sweepCheckInReminders(db, mailer, links, due - 1 * day)).toBe(1);
    const [reminder] = await smtp.waitFor(owner, 1);
    expect(reminder?.subject).toBe('"Pop-up café": time for a check-in');
    expect(reminder?.from?.text).toBe('"Made In" <madein@council.test>');
    expect(reminder?.text).toContain("Your next check-in is due by 31 Jan 2027.");
    expect(reminder?.text).toContain("You got this because you own");
    expect(reminder?.html).toContain("Post an update");
    expect(reminder?.headerLines.map((h) => h.line)).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");

    // The update link opens this project for the owner (bound to the owner link made for it).
    const update = linkIn(reminder!, `${links.baseUrl}/r/`);
    const token = update.slice(`${links.baseUrl}/r/`.length);
    expect(linkTokenId(token)).toBe(projectId);
    const [row] = await db.read.select().from(projects).where(eq(projects.id, projectId));
    expect(row?.ownerTokenHash).toBeTruthy();
    expect(linkTokenValid(links.secret, "update", token, row?.ownerTokenHash ?? "")).toBe(true);
    expect(await projectForOwner(db.read, projectId, row?.ownerTokenHash ?? "")).not.toBeNull();

    // The next sweeps send nothing more for this milestone's "due".
    expect(await sweepCheckInReminders(db, mailer, links, due - 0.5 * day)).toBe(0);
    // Overdue: but not within 3 days of the last reminder.
    expect(await sweepCheckInReminders(db, mailer, links, due + 1 * day)).toBe(0);
    expect(await sweepCheckInReminders(db, mailer, links, due + 2 * day)).toBe(1);
    const [, overdue] = await smtp.waitFor(owner, 2);
    expect(overdue?.subject).toBe('"Pop-up café": your check-in is overdue');
    expect(overdue?.text).toContain("Your check-in was due on 31 Jan 2027.");
    expect(await sweepCheckInReminders(db, mailer, links, due + 7 * day)).toBe(0);
    // A week on, one more; never one a day.
    expect(await sweepCheckInReminders(db, mailer, links, due + 9 * day)).toBe(1);
    expect(await sweepCheckInReminders(db, mailer, links, due + 10 * day)).toBe(0);
    const [, , again] = await smtp.waitFor(owner, 3);

    // What was sent is recorded for the organisers.
    const record = await db.read.select().from(sentEmails).where(eq(sentEmails.eventId, event.id));
    expect(record.map((r) => [r.kind, r.recipient, r.outcome])).toEqual([
      ["check_in_due", owner, "sent"],
      ["check_in_overdue", owner, "sent"],
      ["check_in_overdue", owner, "sent"],
    ]);

    // The stop link stops the reminders; a forged one does nothing.
    const stop = linkIn(again!, `${links.baseUrl}/stop/`).slice(`${links.baseUrl}/stop/`.length);
    expect(await stopEmails(db, links.secret, `${projectId}.forged`)).toBe("outdated");
    expect((await db.read.select().from(projects).where(eq(projects.id, projectId)))[0]?.remindersStoppedAt).toBeNull();
    expect(await stopEmails(db, links.secret, stop)).toMatchObject({ kind: "reminders", stopped: true });
    const later = await projectDueOn(due + 60 * day);
    await db.transact((tx) => tx.update(projects).set({ remindersStoppedAt: Date.now() }).where(eq(projects.id, projectId)));
    expect(await sweepCheckInReminders(db, mailer, links, due + 55 * day)).toBe(1); // only the other project
    expect(smtp.to(owner)).toHaveLength(4);
    expect(await sendNudge(db, mailer, links, projectId)).toBe("stopped");
    expect(later.projectId).not.toBe(projectId);
  });

  it("a mail client's own unsubscribe (RFC 8058: a POST of List-Unsubscribe=One-Click to the header's address) stops the reminders", async () => {
    // The stop route as Next serves it: a real HTTP server on 127.0.0.1 handing each request to it.
    const server = createServer(async (req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const token = /^\/stop\/([^/]+)\/now$/.exec(req.url ?? "")?.[1];
      if (req.method !== "POST" || !token) {
        res.writeHead(404).end();
        return;
      }
      const answer = await stopNow(
        new Request(`http://${req.headers.host}${req.url}`, {
          method: "POST",
          headers: req.headers as Record<string, string>,
          body: Buffer.concat(chunks),
        }),
        { params: Promise.resolve({ token: decodeURIComponent(token) }) },
      );
      res.writeHead(answer.status, Object.fromEntries(answer.headers)).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const here = { ...links, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
    const secretBefore = process.env.SESSION_SECRET;
    process.env.SESSION_SECRET = links.secret;
    setSharedDatabase(db);
    try {
      const due = Date.UTC(2027, 0, 31, 12);
      const { projectId } = await projectDueOn(due);
      expect(await sweepCheckInReminders(db, mailer, here, due - 1 * day)).toBe(1);
      const [reminder] = await smtp.waitFor(owner, 1);
      const headers = Object.fromEntries(reminder!.headerLines.map((h) => [h.key, h.line.slice(h.key.length + 1).trim()]));
      // A plain-http server here: the header makes no one-click promise (RFC 8058 asks https), yet
      // its address still stops on the POST a mail client makes.
      expect(headers["list-unsubscribe-post"]).toBeUndefined();
      const oneClick = /^<(.+)>$/.exec(headers["list-unsubscribe"] ?? "")?.[1] ?? "";
      // The body still links the page that asks first, for a person reading the email.
      const page = linkIn(reminder!, `${here.baseUrl}/stop/`);
      expect(oneClick).toBe(`${page}/now`);

      const answer = await fetch(oneClick, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
        redirect: "manual",
      });
      expect(answer.status).toBe(200);
      const [project] = await db.read.select().from(projects).where(eq(projects.id, projectId));
      expect(project?.remindersStoppedAt).not.toBeNull();
      // Stopped for good: the overdue reminder never goes.
      expect(await sweepCheckInReminders(db, mailer, here, due + 3 * day)).toBe(0);
      expect(smtp.to(owner)).toHaveLength(1);
    } finally {
      process.env.SESSION_SECRET = secretBefore;
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("a reminder's stop link stops the reminders of the address it went to, and no later owner's", async () => {
    const due = Date.UTC(2027, 0, 31, 12);
    const { projectId } = await projectDueOn(due);
    const stoppedAt = async () =>
      (await db.read.select().from(projects).where(eq(projects.id, projectId)))[0]?.remindersStoppedAt;
    expect(await sweepCheckInReminders(db, mailer, links, due - 1 * day)).toBe(1);
    const [first] = await smtp.waitFor(owner, 1);
    const oldStop = linkIn(first!, `${links.baseUrl}/stop/`).slice(`${links.baseUrl}/stop/`.length);

    // The owner stops them; saving their address again (another case, say) leaves them stopped.
    expect(await stopEmails(db, links.secret, oldStop)).toMatchObject({ kind: "reminders", stopped: true });
    expect(await db.transact((tx) => saveOwnerEmail(tx, projectId, " Owner@Example.test"))).toBe("unchanged");
    expect(await stoppedAt()).not.toBeNull();
    expect(await sweepCheckInReminders(db, mailer, links, due + 5 * day)).toBe(0);

    // A new owner: their reminders start, and the old owner's link no longer stops them.
    const next = "next-owner@example.test";
    expect(await db.transact((tx) => saveOwnerEmail(tx, projectId, next))).toBe("changed");
    expect(await stoppedAt()).toBeNull();
    expect(await stopEmails(db, links.secret, oldStop)).toBe("outdated");
    expect(await stoppedAt()).toBeNull();
    expect(await sweepCheckInReminders(db, mailer, links, due + 10 * day)).toBe(1);
    const [theirs] = await smtp.waitFor(next, 1);
    const newStop = linkIn(theirs!, `${links.baseUrl}/stop/`).slice(`${links.baseUrl}/stop/`.length);
    expect(newStop).not.toBe(oldStop);
    expect(await stopEmails(db, links.secret, newStop)).toMatchObject({ kind: "reminders", title: "Pop-up café", stopped: true });
    expect(await stoppedAt()).not.toBeNull();
  });

  it("an owner's link an organiser stopped stays stopped: no reminder makes a new one until an organiser does", async () => {
    const due = Date.UTC(2027, 0, 31, 12);
    const { projectId } = await projectDueOn(due);
    const tokenHash = async () => (await db.read.select().from(projects).where(eq(projects.id, projectId)))[0]?.ownerTokenHash;
    expect(await sweepCheckInReminders(db, mailer, links, due - 1 * day)).toBe(1);
    const [first] = await smtp.waitFor(owner, 1);
    const firstHash = await tokenHash();
    expect(await projectForOwner(db.read, projectId, firstHash ?? "")).not.toBeNull();

    // Stopped: the link in the email opens nothing, and neither the sweep nor a nudge sends a working one.
    await db.transact((tx) => revokeOwnerLink(tx, projectId));
    expect(await projectForOwner(db.read, projectId, firstHash ?? "")).toBeNull();
    expect(await sweepCheckInReminders(db, mailer, links, due + 5 * day)).toBe(0);
    expect(await sendNudge(db, mailer, links, projectId)).toBe("link_stopped");
    expect(await tokenHash()).toBeNull();
    expect(smtp.to(owner)).toHaveLength(1);
    expect(first?.text).toContain(`${links.baseUrl}/r/`);

    // An organiser makes a new one: reminders go again, bound to it.
    await db.transact((tx) => newOwnerLink(tx, projectId));
    const renewed = await tokenHash();
    expect(await sweepCheckInReminders(db, mailer, links, due + 6 * day)).toBe(1);
    await smtp.waitFor(owner, 2);
    expect(await tokenHash()).toBe(renewed);

    // A different owner's address: the link the old address had stops working; the next reminder makes theirs.
    expect(await db.transact((tx) => saveOwnerEmail(tx, projectId, "new-owner@example.test"))).toBe("changed");
    expect(await projectForOwner(db.read, projectId, renewed ?? "")).toBeNull();
    expect(await sendNudge(db, mailer, links, projectId)).toBe("sent");
    await smtp.waitFor("new-owner@example.test", 1);
    expect(await tokenHash()).not.toBe(renewed);
  });

  it("an owner who never checks in is reminded of day 30, 60 and 90: due, then overdue a week apart, a few times at most, never daily", async () => {
    const due = Date.UTC(2027, 0, 31, 12);
    const start = due - 30 * day;
    await projectDueOn(due);
    const sentOn: number[] = [];
    // The sweep runs every few minutes; once a day at noon is enough to see what it sends on which day.
    for (let d = 0; d <= 130; d++) {
      if ((await sweepCheckInReminders(db, mailer, links, start + d * day)) > 0) sentOn.push(d);
    }
    // Day 30: due a week before, overdue the day after and weekly twice more; then day 60's week, then day 90's.
    expect(sentOn).toEqual([23, 31, 38, 45, 53, 61, 68, 75, 83, 91, 98, 105]);
    const mails = await smtp.waitFor(owner, 12);
    const dueDates = mails.map((m) => /(?:due by|due on) (\d+ \w+ \d{4})/.exec(m.text ?? "")?.[1]);
    expect(new Set(dueDates)).toEqual(new Set(["31 Jan 2027", "2 Mar 2027", "1 Apr 2027"]));
  });

  it("saving the milestones form unchanged sends no reminder again, and keeps each milestone's row", async () => {
    const due = Date.UTC(2027, 0, 31, 12);
    const { projectId } = await projectDueOn(due);
    expect(await sweepCheckInReminders(db, mailer, links, due - 2 * day)).toBe(1);
    const rows = async () =>
      (await db.read.select().from(projectMilestones).where(eq(projectMilestones.projectId, projectId))).map((m) => m.id).sort();
    const before = await rows();
    const stored = await db.read.select().from(projectMilestones).where(eq(projectMilestones.projectId, projectId));
    const posted = milestoneViews(stored).map((m) => ({
      day: m.day,
      title: m.title,
      dueAt: Date.parse(`${m.dueDate}T12:00:00Z`),
      done: m.done,
    }));
    const basis = readBasis(basisOf({ milestones: milestoneViews(stored) }));
    expect(await db.transact((tx) => saveMilestones(tx, projectId, posted, basis, due - 2 * day))).toMatchObject({
      kind: "saved",
    });
    expect(await rows()).toEqual(before);
    expect(await sweepCheckInReminders(db, mailer, links, due - 1 * day)).toBe(0);
    // A milestone renamed is the same milestone, on the same date: still no second reminder.
    const renamed = posted.map((m, i) => (i === 0 ? { ...m, title: "Café open twice" } : m));
    await db.transact((tx) => saveMilestones(tx, projectId, renamed, null, due - 1 * day));
    expect(await sweepCheckInReminders(db, mailer, links, due - 1 * day)).toBe(0);
    expect(smtp.to(owner)).toHaveLength(1);
  });

  it("more than 20 milestones are refused whole: none is dropped", async () => {
    const due = Date.UTC(2027, 0, 31, 12);
    const { projectId } = await projectDueOn(due);
    const many = Array.from({ length: 21 }, (_, i) => ({
      day: i + 1,
      title: `Step ${i + 1}`,
      dueAt: due + i * day,
      done: false,
    }));
    expect(await db.transact((tx) => saveMilestones(tx, projectId, many, null, due))).toEqual({ kind: "too_many", count: 21 });
    const stored = await db.read.select().from(projectMilestones).where(eq(projectMilestones.projectId, projectId));
    expect(stored.map((m) => m.day).sort((a, b) => a - b)).toEqual([30, 60, 90]);
    expect(await db.transact((tx) => saveMilestones(tx, projectId, many.slice(0, 20), null, due))).toMatchObject({
      kind: "saved",
    });
    expect(await db.read.select().from(projectMilestones).where(eq(projectMilestones.projectId, projectId))).toHaveLength(20);
  });

  it("a new owner gets the current milestone's reminder, even though the old owner had it", async () => {
    const due = Date.UTC(2027, 0, 31, 12);
    const { projectId } = await projectDueOn(due);
    expect(await sweepCheckInReminders(db, mailer, links, due - 3 * day)).toBe(1);
    await smtp.waitFor(owner, 1);
    const next = "taken-over@example.test";
    expect(await db.transact((tx) => saveOwnerEmail(tx, projectId, next))).toBe("changed");
    expect(await sweepCheckInReminders(db, mailer, links, due - 2 * day)).toBe(1);
    const [theirs] = await smtp.waitFor(next, 1);
    expect(theirs?.text).toContain("Your next check-in is due by 31 Jan 2027.");
    // And then once, as anyone's.
    expect(await sweepCheckInReminders(db, mailer, links, due - 1 * day)).toBe(0);
  });

  it("a check-in covers the milestone: no reminder", async () => {
    const due = Date.UTC(2027, 0, 31, 12);
    const { projectId } = await projectDueOn(due);
    await db.transact((tx) =>
      tx.insert(projectCheckIns).values({
        id: crypto.randomUUID(),
        projectId,
        status: "on_track",
        authorName: "Amara",
        createdAt: due - 5 * day,
      }),
    );
    expect(await sweepCheckInReminders(db, mailer, links, due + 3 * day)).toBe(0);
  });

  it("a reminder claimed by a process that stopped before sending goes once the claim's lease is over, and only once", async () => {
    const due = Date.UTC(2027, 0, 31, 12);
    const { projectId } = await projectDueOn(due);
    const crashedAt = due - 2 * day;
    // What a process leaves when it stops between claiming a reminder and handing it to the relay.
    await db.transact((tx) => claim(tx, reminderClaimKey(projectId, "2027-01-31"), "due", crashedAt, 3 * day));
    // Within the lease the claim may still be someone sending: nothing goes twice.
    expect(await sweepCheckInReminders(db, mailer, links, crashedAt + claimLeaseMs - 1)).toBe(0);
    expect(await sweepCheckInReminders(db, mailer, links, crashedAt + claimLeaseMs)).toBe(1);
    const [reminder] = await smtp.waitFor(owner, 1);
    expect(reminder?.subject).toBe('"Pop-up café": time for a check-in');
    // Sent, and marked so: later sweeps leave it, however long after.
    expect(await sweepCheckInReminders(db, mailer, links, crashedAt + 3 * claimLeaseMs)).toBe(0);
    expect(smtp.to(owner)).toHaveLength(1);
  });

  it("a reminder claimed by a process still on the code from before leases (a rolling deploy) counts as sent: it does not go twice", async () => {
    const due = Date.UTC(2027, 0, 31, 12);
    const { projectId } = await projectDueOn(due);
    const claimedAt = due - 2 * day;
    // The old code's claim names no sent_at: it sent, and marks nothing.
    await db.transact((tx) =>
      tx.run(
        sql`INSERT INTO email_claims (key, detail, claimed_at) VALUES (${reminderClaimKey(projectId, "2027-01-31")}, 'due', ${claimedAt})`,
      ),
    );
    expect(await sweepCheckInReminders(db, mailer, links, claimedAt + 3 * claimLeaseMs)).toBe(0);
    expect(smtp.to(owner)).toHaveLength(0);
  });

  it("progress news whose sender stopped before sending goes with a later sweep once the lease is over", async () => {
    const event = await eventWithNewsOwed();
    const [amara] = await db.read.select().from(participants).where(eq(participants.eventId, event.id));
    const key = `progress:${event.id}:${amara!.id}`;
    await db.transact((tx) => claim(tx, key, "sent", Date.now() - 60_000, Number.MAX_SAFE_INTEGER));
    expect(await announceProgress(db, mailer, event.id, links)).toEqual({ sent: 0, failed: 0 });
    expect(await progressNewsOwed(db, event.id)).toBe(0);
    await db.transact((tx) =>
      tx.run(sql`UPDATE email_claims SET claimed_at = ${Date.now() - claimLeaseMs - 1} WHERE key = ${key}`),
    );
    expect(await progressNewsOwed(db, event.id)).toBe(1);
    expect(await announceProgress(db, mailer, event.id, links)).toEqual({ sent: 1, failed: 0 });
    expect(await announceProgress(db, mailer, event.id, links)).toEqual({ sent: 0, failed: 0 });
    expect(smtp.to("amara@example.test")).toHaveLength(1);
  });

  it("a reminder claimed before reminders were counted by milestone date is not sent again after the upgrade", async () => {
    // Claims as the sweep wrote them before: keyed by the milestone's row, detail "due" or "overdue".
    const winter = Date.UTC(2027, 0, 31, 12);
    // 23:30 UTC in British Summer Time is already the 15th in London, the milestone's date.
    const summer = Date.UTC(2027, 6, 14, 23, 30);
    const a = await projectDueOn(winter, "winter@example.test");
    const b = await projectDueOn(summer, "summer@example.test");
    const oldClaim = async (projectId: string, dueAt: number, detail: string, claimedAt: number) => {
      const [milestone] = await db.read
        .select()
        .from(projectMilestones)
        .where(and(eq(projectMilestones.projectId, projectId), eq(projectMilestones.dueAt, dueAt)));
      await db.transact((tx) =>
        tx.run(
          sql`INSERT INTO email_claims (key, detail, claimed_at, sent_at) VALUES (${`reminder:${milestone!.id}`}, ${detail}, ${claimedAt}, ${claimedAt})`,
        ),
      );
    };
    await oldClaim(a.projectId, winter, "due", winter - 2 * day);
    await oldClaim(b.projectId, summer, "overdue", summer + 2 * day);
    const upgrade = readFileSync(join(migrationsFolder, "0033_reminder_claims_by_milestone_date.sql"), "utf8");
    await db.transact(async (tx) => {
      for (const statement of upgrade.split("--> statement-breakpoint")) await tx.run(sql.raw(statement));
    });
    expect(await sweepCheckInReminders(db, mailer, links, winter - 1 * day)).toBe(0);
    expect(await sweepCheckInReminders(db, mailer, links, summer + 3 * day)).toBe(0);
    expect(smtp.delivered).toHaveLength(0);
    // The next round of each still goes: the summer milestone's second week overdue.
    expect(await sweepCheckInReminders(db, mailer, links, summer + 9 * day)).toBe(1);
  });

  it("two processes sweeping at the same moment send each reminder once", async () => {
    const due = Date.UTC(2027, 0, 31, 12);
    for (let i = 0; i < 5; i++) await projectDueOn(due, `owner${i}@example.test`);
    const second = await openDatabase(temp.url);
    try {
      const sweeps = await Promise.all(
        [db, second, db, second].map((handle) => sweepCheckInReminders(handle, mailer, links, due - 2 * day)),
      );
      expect(sweeps.reduce((a, b) => a + b, 0)).toBe(5);
      for (let i = 0; i < 5; i++) expect(smtp.to(`owner${i}@example.test`)).toHaveLength(1);
    } finally {
      second.close();
    }
  });

  it("an organiser's reminder goes at once, then not again the same day", async () => {
    const { projectId } = await projectDueOn(Date.now() + 20 * day);
    expect(await sendNudge(db, mailer, links, projectId)).toBe("sent");
    const [nudge] = await smtp.waitFor(owner, 1);
    expect(nudge?.subject).toBe('"Pop-up café": time for a check-in');
    expect(await sendNudge(db, mailer, links, projectId)).toBe("too_soon");
    const noEmail = await projectDueOn(Date.now() + 20 * day, "");
    expect(await sendNudge(db, mailer, links, noEmail.projectId)).toBe("no_email");
  });

  it("an owner gets one reminder a day at most, whether an organiser or the schedule sends it", async () => {
    const due = Date.now() - 2 * day;
    const { projectId } = await projectDueOn(due);
    // The organiser reminds an owner whose check-in is overdue; the scheduled sweep runs a minute later.
    expect(await sendNudge(db, mailer, links, projectId)).toBe("sent");
    expect(await sweepCheckInReminders(db, mailer, links, Date.now() + 60_000)).toBe(0);
    expect(smtp.to(owner)).toHaveLength(1);
    // A day on, the scheduled overdue reminder goes.
    expect(await sweepCheckInReminders(db, mailer, links, Date.now() + day + 60_000)).toBe(1);
    await smtp.waitFor(owner, 2);

    // The other way round: the schedule reminded another owner, so the organiser's button waits a day.
    const other = await projectDueOn(due, "other-owner@example.test");
    expect(await sweepCheckInReminders(db, mailer, links)).toBe(1);
    await smtp.waitFor("other-owner@example.test", 1);
    expect(await sendNudge(db, mailer, links, other.projectId)).toBe("too_soon");
    expect(smtp.to("other-owner@example.test")).toHaveLength(1);
  });

  it("a weekly digest goes to organisers of projects that need attention, once a week", async () => {
    const due = Date.UTC(2027, 0, 31, 12);
    const { organiser, event, projectId } = await projectDueOn(due);
    const [account] = await db.read.select().from(accounts).where(eq(accounts.id, organiser.accountId));
    const now = due + 2 * day;
    expect(await sweepOrganiserDigests(db, mailer, links, now)).toBe(1);
    const [digest] = await smtp.waitFor(account!.email, 1);
    expect(digest?.subject).toBe("1 project needs attention this week");
    expect(digest?.text).toContain("Pop-up café: Check-in overdue by 2 days");
    expect(digest?.text).toContain(`${links.baseUrl}/o/${event.slug}/projects/${projectId}`);
    expect(await sweepOrganiserDigests(db, mailer, links, now + 1 * day)).toBe(0);
    // The digest's own stop link.
    const stop = linkIn(digest!, `${links.baseUrl}/stop/`).slice(`${links.baseUrl}/stop/`.length);
    expect(await stopEmails(db, links.secret, stop)).toMatchObject({ kind: "digest" });
    expect(await sweepOrganiserDigests(db, mailer, links, now + 8 * day)).toBe(0);
    // Their way back (Your events): the next week's digest comes again.
    await db.transact((tx) => chooseDigest(tx, organiser.accountId, true));
    expect(await sweepOrganiserDigests(db, mailer, links, now + 15 * day)).toBe(1);
    await smtp.waitFor(account!.email, 2);
  });

  it("a password reset link works once and not after it expires", async () => {
    const { accountId } = await createAccount(db);
    const [account] = await db.read.select().from(accounts).where(eq(accounts.id, accountId));
    expect(await requestPasswordReset(db, "nobody@example.test")).toBeNull();
    const reset = await requestPasswordReset(db, account!.email);
    await deliver(db, mailer, {
      eventId: null,
      kind: "password_reset",
      to: reset!.email,
      content: passwordResetEmail({
        locale: "en-GB",
        link: `${links.baseUrl}/signin/reset/${reset!.token}`,
        minutes: resetMinutes,
      }),
    });
    const [mail] = await smtp.waitFor(account!.email, 1);
    const token = linkIn(mail!, `${links.baseUrl}/signin/reset/`).slice(`${links.baseUrl}/signin/reset/`.length);
    expect(token).toBe(reset!.token);
    expect(await resetLinkWorks(db, token)).toBe(true);
    expect(await resetPassword(db, token, "a brand new password")).not.toBeNull();
    const [after] = await db.read.select().from(accounts).where(eq(accounts.id, accountId));
    expect(await verifyPassword("a brand new password", after!.passwordHash)).toBe(true);
    // Reused: refused.
    expect(await resetLinkWorks(db, token)).toBe(false);
    expect(await resetPassword(db, token, "another new password")).toBeNull();
    // Expired: refused.
    const old = await requestPasswordReset(db, account!.email, Date.now() - (resetMinutes + 1) * 60_000);
    expect(await resetPassword(db, old!.token, "another new password")).toBeNull();
    expect((await db.read.select().from(passwordResets)).length).toBe(2);
  });

  it("a catch-up invites the weekend's team members who agreed to email, once each", async () => {
    const organiser = await createAccount(db);
    const weekend = await createTestEvent(db, organiser.accountId);
    const teamId = crypto.randomUUID();
    await db.transact((tx) => tx.insert(teams).values({ id: teamId, eventId: weekend.id, name: "Parks team", position: 0 }));
    const people = [
      { name: "Amara", consent: true, contact: "amara@example.test", inTeam: true },
      { name: "Ben", consent: true, contact: "07700 900123", inTeam: true },
      { name: "Chi", consent: false, contact: "chi@example.test", inTeam: true },
      { name: "Dev", consent: true, contact: "dev@example.test", inTeam: false },
    ];
    for (const p of people) {
      const id = await addParticipant(db, weekend.id, p.name);
      await db.transact(async (tx) => {
        await tx.update(participants).set({ contactConsent: p.consent, contact: p.contact }).where(eq(participants.id, id));
        if (p.inTeam) await tx.insert(teamMembers).values({ eventId: weekend.id, participantId: id, teamId });
      });
    }
    const catchUp = await db.transact((tx) =>
      createCatchUp(tx, {
        followsEventId: weekend.id,
        name: "30-day catch-up",
        place: "Brixton library",
        startsAt: Date.UTC(2027, 1, 3, 18),
        endsAt: Date.UTC(2027, 1, 3, 20),
        createdBy: organiser.accountId,
      }),
    );
    expect(await catchUpAudience(db, catchUp.id)).toMatchObject({ emailable: 1, byLinkOnly: 2 });
    expect(await inviteToCatchUp(db, mailer, catchUp.id, links)).toEqual({ sent: 1, failed: 0 });
    expect(await inviteToCatchUp(db, mailer, catchUp.id, links)).toEqual({ sent: 0, failed: 0 });
    const [invite] = await smtp.waitFor("amara@example.test", 1);
    expect(invite?.subject).toBe("Catch up with your team: 30-day catch-up");
    expect(invite?.text).toContain(`${links.baseUrl}/e/${catchUp.slug}`);
    expect(invite?.text).toContain("Brixton library");
    expect(smtp.delivered.flatMap((d) => d.to)).toEqual(["amara@example.test"]);
  });

  it("a young person's parent or carer gets the after-the-weekend emails worded for them, without the young person's full name", async () => {
    const { weekend, catchUp } = await teamMemberWhoAgreed({
      weekendName: "Young Lambeth",
      name: "Zelda Quinn",
      details: { contact: "carer@example.test", ageBand: "under_16", language: "fr" },
      catchUpName: "Retrouvailles",
    });
    expect(await inviteToCatchUp(db, mailer, catchUp.id, links)).toEqual({ sent: 1, failed: 0 });
    await publicProject(weekend.id);
    expect(await announceProgress(db, mailer, weekend.id, links)).toEqual({ sent: 1, failed: 0 });
    const [invite, progress] = await smtp.waitFor("carer@example.test", 2);
    expect(invite?.subject).toBe("Retrouvailles\u00a0: des retrouvailles pour Z. Q. et son équipe");
    for (const email of [invite!, progress!]) {
      expect(email.text).toContain("Bonjour,");
      expect(email.text).toContain("parce que Z. Q. a participé au week-end et que vous avez accepté, en tant que parent");
      expect(email.text).not.toContain("Zelda");
      expect(email.text).not.toContain("vous avez participé");
    }
  });

  it("someone who never said their age is emailed as a young person would be: by initials, greeted without their name, even their own device link", async () => {
    const {
      weekend,
      catchUp,
      participantId: unknown,
    } = await teamMemberWhoAgreed({
      weekendName: "Made in Lambeth",
      name: "Xavier Yusuf",
      ageBand: null,
      details: { contact: "xy@example.test" },
      catchUpName: "30-day catch-up",
    });
    expect(await inviteToCatchUp(db, mailer, catchUp.id, links)).toEqual({ sent: 1, failed: 0 });
    await publicProject(weekend.id);
    expect(await announceProgress(db, mailer, weekend.id, links)).toEqual({ sent: 1, failed: 0 });
    const url = `${links.baseUrl}/c/token`;
    // They asked for it on their own phone: it goes, but the address is not known to be theirs.
    expect(
      await emailDeviceLink(db, mailer, { eventId: weekend.id, eventName: "Made in Lambeth", participantId: unknown, url }),
    ).toBe(true);
    const [invite, progress, device] = await smtp.waitFor("xy@example.test", 3);
    expect(invite?.subject).toBe("30-day catch-up: a catch-up for X. Y. and their team");
    for (const email of [invite!, progress!]) {
      expect(email.text).toContain("Hello,");
      expect(email.text).toContain("because X. Y. took part in the weekend and this address was given");
      // Neither "you took part" nor "as their parent or carer": the reader may be either.
      expect(email.text).not.toContain("you took part");
      expect(email.text).not.toContain("parent or carer");
    }
    expect(linkIn(device!, `${links.baseUrl}/c/`)).toBe(url);
    expect(device?.text).toContain("Hello,");
    for (const email of [invite!, progress!, device!]) {
      expect(email.subject).not.toContain("Xavier");
      expect(email.text).not.toContain("Xavier");
      expect(email.text).not.toContain("Yusuf");
      expect(email.html).not.toContain("Xavier");
    }
  });

  it("participants who agreed get their device link and the progress page news, once; others get nothing", async () => {
    const organiser = await createAccount(db);
    const event = await createTestEvent(db, organiser.accountId);
    const yes = await addParticipant(db, event.id, "Amara");
    const no = await addParticipant(db, event.id, "Ben");
    await db.transact((tx) =>
      tx.update(participants).set({ contactConsent: true, contact: "amara@example.test" }).where(eq(participants.id, yes)),
    );
    await db.transact((tx) => tx.update(participants).set({ contact: "ben@example.test" }).where(eq(participants.id, no)));
    const url = `${links.baseUrl}/c/token`;
    // A young person's contact is their parent's: their sign-in link is never mailed there.
    const youth = await createTestEvent(db, organiser.accountId, "Young Lambeth");
    for (const [name, ageBand] of [
      ["Zelda", "under_16"],
      ["Yan", "16_17"],
    ] as const) {
      const young = await addParticipant(db, youth.id, name);
      await db.transact((tx) =>
        tx
          .update(participants)
          .set({ contactConsent: true, contact: "parent@example.test", ageBand })
          .where(eq(participants.id, young)),
      );
      expect(
        await emailDeviceLink(db, mailer, { eventId: youth.id, eventName: "Young Lambeth", participantId: young, url }),
      ).toBe(false);
    }
    expect(await emailDeviceLink(db, mailer, { eventId: event.id, eventName: "Made in Lambeth", participantId: yes, url })).toBe(
      true,
    );
    expect(await emailDeviceLink(db, mailer, { eventId: event.id, eventName: "Made in Lambeth", participantId: no, url })).toBe(
      false,
    );
    const [device] = await smtp.waitFor("amara@example.test", 1);
    expect(linkIn(device!, `${links.baseUrl}/c/`)).toBe(url);
    expect(device?.text).toContain("Hello Amara,");
    await publicProject(event.id);
    expect(await announceProgress(db, mailer, event.id, links)).toEqual({ sent: 1, failed: 0 });
    expect(await announceProgress(db, mailer, event.id, links)).toEqual({ sent: 0, failed: 0 });
    const [, progress] = await smtp.waitFor("amara@example.test", 2);
    expect(linkIn(progress!, links.baseUrl)).toBe(`${links.baseUrl}/e/${event.slug}/progress`);
    expect(smtp.to("ben@example.test")).toHaveLength(0);
    expect(smtp.to("parent@example.test")).toHaveLength(0);
  });

  it("catch-up invitations and progress news the relay refused are counted, and go on the next try", async () => {
    const { weekend, catchUp } = await teamMemberWhoAgreed({
      weekendName: "Made in Lambeth",
      name: "Amara Osei",
      details: { contact: "amara@example.test" },
      catchUpName: "30-day catch-up",
    });
    await publicProject(weekend.id);
    expect(await inviteToCatchUp(db, refusingRelay, catchUp.id, links)).toEqual({ sent: 0, failed: 1 });
    expect(await announceProgress(db, refusingRelay, weekend.id, links)).toEqual({ sent: 0, failed: 1 });
    expect(await inviteToCatchUp(db, mailer, catchUp.id, links)).toEqual({ sent: 1, failed: 0 });
    expect(await announceProgress(db, mailer, weekend.id, links)).toEqual({ sent: 1, failed: 0 });
    const [invite, news] = await smtp.waitFor("amara@example.test", 2);
    expect(invite?.subject).toBe("Catch up with your team: 30-day catch-up");
    expect(linkIn(news!, links.baseUrl)).toBe(`${links.baseUrl}/e/${weekend.slug}/progress`);
    // Once each, still.
    expect(await inviteToCatchUp(db, mailer, catchUp.id, links)).toEqual({ sent: 0, failed: 0 });
    expect(await announceProgress(db, mailer, weekend.id, links)).toEqual({ sent: 0, failed: 0 });
  });

  it("making a project public answers while the relay hangs; the news arrives once the relay answers", async () => {
    const event = await eventWithNewsOwed();
    const stalled = await startSmtpServer({ stalled: true });
    const slowRelay = smtpMailer(stalled.url, "Made In <madein@council.test>");
    try {
      // What the organiser's form is answered with, while the relay has not said a word.
      const { owed, sending } = await tellProgressSoon(db, slowRelay, event.id, links);
      expect(owed).toBe(1);
      await stalled.holding();
      expect(stalled.delivered).toHaveLength(0);
      stalled.release();
      const [news] = await stalled.waitFor("amara@example.test", 1);
      expect(linkIn(news!, links.baseUrl)).toBe(`${links.baseUrl}/e/${event.slug}/progress`);
      expect(await sending).toEqual({ sent: 1, failed: 0 });
      expect(await progressNewsOwed(db, event.id)).toBe(0);
    } finally {
      slowRelay.close();
      await stalled.close();
    }
  });

  it("a relay that takes the connection and never greets ends each organiser's send as not sent, not a hung form", {
    timeout: 25_000,
  }, async () => {
    // nodemailer's own waits (30 s for a greeting, per message) would outlast this test's timeout.
    const { projectId } = await projectDueOn(Date.now() + 2 * day);
    const { weekend, catchUp } = await teamMemberWhoAgreed({
      weekendName: "Made in Lambeth",
      name: "Amara Osei",
      details: { contact: "amara@example.test" },
      catchUpName: "30-day catch-up",
    });
    const [team] = await db.read.select().from(teams).where(eq(teams.eventId, weekend.id));
    for (const name of ["Ben", "Chidi"]) {
      const participantId = await addParticipant(db, weekend.id, name);
      await db.transact(async (tx) => {
        const contact = `${name.toLowerCase()}@example.test`;
        await tx.update(participants).set({ contactConsent: true, contact }).where(eq(participants.id, participantId));
        await tx.insert(teamMembers).values({ eventId: weekend.id, participantId, teamId: team!.id });
      });
    }
    const stalled = await startSmtpServer({ stalled: true });
    const silentRelay = smtpMailer(stalled.url, "Made In <madein@council.test>");
    const content = {
      eventName: "Made in Lambeth",
      link: `${links.baseUrl}/invite/abc`,
    };
    try {
      // The four sends an organiser's form waits for, all at once against the silent relay.
      const [ownerLink, staffInvite, reminder, invitations] = await Promise.all([
        deliver(db, silentRelay, {
          eventId: weekend.id,
          kind: "owner_link",
          to: owner,
          content: ownerLinkEmail({ locale: "en-GB", projectTitle: "Pop-up café", ...content }),
        }),
        deliver(db, silentRelay, {
          eventId: weekend.id,
          kind: "staff_invite",
          to: "facilitator@example.test",
          content: staffInviteEmail({ locale: "en-GB", role: "facilitator", days: 7, ...content }),
        }),
        sendNudge(db, silentRelay, links, projectId),
        inviteToCatchUp(db, silentRelay, catchUp.id, links),
      ]);
      expect([ownerLink, staffInvite, reminder]).toEqual([false, false, "refused"]);
      // All three counted as not sent, in one wait: the round stops at the first the relay never answered.
      expect(invitations).toEqual({ sent: 0, failed: 3 });
      expect(stalled.delivered).toHaveLength(0);
      // Nothing was used up: once the relay works, the same buttons send.
      expect(await sendNudge(db, mailer, links, projectId)).toBe("sent");
      expect(await inviteToCatchUp(db, mailer, catchUp.id, links)).toEqual({ sent: 3, failed: 0 });
    } finally {
      silentRelay.close();
      await stalled.close();
    }
  });

  it("a scheduled sweep against a relay that never greets waits for it once, not once per message; the next sweep sends them all", {
    timeout: 60_000,
  }, async () => {
    // Two owners owed a reminder, their organisers a digest, and someone owed a project's news.
    await projectDueOn(Date.now() + 2 * day, "first-owner@example.test");
    await projectDueOn(Date.now() + 3 * day, "second-owner@example.test");
    const event = await eventWithNewsOwed();
    const stalled = await startSmtpServer({ stalled: true });
    const silentRelay = smtpMailer(stalled.url, "Made In <madein@council.test>");
    try {
      await sweepEmail(db, silentRelay, links);
      // One wait (nodemailer's greeting timeout), then the sweep stopped: nothing else was tried.
      expect(stalled.connections()).toBe(1);
      expect(stalled.delivered).toHaveLength(0);
    } finally {
      silentRelay.close();
      await stalled.close();
    }
    // Nothing was used up: the next sweep, with the relay mended, sends every one.
    await sweepEmail(db, mailer, links);
    await smtp.waitFor("first-owner@example.test", 1);
    await smtp.waitFor("second-owner@example.test", 1);
    await smtp.waitFor("amara@example.test", 1);
    expect(await progressNewsOwed(db, event.id)).toBe(0);
  });

  it("progress news the relay refused after the answer is recorded as failed, and the scheduled sweep sends it", async () => {
    const event = await eventWithNewsOwed();
    const { sending } = await tellProgressSoon(db, refusingRelay, event.id, links);
    expect(await sending).toEqual({ sent: 0, failed: 1 });
    const recorded = await db.read.select().from(sentEmails).where(eq(sentEmails.eventId, event.id));
    expect(recorded.map((r) => [r.kind, r.outcome])).toEqual([["progress_published", "failed"]]);
    expect(await progressNewsOwed(db, event.id)).toBe(1);
    const jobs = startEmailJobs(db, mailer, links, { everyMs: 3600_000 });
    try {
      await jobs.sweep();
    } finally {
      await jobs.stop();
    }
    const [news] = await smtp.waitFor("amara@example.test", 1);
    expect(linkIn(news!, links.baseUrl)).toBe(`${links.baseUrl}/e/${event.slug}/progress`);
    expect(await progressNewsOwed(db, event.id)).toBe(0);
  });

  it("progress news refused for good (no such mailbox) is recorded as failed and not sent again by every sweep", async () => {
    const event = await eventWithNewsOwed();
    const { sending } = await tellProgressSoon(db, noSuchMailbox, event.id, links);
    expect(await sending).toEqual({ sent: 0, failed: 1 });
    expect(await progressNewsOwed(db, event.id)).toBe(0);
    const jobs = startEmailJobs(db, noSuchMailbox, links, { everyMs: 3600_000 });
    try {
      await jobs.sweep();
      await jobs.sweep();
    } finally {
      await jobs.stop();
    }
    const recorded = await db.read.select().from(sentEmails).where(eq(sentEmails.eventId, event.id));
    expect(recorded.map((r) => [r.kind, r.outcome])).toEqual([["progress_published", "failed"]]);
  });

  it("progress news waits for the event to be published and a project to be public, then goes", async () => {
    const organiser = await createAccount(db);
    const event = await createTestEvent(db, organiser.accountId);
    const amara = await addParticipant(db, event.id, "Amara");
    await db.transact(async (tx) => {
      await tx
        .update(participants)
        .set({ contactConsent: true, contact: "amara@example.test" })
        .where(eq(participants.id, amara));
      await tx.update(events).set({ status: "draft" }).where(eq(events.id, event.id));
    });
    // Nothing public yet: nothing to tell.
    expect(await announceProgress(db, mailer, event.id, links)).toEqual({ sent: 0, failed: 0 });
    await publicProject(event.id);
    // A draft's progress page is its staff's only: the link would lead nowhere.
    expect(await announceProgress(db, mailer, event.id, links)).toEqual({ sent: 0, failed: 0 });
    await db.transact((tx) => tx.update(events).set({ status: "published" }).where(eq(events.id, event.id)));
    expect(await announceProgress(db, mailer, event.id, links)).toEqual({ sent: 1, failed: 0 });
    const [news] = await smtp.waitFor("amara@example.test", 1);
    expect(linkIn(news!, links.baseUrl)).toBe(`${links.baseUrl}/e/${event.slug}/progress`);
  });

  it("a device link is mailed to one address a few times an hour at most: anyone can join and type someone else's address, then press the button again and again", async () => {
    const organiser = await createAccount(db);
    const event = await createTestEvent(db, organiser.accountId);
    const url = `${links.baseUrl}/c/token`;
    // Two made-up people giving the same stranger's address (its case changed), and someone else.
    const [first, second, other] = [
      await addParticipant(db, event.id, "Mallory"),
      await addParticipant(db, event.id, "Trudy"),
      await addParticipant(db, event.id, "Olive"),
    ];
    await db.transact(async (tx) => {
      await tx
        .update(participants)
        .set({ contactConsent: true, contact: "stranger@example.test" })
        .where(eq(participants.id, first!));
      await tx
        .update(participants)
        .set({ contactConsent: true, contact: " Stranger@Example.TEST " })
        .where(eq(participants.id, second!));
      await tx
        .update(participants)
        .set({ contactConsent: true, contact: "olive@example.test" })
        .where(eq(participants.id, other!));
    });
    const press = (participantId: string) =>
      emailDeviceLink(db, mailer, { eventId: event.id, eventName: "Made in Lambeth", participantId, url });
    const mailed: boolean[] = [];
    for (let i = 0; i < 10; i++) mailed.push(await press(i % 2 === 0 ? first! : second!));
    expect(mailed.filter(Boolean)).toHaveLength(deviceLinkEmailsPerHour);
    expect(mailed.slice(deviceLinkEmailsPerHour)).not.toContain(true);
    // Someone else's own link still goes.
    expect(await press(other!)).toBe(true);
    await smtp.waitFor("olive@example.test", 1);
    await expect
      .poll(() => smtp.delivered.filter((m) => m.to.some((to) => /stranger@example\.test/i.test(to))).length)
      .toBe(deviceLinkEmailsPerHour);
  });

  it("every email sent on a participant's consent has a link that takes it back: their address goes and nothing more is sent", async () => {
    const organiser = await createAccount(db);
    const event = await createTestEvent(db, organiser.accountId);
    const amara = await addParticipant(db, event.id, "Amara");
    const ben = await addParticipant(db, event.id, "Ben");
    for (const [id, contact] of [
      [amara, "amara@example.test"],
      [ben, "ben@example.test"],
    ] as const) {
      await db.transact((tx) => tx.update(participants).set({ contactConsent: true, contact }).where(eq(participants.id, id)));
    }
    await publicProject(event.id);
    expect(await announceProgress(db, mailer, event.id, links)).toEqual({ sent: 2, failed: 0 });
    const [news] = await smtp.waitFor("amara@example.test", 1);
    expect(news?.text).toContain("Stop emails about this event:");
    expect(news?.headerLines.map((h) => h.line)).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    const stop = linkIn(news!, `${links.baseUrl}/stop/`).slice(`${links.baseUrl}/stop/`.length);
    expect(linkTokenId(stop)).toBe(amara);

    // Another person's id under Amara's mac, or a link of another kind, stops nothing.
    expect(await stopEmails(db, links.secret, `${ben}.${stop.slice(stop.lastIndexOf(".") + 1)}`)).toBeNull();
    expect(await stopEmails(db, links.secret, stop)).toMatchObject({ kind: "consent", title: "Made in Lambeth", stopped: true });
    expect(await stopEmails(db, links.secret, stop)).toMatchObject({ kind: "consent", stopped: true });

    const [after] = await db.read.select().from(participants).where(eq(participants.id, amara));
    expect(after).toMatchObject({ contactConsent: false, contact: "" });
    const record = await db.read.select().from(sentEmails).where(eq(sentEmails.eventId, event.id));
    expect(record.map((r) => r.recipient)).toEqual(["ben@example.test"]);
    const [stillBen] = await db.read.select().from(participants).where(eq(participants.id, ben));
    expect(stillBen).toMatchObject({ contactConsent: true, contact: "ben@example.test" });

    // A catch-up afterwards reaches Ben, not Amara.
    const teamId = crypto.randomUUID();
    await db.transact(async (tx) => {
      await tx.insert(teams).values({ id: teamId, eventId: event.id, name: "Parks team", position: 0 });
      for (const participantId of [amara, ben]) await tx.insert(teamMembers).values({ eventId: event.id, participantId, teamId });
    });
    const catchUp = await db.transact((tx) =>
      createCatchUp(tx, {
        followsEventId: event.id,
        name: "30-day catch-up",
        place: "",
        startsAt: Date.UTC(2027, 1, 3, 18),
        endsAt: Date.UTC(2027, 1, 3, 20),
        createdBy: organiser.accountId,
      }),
    );
    expect(await inviteToCatchUp(db, mailer, catchUp.id, links)).toEqual({ sent: 1, failed: 0 });
    const [, invite] = await smtp.waitFor("ben@example.test", 2);
    expect(linkTokenId(linkIn(invite!, `${links.baseUrl}/stop/`).slice(`${links.baseUrl}/stop/`.length))).toBe(ben);
    expect(smtp.to("amara@example.test")).toHaveLength(1);
  });

  it("an owner's reminder greets them without their name, in every language: an owner may be a young person", async () => {
    const greetings = { "en-GB": "Hello,", es: "Hola:", fr: "Bonjour,", pl: "Dzień dobry,", "pt-PT": "Olá," } as const;
    for (const [locale, greeting] of Object.entries(greetings)) {
      const address = `owner-${locale}@example.test`;
      const { projectId } = await projectDueOn(Date.now() + 2 * day, address);
      await db.transact((tx) => tx.update(projects).set({ ownerLanguage: locale }).where(eq(projects.id, projectId)));
      expect(await sendNudge(db, mailer, links, projectId)).toBe("sent");
      const [reminder] = await smtp.waitFor(address, 1);
      expect(reminder?.text?.trimStart().startsWith(greeting)).toBe(true);
      for (const body of [reminder?.text, reminder?.html]) expect(body).not.toContain("Amara");
    }
  });

  it("each person's email speaks their language: a participant's own, an organiser's choice, an owner's event's", async () => {
    const organiser = await createAccount(db);
    const event = await createTestEvent(db, organiser.accountId);
    const ana = await addParticipant(db, event.id, "Ana");
    const jan = await addParticipant(db, event.id, "Jan");
    await db.transact(async (tx) => {
      await tx
        .update(participants)
        .set({ contactConsent: true, contact: "ana@example.test", language: "pt-PT" })
        .where(eq(participants.id, ana));
      // No language of their own: their event's, here Polish.
      await tx.update(participants).set({ contactConsent: true, contact: "jan@example.test" }).where(eq(participants.id, jan));
      await tx.update(events).set({ language: "pl" }).where(eq(events.id, event.id));
    });
    const url = `${links.baseUrl}/c/token`;
    await emailDeviceLink(db, mailer, { eventId: event.id, eventName: "Made in Lambeth", participantId: ana, url });
    await emailDeviceLink(db, mailer, { eventId: event.id, eventName: "Made in Lambeth", participantId: jan, url });
    const [toAna] = await smtp.waitFor("ana@example.test", 1);
    expect(toAna?.subject).toBe("A sua ligação para Made in Lambeth");
    expect(toAna?.text).toContain("Olá, Ana,");
    expect(toAna?.html).toContain('<html lang="pt-PT"');
    const [toJan] = await smtp.waitFor("jan@example.test", 1);
    expect(toJan?.subject).toBe("Twój link do wydarzenia Made in Lambeth");

    // An owner's reminder is in the event's language, its date too, and its stop link says so in it.
    const due = Date.UTC(2027, 0, 31, 12);
    const { event: other } = await projectDueOn(due);
    await db.transact((tx) => tx.update(events).set({ language: "fr" }).where(eq(events.id, other.id)));
    await sweepCheckInReminders(db, mailer, links, due - 2 * day);
    const [reminder] = await smtp.waitFor(owner, 1);
    expect(reminder?.subject).toBe("« Pop-up café » : c’est le moment de faire le point");
    expect(reminder?.text).toContain("Votre prochain point est à faire avant le 31 janv. 2027.");
    expect(reminder?.text).toContain("Arrêter ces rappels : http");

    // An organiser who chose Spanish gets the weekly summary in Spanish, with Spanish plurals and dates.
    await db.transact((tx) => tx.update(accounts).set({ language: "es" }).where(eq(accounts.id, organiser.accountId)));
    const { projectId } = await projectDueOn(due);
    await db.transact(async (tx) => {
      const [p] = await tx.select().from(projects).where(eq(projects.id, projectId));
      await tx.update(projects).set({ eventId: event.id }).where(eq(projects.id, p!.id));
    });
    const [account] = await db.read.select().from(accounts).where(eq(accounts.id, organiser.accountId));
    expect(await sweepOrganiserDigests(db, mailer, links, due + 3 * day)).toBeGreaterThan(0);
    const [digest] = await smtp.waitFor(account!.email, 1);
    expect(digest?.subject).toBe("1 proyecto necesita atención esta semana");
    expect(digest?.text).toContain("Pop-up café: Seguimiento con 3 días de retraso (era para el 31 ene 2027)");
  });

  it("an owner who chose a language on their update page gets their reminders in it; a new owner, in the event's again", async () => {
    const due = Date.UTC(2027, 0, 31, 12);
    const { event, projectId } = await projectDueOn(due);
    await db.transact(async (tx) => {
      await tx.update(events).set({ language: "fr" }).where(eq(events.id, event.id));
      // As the language picker on /update/<project> keeps it (lib/projects/owner-language.ts).
      await tx.update(projects).set({ ownerLanguage: "pl" }).where(eq(projects.id, projectId));
    });
    await sweepCheckInReminders(db, mailer, links, due - 2 * day);
    const [reminder] = await smtp.waitFor(owner, 1);
    expect(reminder?.subject).toBe("„Pop-up café”: czas na aktualizację");
    expect(reminder?.html).toContain('<html lang="pl"');

    // Another address is maybe another person: their reminders are in the event's language until they choose.
    const next = "next-owner@example.test";
    expect(await db.transact((tx) => saveOwnerEmail(tx, projectId, next))).toBe("changed");
    await sweepCheckInReminders(db, mailer, links, due + 5 * day);
    const [theirs] = await smtp.waitFor(next, 1);
    expect(theirs?.html).toContain('<html lang="fr"');
  });

  it("an invitation says who invited them to what, with the link", async () => {
    await deliver(db, mailer, {
      eventId: null,
      kind: "staff_invite",
      to: "facilitator@example.test",
      content: staffInviteEmail({
        locale: "en-GB",
        eventName: "Made in Lambeth",
        role: "facilitator",
        link: `${links.baseUrl}/invite/abc`,
        days: 7,
      }),
    });
    const [mail] = await smtp.waitFor("facilitator@example.test", 1);
    expect(mail?.subject).toBe("You're invited to help run Made in Lambeth");
    expect(linkIn(mail!, links.baseUrl)).toBe(`${links.baseUrl}/invite/abc`);
    expect(mail?.html).toContain(`href="${links.baseUrl}/invite/abc"`);
  });

  it("a message the relay refuses is a JSON line in the server's log, with its kind and codes and no address; a relay out and a refusal for good are said apart", async () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const before = sharedLogger();
    setSharedLogger(createLogger({ nodeEnv: "production", destination }));
    const relayOut: Mailer = {
      async send() {
        throw Object.assign(new Error("Greeting never received"), { code: "ETIMEDOUT" });
      },
      close() {},
    };
    try {
      for (const relay of [refusingRelay, relayOut, noSuchMailbox]) {
        const sent = await deliver(db, relay, {
          eventId: null,
          kind: "password_reset",
          to: "nobody@example.test",
          content: passwordResetEmail({ locale: "en-GB", link: `${links.baseUrl}/reset/abc`, minutes: 30 }),
        });
        expect(sent).toBe(false);
      }
    } finally {
      setSharedLogger(before);
    }
    expect(lines).toEqual([
      expect.objectContaining({
        level: "warn",
        msg: "email: the relay refused a message",
        kind: "password_reset",
        code: "EENVELOPE",
      }),
      expect.objectContaining({ level: "warn", msg: "email: the relay could not be used", code: "ETIMEDOUT" }),
      expect.objectContaining({ level: "warn", msg: "email: the relay refused a message for good", responseCode: 550 }),
    ]);
    expect(JSON.stringify(lines)).not.toContain("nobody@");
  });

  it("a scheduled sweep that cannot record what it sent logs the failure without the address or the subject", async () => {
    await projectDueOn(Date.now() + day);
    // A write that fails as a full disk would: the insert's values travel in drizzle's error.
    await db.transact((tx) =>
      tx.run(sql.raw("CREATE TRIGGER refuse_sent BEFORE INSERT ON sent_emails BEGIN SELECT RAISE(ABORT, 'disk full'); END")),
    );
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const before = sharedLogger();
    setSharedLogger(createLogger({ nodeEnv: "production", destination }));
    const outcomes: string[] = [];
    const jobs = startEmailJobs(db, mailer, links, { everyMs: 3600_000, onSwept: (o) => outcomes.push(o) });
    try {
      await jobs.sweep();
    } finally {
      await jobs.stop();
      setSharedLogger(before);
    }
    expect(outcomes).toEqual(["failed"]);
    expect(smtp.to(owner)).toHaveLength(1);
    expect(lines).toEqual([expect.objectContaining({ level: "error", msg: "email: the scheduled sweep failed" })]);
    const text = JSON.stringify(lines);
    expect(text).not.toContain(owner);
    expect(text).not.toContain("Pop-up café");
    // Still enough to act on: the statement and SQLite's reason.
    expect(text).toContain("insert into");
    expect(text).toContain("disk full");
  });
});
