import { afterEach, describe, expect, it } from "vitest";
import { epochToLondonLocal, formatClock, formatEventDates, formatLongDate, formatTime, londonLocalToEpoch } from "./event-dates";

const utc = (iso: string) => Date.parse(iso);

describe("London wall-clock time", () => {
  it("reads winter times as GMT and summer times as BST", () => {
    expect(londonLocalToEpoch("2026-12-04T18:00")).toBe(utc("2026-12-04T18:00:00Z"));
    expect(londonLocalToEpoch("2026-07-04T18:00")).toBe(utc("2026-07-04T17:00:00Z"));
  });

  it("round-trips through a datetime-local value", () => {
    for (const value of ["2026-12-04T18:00", "2026-07-04T09:30", "2027-03-28T00:15"]) {
      expect(epochToLondonLocal(londonLocalToEpoch(value)!)).toBe(value);
    }
  });

  it("moves a time skipped by the clocks going forward to the hour after", () => {
    expect(epochToLondonLocal(londonLocalToEpoch("2026-03-29T01:30")!)).toBe("2026-03-29T02:30");
  });

  it("reads a time that happens twice as the first one", () => {
    expect(londonLocalToEpoch("2026-10-25T01:30")).toBe(utc("2026-10-25T00:30:00Z"));
  });

  it("rejects what is not a real date and time", () => {
    for (const value of ["", "tomorrow", "2026-02-30T10:00", "2026-12-04", "2026-12-04T25:00"]) {
      expect(londonLocalToEpoch(value)).toBeNull();
    }
  });
});

describe("formatEventDates", () => {
  it("spells out a weekend, with the year once", () => {
    expect(formatEventDates(utc("2026-12-04T18:00:00Z"), utc("2026-12-06T17:00:00Z"))).toBe(
      "Friday 4 December, 6pm to Sunday 6 December 2026, 5pm",
    );
  });

  it("keeps both years when an event crosses new year", () => {
    expect(formatEventDates(utc("2026-12-31T18:00:00Z"), utc("2027-01-02T17:30:00Z"))).toBe(
      "Thursday 31 December 2026, 6pm to Saturday 2 January 2027, 5:30pm",
    );
  });

  it("names the day once for a one-day event, in London time", () => {
    expect(formatEventDates(utc("2026-07-04T09:00:00Z"), utc("2026-07-04T16:00:00Z"))).toBe("Saturday 4 July 2026, 10am to 5pm");
  });

  it("copes with missing dates", () => {
    expect(formatEventDates(null, null)).toBe("Dates to be announced");
    expect(formatEventDates(utc("2026-12-04T18:00:00Z"), null)).toBe("Friday 4 December 2026, 6pm");
  });

  it("writes noon and midnight the way posters do", () => {
    expect(formatTime(utc("2026-12-04T12:00:00Z"))).toBe("12pm");
    expect(formatTime(utc("2026-12-04T00:00:00Z"))).toBe("12am");
  });
});

describe("the room's clock, on a laptop in any time zone", () => {
  const zones = ["America/New_York", "Asia/Kolkata", "Pacific/Auckland"];
  const original = process.env.TZ;
  afterEach(() => {
    process.env.TZ = original;
  });

  it.each(zones)("shows London's time and date with TZ=%s", (zone) => {
    process.env.TZ = zone;
    const winterRound = Date.UTC(2026, 10, 21, 5, 56, 7); // 05:56:07 in London (GMT)
    // The machine's own clock really is elsewhere: the naive reading would be wrong.
    expect(new Date(winterRound).getHours()).not.toBe(5);
    expect(formatClock(winterRound)).toBe("05:56");
    expect(formatClock(winterRound, true)).toBe("05:56:07");
    const summerRound = Date.UTC(2026, 6, 4, 4, 56); // 05:56 in London (BST)
    expect(formatClock(summerRound)).toBe("05:56");
    // Late on Friday 4 December in London is already Saturday in Auckland and Kolkata's morning.
    expect(formatLongDate(Date.UTC(2026, 11, 4, 23, 30))).toBe("4 December 2026");
  });
});
