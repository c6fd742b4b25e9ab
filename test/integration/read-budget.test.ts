/**
 * Opening a big board is paid for in what it serves (lib/rate-limit/read-budget.ts), with the
 * server's default limits: a script opening a 500-note board as fast as it can is refused and cut
 * off, one looping on its answers waits its turn while others are served, and a phone opening
 * boards as people do is never refused.
 */
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { notes } from "@/db/schema";
import { insertBoard } from "@/lib/boards/create-board";
import { clientsFor, participantCookie, send, staffCookie, type TestAck, type TestSocket } from "./support/clients";
import { addParticipant, commandId, createAccount, createTestEvent } from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/server";

let t: TestServer;
let clients: ReturnType<typeof clientsFor>;
let event: Awaited<ReturnType<typeof createTestEvent>>;
let bigBoard: string;
let organiser: Awaited<ReturnType<typeof createAccount>>;

beforeAll(async () => {
  t = await startTestServer();
  organiser = await createAccount(t.server.db);
  event = await createTestEvent(t.server.db, organiser.accountId);
  const board = await t.server.db.transact((tx) =>
    insertBoard(tx, { eventId: event.id, teamId: null, title: "Big board", template: "ideas" }),
  );
  bigBoard = board.id;
  const column = board.columns[0]?.key ?? "ideas";
  await t.server.db.transact((tx) =>
    tx
      .insert(notes)
      .values(
        Array.from({ length: 500 }, (_, i) => ({ id: randomUUID(), boardId: board.id, column, text: `Idea ${i}`, position: i })),
      ),
  );
});
afterAll(() => t.dispose());

beforeEach(() => {
  clients = clientsFor(t.url);
});
afterEach(() => clients.closeAll());

/** Someone new (limits follow the person), connected. */
async function person() {
  const id = await addParticipant(t.server.db, event.id);
  return clients.connect({ eventId: event.id, cookie: participantCookie(event.id, id) });
}

const open = (socket: TestSocket) => send(socket, "board:open", { boardId: bigBoard });

/** Fires `count` opens without waiting for answers, as a script would; each answer, or null if the socket was cut off first. */
function flood(socket: TestSocket, count: number): Promise<(TestAck<unknown> | null)[]> {
  const cutOff = new Promise<null>((resolve) => socket.once("disconnect", () => resolve(null)));
  return Promise.all(
    Array.from({ length: count }, () =>
      Promise.race([
        new Promise<TestAck<unknown>>((resolve) =>
          socket.emit("board:open", { id: commandId(), payload: { boardId: bigBoard } }, resolve as never),
        ),
        cutOff,
      ]),
    ),
  );
}

describe("opening a big board", () => {
  it("a script opening it as fast as it can is served its turn only, refused beyond, and cut off; a phone beside it is not", async () => {
    const script = await person();
    const told = new Promise<string>((resolve) => script.once("access:ended", (info) => resolve(info.reason)));
    const phone = await person();
    const flooding = flood(script, 100);
    // While the flood goes on, a phone adds a note and opens the same board.
    const note = await send(phone, "note:create", { boardId: event.welcomeBoardId, column: event.welcomeColumn, text: "Bench" });
    expect(note.ok).toBe(true);
    expect((await open(phone)).ok).toBe(true);

    const answers = await flooding;
    // One open at a time, four more in line: what else it sent was refused, never run (and the
    // ones still in line when it was cut off were never answered).
    const served = answers.filter((a) => a?.ok).length;
    expect(served).toBeGreaterThanOrEqual(1);
    expect(served).toBeLessThanOrEqual(5);
    expect(answers.filter((a) => a && !a.ok).every((a) => a?.error?.code === "rate_limited")).toBe(true);
    expect(await told).toBe("flood");
    expect((await open(phone)).ok).toBe(true);
  });

  it("a client looping on its answers waits its turn once it has read a lot, while others are served at once", async () => {
    const looper = await person();
    // Two opens of a 500-note board spend the window's budget.
    for (let i = 0; i < 2; i++) expect((await open(looper)).ok).toBe(true);
    const order: string[] = [];
    const third = open(looper).then((ack) => order.push(`looper ${ack.ok}`));
    const other = await person();
    await open(other).then((ack) => order.push(`other ${ack.ok}`));
    await third;
    // Slowed, not refused: the other person, who asked later, was answered first.
    expect(order).toEqual(["other true", "looper true"]);
  });

  it("a phone opening boards as people do (navigating back and forth, reconnecting) is never refused", async () => {
    const id = await addParticipant(t.server.db, event.id);
    const cookie = participantCookie(event.id, id);
    let phone = await clients.connect({ eventId: event.id, cookie });
    const acks: boolean[] = [];
    for (const boardId of [bigBoard, event.welcomeBoardId, bigBoard, event.welcomeBoardId, bigBoard]) {
      acks.push((await send(phone, "board:open", { boardId })).ok);
    }
    // Wi-Fi drops: the phone comes back and reloads its board, twice.
    for (let i = 0; i < 2; i++) {
      phone.close();
      phone = await clients.connect({ eventId: event.id, cookie });
      acks.push((await open(phone)).ok);
    }
    expect(acks).toEqual(Array(acks.length).fill(true));
  });

  it("every screen one person has open reloads its board at once after a blip, and none is refused", async () => {
    // A phone with three tabs: the big board, the welcome wall and the big board again.
    const id = await addParticipant(t.server.db, event.id);
    const cookie = participantCookie(event.id, id);
    const tabs = await Promise.all([0, 1, 2].map(() => clients.connect({ eventId: event.id, cookie })));
    const phoneAcks = await Promise.all(
      tabs.map((tab, i) => send(tab, "board:open", { boardId: i === 1 ? event.welcomeBoardId : bigBoard })),
    );
    expect(phoneAcks.map((a) => a.ok)).toEqual([true, true, true]);
    // A laptop with the console, the big screen and four board pages, all on the organiser's account.
    const screens = await Promise.all(
      Array.from({ length: 6 }, () => clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) })),
    );
    const staffAcks = await Promise.all(screens.map((screen) => open(screen)));
    expect(staffAcks.map((a) => a.ok)).toEqual(Array(6).fill(true));
  });
});
