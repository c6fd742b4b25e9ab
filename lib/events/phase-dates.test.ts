import { describe, expect, it } from "vitest";
import { londonLocalToEpoch } from "./event-dates";
import { eventDays, outsideEventDays, phasesOutsideEvent } from "./phase-dates";

const at = (local: string) => londonLocalToEpoch(local)!;
// Friday evening to Sunday afternoon, in March (GMT).
const weekend = { startsAt: at("2027-03-19T18:00"), endsAt: at("2027-03-21T17:00") };

describe("phases and the event's dates", () => {
  it("refuses a phase a month after the event ends, naming the moment that is outside", () => {
    const presentations = { startsAt: at("2027-04-21T14:00"), endsAt: null };
    expect(outsideEventDays(presentations, weekend)).toBe(at("2027-04-21T14:00"));
  });

  it("allows any time on the event's days: setting up before Friday's start, clearing away after Sunday's close", () => {
    expect(outsideEventDays({ startsAt: at("2027-03-19T09:00"), endsAt: at("2027-03-19T17:00") }, weekend)).toBeNull();
    expect(outsideEventDays({ startsAt: at("2027-03-21T17:00"), endsAt: at("2027-03-21T23:30") }, weekend)).toBeNull();
    expect(outsideEventDays({ startsAt: at("2027-03-21T23:00"), endsAt: at("2027-03-22T00:00") }, weekend)).toBeNull();
  });

  it("refuses a phase the day before, and one that runs past the last midnight", () => {
    expect(outsideEventDays({ startsAt: at("2027-03-18T23:59"), endsAt: null }, weekend)).toBe(at("2027-03-18T23:59"));
    expect(outsideEventDays({ startsAt: at("2027-03-22T00:00"), endsAt: null }, weekend)).toBe(at("2027-03-22T00:00"));
    expect(outsideEventDays({ startsAt: at("2027-03-21T22:00"), endsAt: at("2027-03-22T01:00") }, weekend)).toBe(
      at("2027-03-22T01:00"),
    );
  });

  it("counts the days in London, whatever the server's clock: an event in summer time starts at its London midnight", () => {
    const summer = { startsAt: at("2027-07-02T18:00"), endsAt: at("2027-07-04T17:00") };
    // 00:30 in London on the first day is 23:30 UTC the day before: still the event's day.
    expect(outsideEventDays({ startsAt: at("2027-07-02T00:30"), endsAt: null }, summer)).toBeNull();
    expect(eventDays(summer)).toEqual({ from: Date.UTC(2027, 6, 1, 23, 0), until: Date.UTC(2027, 6, 4, 23, 0) });
    // The night the clocks go forward: the last day is 23 hours long.
    const clocks = { startsAt: at("2027-03-26T18:00"), endsAt: at("2027-03-28T17:00") };
    expect(eventDays(clocks)!.until).toBe(Date.UTC(2027, 2, 28, 23, 0));
  });

  it("checks nothing for an event without dates, and uses the first day alone when there is no end", () => {
    expect(outsideEventDays({ startsAt: at("2030-01-01T10:00"), endsAt: null }, { startsAt: null, endsAt: null })).toBeNull();
    const oneDay = { startsAt: at("2027-03-19T18:00"), endsAt: null };
    expect(outsideEventDays({ startsAt: at("2027-03-19T20:00"), endsAt: null }, oneDay)).toBeNull();
    expect(outsideEventDays({ startsAt: at("2027-03-20T10:00"), endsAt: null }, oneDay)).not.toBeNull();
  });

  it("lists each phase outside with its place in the list", () => {
    const phases = [
      { name: "Kick-off", startsAt: at("2027-03-19T18:00"), endsAt: null },
      { name: "Presentations", startsAt: at("2027-04-21T14:00"), endsAt: null },
    ];
    expect(phasesOutsideEvent(phases, weekend)).toEqual([{ index: 1, phase: phases[1], at: at("2027-04-21T14:00") }]);
  });
});
