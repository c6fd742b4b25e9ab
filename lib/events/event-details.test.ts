import { describe, expect, it } from "vitest";
import { agendaSchema } from "./agenda";
import { eventYears, inEventYears, londonLocalToEpoch } from "./event-dates";
import { eventDetailsSchema, londonTime } from "./event-details";

const details = (startsAt: string, endsAt: string) => ({
  name: "Made in Lambeth",
  place: "",
  startsAt,
  endsAt,
  description: "",
  goals: "",
  accessInfo: "",
  childcare: "",
  food: "",
  whatToBring: "",
});

const issuesOf = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("an event's dates", () => {
  it("refuse a year slipped while typing, at the field, instead of saving the event a century back", () => {
    // Chrome's date field turns a typed "26" into 0026; read as it was, the event was saved in 1926
    // and its people's data erased by the retention sweep within the hour.
    expect(new Date(londonLocalToEpoch("0026-12-04T18:00")!).getUTCFullYear()).toBe(1926);
    const slipped = eventDetailsSchema.safeParse(details("0026-12-04T18:00", "2026-12-06T17:00"));
    expect(slipped.success).toBe(false);
    expect(issuesOf(slipped)).toEqual({ startsAt: "Enter a date between the years 2000 and 2099." });
    for (const endsAt of ["1999-12-31T23:00", "2100-01-01T10:00", "9999-01-01T10:00"]) {
      expect(issuesOf(eventDetailsSchema.safeParse(details("1999-12-30T18:00", endsAt)))).toMatchObject({
        startsAt: "Enter a date between the years 2000 and 2099.",
        endsAt: "Enter a date between the years 2000 and 2099.",
      });
    }
  });

  it("take any time from the first moment of 2000 to the last of 2099, in London", () => {
    expect(eventDetailsSchema.safeParse(details("2000-01-01T00:00", "2099-12-31T23:59")).success).toBe(true);
    expect(inEventYears(londonLocalToEpoch("2000-01-01T00:00")!)).toBe(true);
    expect(inEventYears(londonLocalToEpoch("2099-12-31T23:59")!)).toBe(true);
    expect(inEventYears(londonLocalToEpoch("1999-12-31T23:59")!)).toBe(false);
    expect(eventYears).toEqual({ first: 2000, last: 2099 });
  });

  it("say it in the form's own words where a form gives them (the new-event and catch-up forms)", () => {
    const time = londonTime("Say when it starts.", { notReal: "Not a date.", outsideYears: "Between 2000 and 2099, please." });
    expect(time.safeParse("0026-05-01T10:00").error?.issues[0]?.message).toBe("Between 2000 and 2099, please.");
    expect(time.safeParse("2026-02-30T10:00").error?.issues[0]?.message).toBe("Not a date.");
    expect(time.safeParse(" ").error?.issues[0]?.message).toBe("Say when it starts.");
    expect(time.safeParse("2026-05-01T10:00").data).toBe(Date.parse("2026-05-01T09:00:00Z"));
  });

  it("hold for an agenda's phases too, their optional end included", () => {
    const result = agendaSchema.safeParse([
      { name: "Kick-off", startsAt: "0026-12-04T18:00", endsAt: "" },
      { name: "Make", startsAt: "2026-12-05T09:00", endsAt: "0026-12-05T17:00" },
    ]);
    expect(issuesOf(result)).toEqual({
      "0.startsAt": "Enter a date between the years 2000 and 2099.",
      "1.endsAt": "Enter a date between the years 2000 and 2099.",
    });
  });
});
