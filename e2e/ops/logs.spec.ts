/**
 * The log of a scripted session on the production server (server.ts, LOG_LEVEL=debug): a phone
 * joins in Chromium, adds a note and votes over its socket, the organiser exports, a participant
 * tries a facilitator's command, and a write throws. Every stdout line is JSON, carries the ids,
 * and none of what people typed or who they are appears anywhere in it.
 */
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { eq, sql } from "drizzle-orm";
import { io, type Socket } from "socket.io-client";
import { boards } from "@/db/schema";
import { accountSessionCookie, participantCookieName } from "@/lib/auth/cookies";
import { contractVersion } from "@/lib/realtime/constants";
import { type AppServer, startAppServer } from "../support/app-server";
import { createEventFixture, db, signIn } from "../support/fixtures";
import { phone } from "../support/viewports";

test.use(phone);

let server: AppServer;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  server = await startAppServer(82, { LOG_LEVEL: "debug" });
});
test.afterAll(async () => server?.stop());

type Ack = { ok: boolean; result?: unknown; error?: { code: string } };
const send = (socket: Socket, name: string, payload: unknown, id = `cmd-${randomUUID()}`) =>
  socket.timeout(20_000).emitWithAck(name, { id, payload }) as Promise<Ack>;

function connect(base: string, eventId: string, cookie: string) {
  const socket = io(base, {
    transports: ["websocket"],
    auth: { eventId, contractVersion },
    extraHeaders: { cookie, origin: base },
  });
  return new Promise<Socket>((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

test("a session's log is JSON with ids and outcomes, and holds nothing anyone typed", async ({ page, browser }) => {
  const marker = randomUUID().slice(0, 8);
  const displayName = `Zebediah Quux-${marker}`;
  const noteText = `Wobblebottom Lane needs a bench ${marker}`;
  const failingText = `Private worry about Mrs Example ${marker}`;
  const event = await createEventFixture({ name: `Made in Logging ${marker}` });
  const [board] = await (await db()).read.select().from(boards).where(eq(boards.eventId, event.id));
  if (!board) throw new Error("no welcome board");
  // A write that fails inside SQLite, as a full disk or a bug would: only for this test's text.
  await (await db()).transact((tx) =>
    tx.run(
      sql.raw(
        `CREATE TRIGGER IF NOT EXISTS e2e_fail_${marker} BEFORE INSERT ON notes WHEN NEW.text LIKE '%Mrs Example ${marker}%' BEGIN SELECT RAISE(ABORT, 'disk I/O error (simulated)'); END`,
      ),
    ),
  );

  // Join on a phone, through the real page.
  await page.goto(`${server.base}/j/${event.joinCode}`);
  await page.getByLabel("What should people call you?").fill(displayName);
  await page.getByRole("button", { name: "Join" }).click();
  await expect(page).toHaveURL(new RegExp(`/p/${event.slug}/me\\?welcome=1$`));
  const participant = (await page.context().cookies(server.base)).find((c) => c.name === participantCookieName(event.id));
  if (!participant) throw new Error("no participant cookie");

  // The organiser, signed in, exports the event.
  const staffContext = await browser.newContext();
  await signIn(staffContext, event.organiser.id);
  const session = (await staffContext.cookies(server.base)).find((c) => c.name === accountSessionCookie);
  if (!session) throw new Error("no session cookie");
  const exported = await staffContext.request.get(`${server.base}/o/${event.slug}/export/json`);
  expect(exported.status()).toBe(200);

  const staff = await connect(server.base, event.id, `${accountSessionCookie}=${session.value}`);
  const phoneSocket = await connect(server.base, event.id, `${participant.name}=${participant.value}`);
  try {
    const noteId = `cmd-${randomUUID()}`;
    const note = await send(
      phoneSocket,
      "note:create",
      { boardId: board.id, column: board.columns[0]?.key, text: noteText },
      noteId,
    );
    expect(note.ok).toBe(true);
    const round = await send(staff, "vote:open", { boardId: board.id, dotsPerPerson: 2, maxPerTarget: 1 });
    expect(round.ok).toBe(true);
    const roundId = (round.result as { round: { id: string } }).round.id;
    const targetId = (note.result as { note: { id: string } }).note.id;
    expect((await send(phoneSocket, "vote:cast", { roundId, targetId })).ok).toBe(true);
    // Refused: only staff open votes.
    const refused = await send(phoneSocket, "vote:open", { boardId: board.id, dotsPerPerson: 2, maxPerTarget: 1 });
    expect(refused.error?.code).toBe("forbidden");
    // Thrown: the write fails inside the database.
    const failed = await send(phoneSocket, "note:create", {
      boardId: board.id,
      column: board.columns[0]?.key,
      text: failingText,
    });
    expect(failed.error?.code).toBe("internal");

    await expect.poll(() => server.lines().some((l) => l.msg === "command failed")).toBe(true);
    const lines = server.lines();
    // Next prints one line of its own while it loads next.config.ts; everything else is JSON.
    expect(server.stray().filter((l) => !l.includes("Running next.config"))).toEqual([]);
    for (const line of lines) {
      expect(line).toMatchObject({ service: "made-in" });
      expect(typeof line.level).toBe("string");
      expect(Number.isNaN(Date.parse(String(line.time)))).toBe(false);
    }

    const config = lines.find((l) => l.msg === "configuration");
    expect(config?.config).toMatchObject({ LOG_LEVEL: { value: "debug", source: "environment" } });

    const requests = lines.filter((l) => l.msg === "request");
    const join = requests.find((l) => l.route === "/j/[code]" && l.method === "POST");
    // A redirect: 303 for a plain form post, 200 with the redirect inside for a scripted one.
    expect(join).toMatchObject({ level: "info" });
    expect([200, 303]).toContain(join?.status);
    expect(join?.reqId).toEqual(expect.any(String));
    expect(requests.find((l) => l.route === "/o/[slug]/export/json")).toMatchObject({ status: 200, method: "GET" });
    expect(requests.every((l) => typeof l.durationMs === "number" && typeof l.reqId === "string")).toBe(true);

    const applied = lines.find((l) => l.msg === "command" && l.commandId === noteId);
    expect(applied).toMatchObject({ level: "debug", command: "note:create", eventId: event.id, outcome: "ok" });
    expect(lines.find((l) => l.msg === "command" && l.command === "vote:cast")).toMatchObject({ eventId: event.id });
    expect(lines.find((l) => l.msg === "command refused")).toMatchObject({
      level: "info",
      command: "vote:open",
      outcome: "forbidden",
      role: "participant",
      eventId: event.id,
    });
    const error = lines.find((l) => l.msg === "command failed") as { level: string; err: { stack: string } } | undefined;
    expect(error).toMatchObject({ level: "error", command: "note:create", eventId: event.id });
    expect(error?.err.stack).toMatch(/\n\s+at /);
    expect(JSON.stringify(error)).toContain("simulated");

    const everything = JSON.stringify(lines);
    for (const typed of [displayName, "Zebediah", noteText, "Wobblebottom", failingText, "Mrs Example", event.organiser.email]) {
      expect(everything).not.toContain(typed);
    }
  } finally {
    staff.close();
    phoneSocket.close();
    await staffContext.close();
  }
});
