import { describe, expect, it } from "vitest";
import { sameVenueDay } from "./dates";

describe("the venue's calendar day", () => {
  it("is London's, whatever the server's time zone", () => {
    // 00:30 on 5 May in London (BST) is 23:30 on 4 May in UTC: the same London day as 10:00 on 5 May.
    expect(sameVenueDay(Date.UTC(2027, 4, 4, 23, 30), Date.UTC(2027, 4, 5, 9, 0))).toBe(true);
    expect(sameVenueDay(Date.UTC(2027, 4, 4, 22, 30), Date.UTC(2027, 4, 5, 9, 0))).toBe(false);
    // In winter London is UTC.
    expect(sameVenueDay(Date.UTC(2027, 0, 4, 23, 30), Date.UTC(2027, 0, 5, 9, 0))).toBe(false);
  });
});
