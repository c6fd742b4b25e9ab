import { afterEach, describe, expect, it } from "vitest";
import { eventMarkdown } from "@/lib/exports/markdown-report";
import { sampleExport } from "@/lib/exports/sample-export";
import { followUpState, standardMilestoneDates } from "@/lib/projects/check-in-rules";
import { milestoneViews } from "@/lib/projects/follow-up-merge";
import { localDayTime, localEventDates, localShortDate, localTime } from "./dates";

/**
 * What a report, a project's follow-up or a date on a page says must not depend on the machine's
 * time zone: a laptop in New York, a server in Kolkata or Auckland all say London's date and time.
 * Each check is done once as London sees it, then again with the process in each zone.
 */
const zones = ["America/New_York", "Asia/Kolkata", "Pacific/Auckland"];
const original = process.env.TZ;
afterEach(() => {
  process.env.TZ = original;
});

function inZone<T>(zone: string, read: () => T): T {
  process.env.TZ = zone;
  try {
    return read();
  } finally {
    process.env.TZ = original;
  }
}

// Late on a Friday in London: already Saturday in Auckland and Kolkata, still the afternoon in New York.
const lateFriday = Date.UTC(2026, 11, 4, 23, 30);

function lateNightExport() {
  const data = sampleExport();
  data.event.startsAt = lateFriday;
  data.event.endsAt = lateFriday + 2 * 24 * 3600_000;
  return data;
}

describe("dates and times in the event's time zone, whatever the machine's", () => {
  it.each(zones)("the Markdown report says London's dates with TZ=%s, in English and Portuguese", (zone) => {
    for (const locale of ["en-GB", "pt-PT"]) {
      const london = inZone("Europe/London", () => eventMarkdown(lateNightExport(), locale));
      expect(inZone(zone, () => eventMarkdown(lateNightExport(), locale))).toBe(london);
    }
    expect(inZone(zone, () => eventMarkdown(lateNightExport(), "en-GB"))).toContain("4 December");
  });

  it.each(zones)("a project's check-in is due on London's calendar day with TZ=%s", (zone) => {
    // Due at 00:30 London on Saturday; it is 23:30 on Friday in London: due tomorrow, not today.
    const milestone = { day: 30, title: "First steps", dueAt: lateFriday + 3600_000, doneAt: null };
    const read = () => followUpState([milestone], [], lateFriday);
    const london = inZone("Europe/London", read);
    expect(london).toMatchObject({ kind: "due", daysLeft: 1 });
    expect(inZone(zone, read)).toEqual(london);
  });

  it.each(zones)("dates on pages, in every language, say London's with TZ=%s", (zone) => {
    for (const locale of ["en-GB", "pt-PT", "es", "pl", "fr"]) {
      const read = () => [
        localDayTime(locale, lateFriday),
        localTime(locale, lateFriday),
        localShortDate(locale, lateFriday),
        localEventDates(locale, lateFriday, lateFriday + 3600_000, "—"),
      ];
      expect(inZone(zone, read)).toEqual(inZone("Europe/London", read));
    }
    expect(inZone(zone, () => localShortDate("en-GB", lateFriday))).toBe("4 Dec 2026");
  });

  it.each(zones)("a milestone's date in the milestones form is the project page's London day with TZ=%s", (zone) => {
    // A project started at 00:30 London on 1 July (23:30 on 30 June in UTC): day 30 falls on 31 July in London, 30 July in UTC.
    const startedAt = Date.UTC(2026, 5, 30, 23, 30);
    const [first] = standardMilestoneDates(startedAt);
    if (!first) throw new Error("no standard milestones");
    const read = () => [
      milestoneViews([{ day: first.day, title: "First steps", dueAt: first.dueAt, doneAt: null }])[0]?.dueDate,
      localShortDate("en-GB", first.dueAt),
    ];
    expect(inZone(zone, read)).toEqual(["2026-07-31", "31 Jul 2026"]);
    expect(inZone(zone, read)).toEqual(inZone("Europe/London", read));
  });
});
