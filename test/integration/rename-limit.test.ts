/**
 * Each change of the name the room sees sets off a walk of the event's command log, so a person
 * may rename only a few times in ten minutes (lib/participants/rename-limit.ts): enough to fix a
 * typo or two, not to keep the server busy walking a big log.
 */
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commandLogScrubs, participants } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { renameLimit, tooManyRenames } from "@/lib/participants/rename-limit";
import { executeCommand } from "@/lib/realtime/execute-command";
import { handlers } from "@/lib/realtime/handlers";
import { localiseAck } from "@/lib/realtime/socket-language";
import {
  addParticipant,
  commandId,
  createAccount,
  createTestEvent,
  openTempDatabase,
  participantActor,
} from "./support/fixtures";

let temp: Awaited<ReturnType<typeof openTempDatabase>>;
let amiraId: string;
let amira: Actor;

beforeEach(async () => {
  temp = await openTempDatabase();
  const organiser = await createAccount(temp.db, "Organiser");
  const event = await createTestEvent(temp.db, organiser.accountId);
  amiraId = await addParticipant(temp.db, event.id, "Amira");
  amira = participantActor(event.id, amiraId);
});
afterEach(() => temp.cleanup());

const save = (payload: unknown) =>
  executeCommand({ db: temp.db, handlers }, amira, "profile:update", { id: commandId(), payload });
const stored = async () => {
  const [me] = await temp.db.read.select().from(participants).where(eq(participants.id, amiraId));
  return me;
};
const walksQueued = async () => (await temp.db.read.select().from(commandLogScrubs)).length;

describe("renaming over and over", () => {
  it("is refused after five renames in ten minutes, by the name, with nothing saved and no walk queued", async () => {
    const names = ["Amira S", "Amira Sa", "Amira Sal", "Amira Sale", "Amira Saleh"];
    for (const displayName of names) expect((await save({ displayName })).ack.ok).toBe(true);
    expect(await walksQueued()).toBe(renameLimit.renames);

    // The sixth, with another answer changed alongside: the whole save is refused, and said by the name.
    const sixth = await save({ displayName: "Amira Saleh-Jones", skills: ["maps"] });
    expect(sixth.ack).toEqual({
      ok: false,
      error: { code: "conflict", message: tooManyRenames, issues: [{ path: "displayName", message: tooManyRenames }] },
    });
    // A phone set to French hears it in French, by the name too.
    const french = localiseAck(sixth.ack, "fr");
    expect(french.ok ? null : french.error).toEqual({
      code: "conflict",
      message: "Vous venez de changer de nom plusieurs fois. Attendez quelques minutes, puis enregistrez-le à nouveau.",
      issues: [
        {
          path: "displayName",
          message: "Vous venez de changer de nom plusieurs fois. Attendez quelques minutes, puis enregistrez-le à nouveau.",
        },
      ],
    });
    expect(await stored()).toMatchObject({ displayName: "Amira Saleh", skills: [] });
    expect(await walksQueued()).toBe(renameLimit.renames);
    // Not a refusal the phone's outbox sends again by itself (lib/realtime/constants.ts: retryableCodes),
    // which would rename them minutes later and hold up everything sent after it.
    expect(sixth.ack.ok ? null : sixth.ack.error.code).not.toBe("rate_limited");

    // Answers that leave the name as it is are saved as ever.
    expect((await save({ skills: ["maps"] })).ack.ok).toBe(true);
    expect((await stored())?.skills).toEqual(["maps"]);
  });

  it("an age band that changes the name the room sees counts as a rename, and is refused with the reason but by no field", async () => {
    for (const displayName of ["A", "Am", "Ami", "Amir", "Amira"]) await save({ displayName });
    // Under 18, the room sees initials only: the name it sees changes.
    const younger = await save({ ageBand: "16_17" });
    expect(younger.ack).toEqual({ ok: false, error: { code: "conflict", message: tooManyRenames } });
    expect((await stored())?.ageBand).toBe("18_plus");
  });

  it("is let through again once the earliest of those renames is ten minutes old", async () => {
    for (const displayName of ["A", "Am", "Ami", "Amir", "Amira"]) await save({ displayName });
    expect((await save({ displayName: "Amira S" })).ack.ok).toBe(false);
    const [first, ...rest] = (await stored())?.recentRenames ?? [];
    await temp.db.transact((tx) =>
      tx
        .update(participants)
        .set({ recentRenames: [(first ?? 0) - renameLimit.windowMs, ...rest] })
        .where(eq(participants.id, amiraId)),
    );
    expect((await save({ displayName: "Amira S" })).ack.ok).toBe(true);
    expect((await stored())?.displayName).toBe("Amira S");
  });
});
