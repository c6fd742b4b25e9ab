import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { allowedOnceFinished, ownCommandsOnceFinished } from "./after-finish";
import { commandNames } from "./contract";

const participant: Actor = { kind: "participant", eventId: "e", participantId: "p", role: "participant" };
const organiser: Actor = { kind: "staff", eventId: "e", accountId: "a", name: "Org", role: "organiser" };

describe("what a participant may still do once their event has finished", () => {
  it("leaving (erasing their details) only: nothing that adds to or changes the room", () => {
    expect([...ownCommandsOnceFinished]).toEqual(["event:leave"]);
    const allowed = commandNames.filter((name) => allowedOnceFinished("finished", participant, name));
    expect(allowed).toEqual(["event:leave"]);
  });

  it("only for the person themselves, and only because the event finished", () => {
    expect(allowedOnceFinished("finished", organiser, "event:leave")).toBe(false);
    expect(allowedOnceFinished("closed", participant, "event:leave")).toBe(false);
    expect(allowedOnceFinished("ended", participant, "event:leave")).toBe(false);
  });
});
