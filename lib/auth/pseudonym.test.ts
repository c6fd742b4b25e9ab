import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import { personTag } from "./pseudonym";

const participant = (eventId: string, participantId: string): Actor => ({
  kind: "participant",
  eventId,
  participantId,
  role: "participant",
});

describe("personTag", () => {
  it("names one person in one event, the same on every page, another for anyone else or any other event", () => {
    const tag = personTag(participant("ev1", "p1"));
    expect(personTag(participant("ev1", "p1"))).toBe(tag);
    expect(personTag(participant("ev1", "p2"))).not.toBe(tag);
    expect(personTag(participant("ev2", "p1"))).not.toBe(tag);
    const staff: Actor = { kind: "staff", eventId: "ev1", accountId: "p1", name: "Facilitator", role: "facilitator" };
    expect(personTag(staff)).not.toBe(tag);
  });

  it("keeps the person's id off the device, and is safe in a storage key", () => {
    const tag = personTag(participant("ev1", "participant-0001"));
    expect(tag).not.toContain("participant-0001");
    expect(tag).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });
});
