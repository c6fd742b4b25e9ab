/**
 * What an IT team watches: /metrics after a short load, /readyz when the database or Redis goes
 * away and comes back, /readyz during a SIGTERM drain, and the JSON log of a session.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@/lib/observability/logger";
import { startServer } from "@/lib/server/start-server";
import { clientsFor, participantCookie, send, sendRaw, staffCookie } from "./support/clients";
import { addParticipant, createAccount, createTestEvent, tempDatabaseUrl } from "./support/fixtures";
import { eventually, startOpsProcess } from "./support/ops-process";
import { freePort, startRedis } from "./support/redis-server";
import { testSecret } from "./support/server";

/** The value of one sample of the Prometheus text, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (!Object.entries(labels).every(([k, v]) => line.includes(`${k}="${v}"`))) continue;
    return Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return undefined;
}

const readyz = async (url: string) => {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, body: (await res.json()) as { ok: boolean; reason?: string } };
};

describe("metrics and logs of a short session", () => {
  const token = "metrics-token-0123456789";
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _e, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  const temp = tempDatabaseUrl("madein-ops-");
  let server: Awaited<ReturnType<typeof startServer>>;
  let clients: ReturnType<typeof clientsFor>;
  // What people typed; none of it may reach the log.
  const personal = ["Zebediah Quux", "Wobblebottom Lane bench idea", "Organiser Ophelia Plumtree", "Kwabena 07700 900123"];

  beforeAll(async () => {
    server = await startServer({
      env: {
        DATABASE_URL: temp.url,
        PORT: 0,
        HOST: "127.0.0.1",
        SESSION_SECRET: testSecret,
        METRICS_TOKEN: token,
        NODE_ENV: "production",
      },
      pages: false,
      logger: createLogger({ nodeEnv: "production", level: "debug", destination }),
    });
    clients = clientsFor(server.url);
  });
  afterAll(async () => {
    clients.closeAll();
    await server.close();
    temp.remove();
  });

  it("counts commands, latency, sockets, rooms, commits, fan-out and HTTP requests", async () => {
    const organiser = await createAccount(server.db, personal[2]);
    const event = await createTestEvent(server.db, organiser.accountId);
    const participantId = await addParticipant(server.db, event.id, personal[0]);
    const staff = await clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
    const phone = await clients.connect({ eventId: event.id, cookie: participantCookie(event.id, participantId) });

    const notes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const ack = await send(phone, "note:create", {
        boardId: event.welcomeBoardId,
        column: event.welcomeColumn,
        text: `${personal[1]} ${i}`,
      });
      expect(ack.ok).toBe(true);
      notes.push((ack.result as { note: { id: string } }).note.id);
    }
    const round = await send(staff, "vote:open", { boardId: event.welcomeBoardId, dotsPerPerson: 3, maxPerTarget: 2 });
    expect(round.ok).toBe(true);
    const roundId = (round.result as { round: { id: string } }).round.id;
    for (const target of notes.slice(0, 3)) expect((await send(phone, "vote:cast", { roundId, targetId: target })).ok).toBe(true);
    // Refused: a participant may not open a vote; and malformed input.
    expect(
      (await send(phone, "vote:open", { boardId: event.welcomeBoardId, dotsPerPerson: 3, maxPerTarget: 2 })).error?.code,
    ).toBe("forbidden");
    expect((await send(phone, "note:create", { boardId: event.welcomeBoardId, column: "", text: "" })).ok).toBe(false);
    // A command id that is someone's free text, not the contract's shape, never reaches the log.
    expect((await sendRaw(phone, "note:create", { boardId: event.welcomeBoardId, column: "", text: "" }, personal[3])).ok).toBe(
      false,
    );
    for (let i = 0; i < 3; i++) expect((await fetch(`${server.url}/healthz`)).ok).toBe(true);
    // A page (here without Next, a 404) takes a turn at rendering; a probe never does.
    expect((await fetch(`${server.url}/e/no-such-event`)).status).toBe(404);

    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: "Bearer wrong-token-0123456789" } })).status).toBe(
      404,
    );
    let text = "";
    // The tally broadcast is coalesced: wait for its batch rather than sleeping.
    await eventually(async () => {
      const res = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      text = await res.text();
      return res.ok && (sample(text, "madein_fanout_batches_total", { kind: "tally" }) ?? 0) >= 1;
    }, "a tally batch in /metrics");

    expect(sample(text, "madein_commands_total", { command: "note:create", outcome: "ok" })).toBe(5);
    expect(sample(text, "madein_commands_total", { command: "vote:cast", outcome: "ok" })).toBe(3);
    expect(sample(text, "madein_commands_total", { command: "vote:open", outcome: "forbidden" })).toBe(1);
    expect(sample(text, "madein_commands_total", { command: "note:create", outcome: "invalid" })).toBe(2);
    expect(sample(text, "madein_command_duration_seconds_count", { command: "note:create" })).toBe(7);
    const sum = sample(text, "madein_command_duration_seconds_sum", { command: "note:create" }) ?? -1;
    expect(sum).toBeGreaterThan(0);
    expect(sum).toBeLessThan(60); // seconds, not milliseconds
    expect(sample(text, "madein_sockets_connected")).toBe(2);
    expect(sample(text, "madein_rooms")).toBeGreaterThanOrEqual(2); // the event and its staff room
    expect(sample(text, "madein_write_queue_depth")).toBe(0);
    expect(sample(text, "madein_write_commits_writes_total")).toBeGreaterThanOrEqual(9);
    expect(sample(text, "madein_write_commit_seconds_count")).toBeGreaterThanOrEqual(2);
    expect(sample(text, "madein_broadcasts_total")).toBeGreaterThanOrEqual(6); // votes go out as tallies
    expect(sample(text, "madein_fanout_batches_total", { kind: "presence" })).toBeGreaterThanOrEqual(1);
    expect(sample(text, "madein_http_requests_total", { route: "/healthz", method: "GET", status: "200" })).toBe(3);
    expect(sample(text, "madein_http_requests_total", { route: "/metrics", status: "404" })).toBe(2);
    expect(sample(text, "madein_http_request_duration_seconds_count", { route: "/healthz" })).toBe(3);
    expect(sample(text, "nodejs_eventloop_lag_p99_seconds")).toBeGreaterThanOrEqual(0);
    expect(sample(text, "madein_draining")).toBe(0);
    expect(sample(text, "madein_render_admissions_total", { outcome: "now" })).toBe(1);
    expect(sample(text, "madein_renders_in_flight")).toBe(0);
    expect(sample(text, "madein_renders_waiting")).toBe(0);
  });

  it("logs JSON lines with ids and outcomes, and nothing anyone typed", () => {
    const commands = lines.filter((l) => l.msg === "command");
    expect(commands.length).toBeGreaterThanOrEqual(9);
    for (const line of commands) {
      expect(line).toMatchObject({ level: "debug", outcome: "ok", service: "made-in" });
      expect(line.commandId).toMatch(/^cmd-/);
      expect(line.eventId).toEqual(expect.any(String));
      expect(line.command).toEqual(expect.any(String));
      expect(line.durationMs).toEqual(expect.any(Number));
    }
    const refused = lines.filter((l) => l.msg === "command refused");
    expect(refused.map((l) => [l.level, l.command, l.outcome])).toEqual([
      ["info", "vote:open", "forbidden"],
      ["info", "note:create", "invalid"],
      ["info", "note:create", "invalid"],
    ]);
    const requests = lines.filter((l) => l.msg === "request");
    expect(requests.some((l) => l.route === "/metrics" && l.status === 404 && typeof l.reqId === "string")).toBe(true);
    const text = JSON.stringify(lines);
    for (const typed of personal) expect(text).not.toContain(typed);
  });
});

describe("readiness", () => {
  it("is 503 while Redis is down and 200 again once it is back", async () => {
    const redis = await startRedis();
    const temp = tempDatabaseUrl("madein-ready-redis-");
    const server = await startServer({
      env: { DATABASE_URL: temp.url, PORT: 0, HOST: "127.0.0.1", SESSION_SECRET: testSecret, REDIS_URL: redis.url },
      pages: false,
      log: () => {},
    });
    let again: ChildProcess | null = null;
    try {
      expect(await readyz(server.url)).toEqual({ status: 200, body: { ok: true } });
      await redis.stop();
      await eventually(async () => (await readyz(server.url)).status === 503, "503 without redis");
      expect((await readyz(server.url)).body.reason).toMatch(/redis/);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200); // alive, just not ready
      again = spawn("redis-server", ["--port", String(redis.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
        stdio: "ignore",
      });
      await eventually(async () => (await readyz(server.url)).status === 200, "200 with redis back");
    } finally {
      await server.close();
      again?.kill("SIGTERM");
      temp.remove();
    }
  }, 90_000);

  it("is 503 while the database file is unreadable and 200 again once it is readable", async () => {
    // As root every file is readable, so the app runs as `nobody` here, as it would under systemd.
    const dir = mkdtempSync(join(tmpdir(), "madein-ready-db-"));
    chownSync(dir, 65534, 65534);
    const file = join(dir, "madein.db");
    const app = await startOpsProcess(
      { DATABASE_URL: `file:${file}`, UPLOAD_DIR: join(dir, "uploads"), HOME: dir },
      { uid: 65534, gid: 65534 },
    );
    try {
      expect(await readyz(app.url)).toEqual({ status: 200, body: { ok: true } });
      chmodSync(file, 0o000);
      const down = await readyz(app.url);
      expect(down).toEqual({ status: 503, body: { ok: false, reason: "database file is not readable and writable" } });
      chmodSync(file, 0o644);
      await eventually(async () => (await readyz(app.url)).status === 200, "200 with the file readable");
    } finally {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);

  it("is 503 during the SIGTERM drain while pages still answer, then the process exits 0", async () => {
    const temp = tempDatabaseUrl("madein-ready-drain-");
    const app = await startOpsProcess({ DATABASE_URL: temp.url, DRAIN_SECONDS: "2" });
    try {
      expect((await readyz(app.url)).status).toBe(200);
      app.child.kill("SIGTERM");
      await eventually(async () => (await readyz(app.url)).status === 503, "503 while draining", 10_000);
      expect((await readyz(app.url)).body).toEqual({ ok: false, reason: "shutting down" });
      expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
      expect(await app.exited).toBe(0);
      expect(app.lines().map((l) => l.msg)).toEqual(expect.arrayContaining(["shutting down: readiness now fails", "stopped"]));
    } finally {
      await app.stop();
      temp.remove();
    }
  }, 60_000);

  it("names each setting's source at start-up, without secrets, and serves /metrics on its own port", async () => {
    const temp = tempDatabaseUrl("madein-ready-config-");
    const port = await freePort();
    const app = await startOpsProcess({ DATABASE_URL: temp.url, METRICS_PORT: String(port), METRICS_TOKEN: "t".repeat(20) });
    try {
      const config = app.lines().find((l) => l.msg === "configuration")?.config as Record<
        string,
        { value: string; source: string }
      >;
      expect(config.DATABASE_URL).toEqual({ value: temp.url, source: "environment" });
      expect(config.UPLOAD_DIR).toEqual({ value: "./data/uploads", source: "default" });
      expect(config.METRICS_TOKEN).toEqual({ value: "(set)", source: "environment" });
      expect(config.SESSION_SECRET?.value).toBe("(set)");
      expect(JSON.stringify(app.lines())).not.toContain(testSecret);
      // On the metrics port no token is needed: the network is the protection.
      const metrics = await fetch(`http://127.0.0.1:${port}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain("madein_commands_total");
      expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    } finally {
      await app.stop();
      temp.remove();
    }
  }, 60_000);
});
