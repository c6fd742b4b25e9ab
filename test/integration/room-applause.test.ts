/**
 * A whole room applauding, or one person re-sending a long showcase at their own pace, must not
 * spend what the room's other writes need: told tap by tap, a cheer cost the event's budget one
 * screen per phone in the room, and a 17 KiB save eighteen (lib/rate-limit/room-writes.ts). Cheers
 * have an allowance of their own and go out as batched counts; each person may spend a share of
 * the room's writes.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { reactionKinds } from "@/lib/realtime/constants";
import { clientsFor, collect, ok, participantCookie, send, staffCookie, type TestAck, type TestSocket } from "./support/clients";
import { addParticipant, createAccount, createTestEvent } from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/server";

let t: TestServer;
let clients: ReturnType<typeof clientsFor>;
beforeAll(async () => {
  // A tenth of the default, for a room of sixty phones rather than six hundred.
  t = await startTestServer({ roomWrites: { writes: 3000, votes: 1000, seconds: 2 } });
});
afterAll(() => t.dispose());
beforeEach(() => {
  clients = clientsFor(t.url);
});
afterEach(() => clients.closeAll());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An event with two teams, its big screen (staff) and `crowd` phones following the presentations. */
async function room(crowd: number) {
  const organiser = await createAccount(t.server.db);
  const event = await createTestEvent(t.server.db, organiser.accountId);
  const wall = await clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
  const parks = (await ok(wall, "team:create", { name: "Parks" })).team.id;
  const buses = (await ok(wall, "team:create", { name: "Buses" })).team.id;
  await ok(wall, "presentation:state", {});
  const phone = async (name: string) =>
    clients.connect({
      eventId: event.id,
      cookie: participantCookie(event.id, await addParticipant(t.server.db, event.id, name)),
    });
  const phones: TestSocket[] = [];
  for (let i = 0; i < crowd; i += 10) {
    phones.push(...(await Promise.all(Array.from({ length: Math.min(10, crowd - i) }, (_, j) => phone(`Crowd ${i + j}`)))));
  }
  // Each follows the presentations, as the room's phones do: every message to the room reaches all of them.
  for (const socket of phones) await ok(socket, "presentation:state", {});
  const writer = await phone("Writer");
  const joiner = await phone("Joiner");
  return { event, wall, parks, buses, phones, writer, joiner };
}

/** Another participant's notes, one every 300 ms while `busy` lasts, and a team joined halfway. */
async function everydayWrites(r: Awaited<ReturnType<typeof room>>, busy: () => boolean) {
  const acks: TestAck<unknown>[] = [];
  let joined: TestAck<unknown> | null = null;
  for (let i = 0; busy(); i++) {
    const text = `Idea ${i}`;
    acks.push(await send(r.writer, "note:create", { boardId: r.event.welcomeBoardId, column: r.event.welcomeColumn, text }));
    if (i === 1) joined = await send(r.joiner, "team:join", { teamId: r.buses });
    await pause(300);
  }
  return { notes: acks, joined };
}

/** How participants' writes were let through so far, e.g. "writes waited" (lib/rate-limit/room-writes.ts). */
async function roomWrites(): Promise<Record<string, number>> {
  const counted: Record<string, number> = {};
  for (const v of (await t.server.metrics.roomWrites.get()).values) counted[`${v.labels.budget} ${v.labels.admitted}`] = v.value;
  return counted;
}

describe("the room's other writes, while", () => {
  it("a room of sixty phones applauds, are let through at once; the big screen's counts are every cheer counted", async () => {
    const r = await room(60);
    const before = await roomWrites();
    const counts = collect(r.wall, "presentation:reacted");
    const started = Date.now();
    const applauding = () => Date.now() - started < 5000;
    // Each phone taps four times a second for five seconds, as a person cheering hard does.
    const applause = Promise.all(
      r.phones.map(async (socket, p) => {
        const acks: { kind: (typeof reactionKinds)[number]; ack: TestAck<unknown> }[] = [];
        for (let i = 0; applauding(); i++) {
          const kind = reactionKinds[(p + i) % reactionKinds.length] as (typeof reactionKinds)[number];
          acks.push({ kind, ack: await send(socket, "presentation:react", { teamId: r.parks, kind }) });
          await pause(250);
        }
        return acks;
      }),
    );
    const writes = await everydayWrites(r, applauding);
    const cheers = (await applause).flat();

    expect(writes.notes.filter((a) => !a.ok).map((a) => a.error)).toEqual([]);
    expect(writes.joined?.ok).toBe(true);
    // None of the room's writes was held back for a window, or refused: the applause paid from its own.
    const after = await roomWrites();
    for (const held of ["writes waited", "writes refused"]) expect(after[held] ?? 0, held).toBe(before[held] ?? 0);
    // Every tap counted, none turned away.
    expect(cheers.filter((c) => !c.ack.ok).map((c) => c.ack.error)).toEqual([]);
    const counted: Record<string, number> = {};
    for (const { kind } of cheers) counted[kind] = (counted[kind] ?? 0) + 1;
    // The big screen's last counts are the room's, told a few times a second, not once a tap.
    await expect.poll(() => counts.filter((c) => c.teamId === r.parks).at(-1)?.counts, { timeout: 5000 }).toEqual(counted);
    expect(counts.length).toBeLessThan(cheers.length / 10);
    expect((await ok(r.wall, "presentation:state", {})).reactions[r.parks]).toEqual(counted);
  });

  it("one person re-sends a long showcase at their own pace, are let through at once; that person's saves are held back, not shut out", async () => {
    const r = await room(60);
    const alice = r.phones[0] as TestSocket;
    await ok(alice, "team:join", { teamId: r.parks });
    const started = Date.now();
    const saving = () => Date.now() - started < 5000;
    // 17 KiB a save, to every phone in the room, five a second: within their own command limit.
    const saves: Promise<TestAck<unknown>>[] = [];
    const resending = (async () => {
      for (let i = 0; saving(); i++) {
        const text = `${i} ${"中".repeat(2900)}`;
        saves.push(send(alice, "showcase:save", { teamId: r.parks, fields: { made: text, learned: text } }));
        await pause(200);
      }
    })();
    const writes = await everydayWrites(r, saving);
    await resending;
    const saved = await Promise.all(saves);

    expect(writes.notes.filter((a) => !a.ok).map((a) => a.error)).toEqual([]);
    expect(writes.joined?.ok).toBe(true);
    expect(saved.filter((a) => a.ok).length).toBeGreaterThanOrEqual(2);
    for (const a of saved.filter((a) => !a.ok)) {
      // Told it is their own pace: the room is not busy for anyone else.
      expect(a.error).toEqual({
        code: "rate_limited",
        message: "You've sent a lot in a short time: wait a moment, then try again.",
      });
    }
  });
});
