import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { canReframe, reframeTextSchema } from "./reframe-rules";
import { briefIsPublic, canSeeBrief } from "./visibility";

const participant: Actor = { kind: "participant", eventId: "e1", participantId: "p1", role: "participant" };
const facilitator: Actor = { kind: "staff", eventId: "e1", accountId: "a1", name: "Fac", role: "facilitator" };
const organiser: Actor = { ...facilitator, role: "organiser" };
const team = { eventId: "e1", briefId: "b1" };

describe("canReframe", () => {
  it("lets a member of the team working on the brief reframe it", () => {
    expect(canReframe({ actor: participant, briefId: "b1", team, isMember: true })).toBe(true);
  });

  it("refuses a participant who is not in that team", () => {
    expect(canReframe({ actor: participant, briefId: "b1", team, isMember: false })).toBe(false);
  });

  it("lets facilitators and organisers reframe for any team on the brief", () => {
    expect(canReframe({ actor: facilitator, briefId: "b1", team, isMember: false })).toBe(true);
    expect(canReframe({ actor: organiser, briefId: "b1", team, isMember: false })).toBe(true);
  });

  it("refuses when the team works on another brief, or is in another event", () => {
    expect(canReframe({ actor: participant, briefId: "b2", team, isMember: true })).toBe(false);
    expect(canReframe({ actor: organiser, briefId: "b1", team: { eventId: "e2", briefId: "b1" }, isMember: false })).toBe(false);
    expect(canReframe({ actor: organiser, briefId: "b1", team: { eventId: "e1", briefId: null }, isMember: false })).toBe(false);
  });

  it("needs some words, not too many", () => {
    expect(reframeTextSchema.safeParse("  ").error?.issues[0]?.message).toBe("Write the problem as your team now sees it.");
    expect(reframeTextSchema.safeParse("x".repeat(1001)).success).toBe(false);
  });
});

describe("brief visibility", () => {
  it("shows only published briefs of a published or archived event to the public", () => {
    expect(briefIsPublic("published", "published")).toBe(true);
    expect(briefIsPublic("archived", "published")).toBe(true);
    expect(briefIsPublic("draft", "published")).toBe(false);
    expect(briefIsPublic("published", "draft")).toBe(false);
    expect(briefIsPublic("published", "withdrawn")).toBe(false);
  });

  it("shows staff everything", () => {
    expect(canSeeBrief({ isStaff: true, eventStatus: "draft", briefStatus: "draft" })).toBe(true);
    expect(canSeeBrief({ isStaff: false, eventStatus: "published", briefStatus: "draft" })).toBe(false);
  });
});
