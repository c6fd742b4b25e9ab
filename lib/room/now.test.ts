import { describe, expect, it } from "vitest";
import { announcementNowMs, isStillNow, nudgeNowMs, whatIsNow } from "./now";

const t0 = 1_800_000_000_000;
const announcement = { id: "a1", text: "Lunch is in the hall", createdAt: t0, shownAt: t0 };
const nudge = { id: "n1", at: t0 };

describe("the phone's now card", () => {
  it("shows a fresh announcement and nudge", () => {
    expect(whatIsNow({ announcement, nudge }, t0 + 60_000)).toEqual({ announcement, nudge });
  });

  it("drops a nudge after 10 minutes and an announcement after 15", () => {
    expect(whatIsNow({ announcement, nudge }, t0 + nudgeNowMs)).toEqual({ announcement, nudge: null });
    expect(whatIsNow({ announcement, nudge }, t0 + announcementNowMs)).toEqual({ announcement: null, nudge: null });
  });

  it("counts an announcement shown again as news from when it was shown again, not first sent", () => {
    const shownAgain = { ...announcement, shownAt: t0 + announcementNowMs + 60_000 };
    expect(whatIsNow({ announcement: shownAgain, nudge: null }, t0 + announcementNowMs + 120_000).announcement).toBe(shownAgain);
  });

  it("treats a sender's clock slightly ahead as fresh, and nothing as nothing", () => {
    expect(isStillNow(t0 + 2_000, t0, nudgeNowMs)).toBe(true);
    expect(whatIsNow({ announcement: null, nudge: null }, t0)).toEqual({ announcement: null, nudge: null });
  });
});
