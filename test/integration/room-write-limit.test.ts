/**
 * Many identities from one script (the join code is on the projector), each within its own pace,
 * flipping teams: every flip is told to every phone following the teams. The event's budget for
 * participants' writes, paid in screens told, bounds them together, while dots have an allowance
 * of their own (lib/rate-limit/room-writes.ts, lib/realtime/socket-server.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientsFor, ok, participantCookie, send, staffCookie, type TestAck } from "./support/clients";
import { addParticipant, createAccount, createTestEvent } from "./support/fixtures";
import { startTestServer, type TestServer } from "./support/server";

let t: TestServer;
beforeAll(async () => {
  // About thirteen team changes per 2 s in a room of twenty-odd phones. Each person may spend all of
  // it: here the crowd together is held back, not each person at their share (room-applause.test.ts).
  t = await startTestServer({ roomWrites: { writes: 300, votes: 1000, perPerson: 300, seconds: 2 } });
});
afterAll(() => t.dispose());

/** How participants' writes were let through so far, e.g. "writes refused". */
async function roomWrites(): Promise<Record<string, number>> {
  const counted: Record<string, number> = {};
  for (const v of (await t.server.metrics.roomWrites.get()).values) counted[`${v.labels.budget} ${v.labels.admitted}`] = v.value;
  return counted;
}

describe("the room's budget for participants' writes", () => {
  it("holds back a crowd flipping teams, telling them the room is busy without cutting anyone off, while another phone's dot lands", async () => {
    const organiser = await createAccount(t.server.db);
    const event = await createTestEvent(t.server.db, organiser.accountId);
    const clients = clientsFor(t.url);
    try {
      const staff = await clients.connect({ eventId: event.id, cookie: staffCookie(organiser.sessionToken) });
      const teams = [
        (await ok(staff, "team:create", { name: "Parks" })).team.id,
        (await ok(staff, "team:create", { name: "Buses" })).team.id,
      ];
      const { note } = await ok(staff, "note:create", {
        boardId: event.welcomeBoardId,
        column: event.welcomeColumn,
        text: "Benches",
      });
      const { round } = await ok(staff, "vote:open", { boardId: event.welcomeBoardId, dotsPerPerson: 3, maxPerTarget: 3 });
      const connect = async (name: string) =>
        clients.connect({
          eventId: event.id,
          cookie: participantCookie(event.id, await addParticipant(t.server.db, event.id, name)),
        });
      const crowd = await Promise.all(Array.from({ length: 20 }, (_, i) => connect(`Crowd ${i}`)));
      const voter = await connect("Voter");
      // Each follows the teams, as a phone's home page does: every flip is told to all of them.
      for (const socket of [...crowd, voter]) await ok(socket, "teams:snapshot", {});

      const before = await roomWrites();
      // Each at a person's pace, one after another: join, leave, join the other team.
      const flipping = Promise.all(
        crowd.map(async (socket) => {
          const acks: TestAck<unknown>[] = [];
          acks.push(await send(socket, "team:join", { teamId: teams[0] as string }));
          acks.push(await send(socket, "team:leave", {}));
          acks.push(await send(socket, "team:join", { teamId: teams[1] as string }));
          return acks;
        }),
      );
      // Meanwhile the room's vote goes on, one dot at a time, and the staff's console too.
      const dots: boolean[] = [];
      for (let i = 0; i < 3; i++) {
        dots.push((await send(voter, "vote:cast", { roundId: round.id, targetId: note.id })).ok);
        await new Promise((resolve) => setTimeout(resolve, 300));
      }
      const staffWrite = await send(staff, "team:create", { name: "Library" });
      const answers = (await flipping).flat();

      expect(dots).toEqual([true, true, true]);
      expect(staffWrite.ok).toBe(true);
      const refused = answers.filter((a) => !a.ok);
      expect(refused.length).toBeGreaterThan(0);
      expect(refused.length).toBeLessThan(answers.length);
      for (const a of refused) {
        expect(a.error).toEqual({ code: "rate_limited", message: "The room is very busy: try again in a moment." });
      }
      const counted = await roomWrites();
      expect((counted["writes refused"] ?? 0) - (before["writes refused"] ?? 0)).toBe(refused.length);
      expect((counted["votes now"] ?? 0) - (before["votes now"] ?? 0)).toBe(3);
      // Held back, not cut off as a flood: each can still read the room, and, the window turned, change team.
      for (const socket of crowd) expect(socket.connected).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 2100));
      expect((await send(crowd[0] as (typeof crowd)[number], "team:join", { teamId: teams[0] as string })).ok).toBe(true);
    } finally {
      clients.closeAll();
    }
  });
});
