/**
 * The scheduled email sweep in two real OS processes on one database file (and one Redis, as
 * deployed), with a short interval and a real SMTP server: every process sweeps, and the claims
 * (lib/email/claims.ts) make each reminder go once. Outcomes are read from the SMTP server's
 * delivered messages; "both have swept again" from each process's own metric.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "@/db/client";
import { createProject } from "@/lib/projects/create-project";
import { startSmtpServer, type TestSmtpServer } from "../support/smtp-server";
import { type AppProcess, startAppProcess } from "./support/app-process";
import { createAccount, createTestEvent } from "./support/fixtures";
import { eventually } from "./support/ops-process";
import { startRedis, type TestRedis } from "./support/redis-server";

const day = 24 * 3600 * 1000;
const metricsToken = "sweep-test-metrics-token-0123456789";
const dueOwner = "due-owner@example.test";
const overdueOwner = "overdue-owner@example.test";

let redis: TestRedis;
let smtp: TestSmtpServer;
let dir: string;
let processes: AppProcess[] = [];
let db: Database;

/** How many sweeps this process has finished (its `madein_email_sweeps_total{outcome="ok"}`). */
async function sweepsOf(app: AppProcess) {
  const response = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
  const text = await response.text();
  const match = /^madein_email_sweeps_total\{outcome="ok"\} (\d+)/m.exec(text);
  return match ? Number(match[1]) : 0;
}

/** Resolves once every process has finished at least `more` sweeps after now. */
async function bothSweepAgain(more: number) {
  const start = await Promise.all(processes.map(sweepsOf));
  await eventually(
    async () => (await Promise.all(processes.map(sweepsOf))).every((n, i) => n >= (start[i] ?? 0) + more),
    `both processes to sweep ${more} more times`,
    60_000,
  );
}

beforeAll(async () => {
  [redis, smtp] = await Promise.all([startRedis(), startSmtpServer()]);
  dir = mkdtempSync(join(tmpdir(), "madein-sweep-"));
  const databaseUrl = `file:${join(dir, "madein.db")}`;
  const extra = {
    SMTP_URL: smtp.url,
    MAIL_FROM: "Made In <madein@council.test>",
    METRICS_TOKEN: metricsToken,
    PUBLIC_URL: "http://madein.test",
    APP_EMAIL_SWEEP_MS: "300",
  };
  processes = await Promise.all(
    ["A", "B"].map((name) => startAppProcess({ DATABASE_URL: databaseUrl, REDIS_URL: redis.url, name, extra })),
  );
  db = await openDatabase(databaseUrl);
}, 120_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.kill()));
  db?.close();
  await Promise.all([smtp?.close(), redis?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

describe("the scheduled email sweep, in two processes", () => {
  it("each owner gets one reminder per milestone, not two, and not again on later sweeps of either process", async () => {
    // Both processes are sweeping an empty database already.
    await bothSweepAgain(1);
    const organiser = await createAccount(db);
    const event = await createTestEvent(db, organiser.accountId);
    // A project's first milestone is 30 days in: one due in two days, one two days overdue.
    const now = Date.now();
    // In one transaction, so no sweep sees one project without the other.
    await db.transact(async (tx) => {
      for (const [ownerEmail, startedAt, title] of [
        [dueOwner, now + 2 * day - 30 * day, "Pop-up café"],
        [overdueOwner, now - 2 * day - 30 * day, "Community fridge"],
      ] as const) {
        await createProject(tx, {
          eventId: event.id,
          teamId: null,
          title,
          summary: "",
          ownerName: "Amara",
          ownerRole: "Resident",
          ownerEmail,
          coOwners: [],
          now: startedAt,
        });
      }
    });

    const [due] = await smtp.waitFor(dueOwner);
    const [overdue] = await smtp.waitFor(overdueOwner);
    expect(due?.subject).toBe('"Pop-up café": time for a check-in');
    expect(overdue?.subject).toBe('"Community fridge": your check-in is overdue');
    expect(due?.text).toContain("http://madein.test/r/");
    expect(overdue?.text).toContain("http://madein.test/stop/");

    // Both processes go on sweeping, each at least twice more: nothing more for these milestones.
    await bothSweepAgain(2);
    expect(smtp.to(dueOwner)).toHaveLength(1);
    expect(smtp.to(overdueOwner)).toHaveLength(1);
    // Both did sweep (neither was idle while the other sent), and neither failed.
    for (const app of processes) {
      expect(await sweepsOf(app)).toBeGreaterThanOrEqual(3);
      expect(app.output()).not.toContain("the scheduled sweep failed");
    }
    // The organiser's weekly digest of projects needing attention also went once.
    expect(smtp.to(`${organiser.accountId}@example.test`).map((m) => m.subject)).toEqual(["2 projects need attention this week"]);
  }, 180_000);
});
