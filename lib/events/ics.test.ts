import { describe, expect, it } from "vitest";
import { escapeIcsText, eventToIcs, foldIcsLine, icsUtc } from "./ics";

const octets = (s: string) => new TextEncoder().encode(s).length;

describe("iCalendar text", () => {
  it("escapes backslashes, semicolons, commas and newlines", () => {
    expect(escapeIcsText("a\\b; c, d\ne\r\nf")).toBe("a\\\\b\\; c\\, d\\ne\\nf");
  });

  it("writes UTC times in basic format", () => {
    expect(icsUtc(Date.parse("2026-12-04T18:00:00.000Z"))).toBe("20261204T180000Z");
  });

  it("folds long lines at 75 octets without splitting a character", () => {
    const line = `DESCRIPTION:${"é£".repeat(60)}`;
    const folded = foldIcsLine(line);
    const physical = folded.split("\r\n");
    expect(physical.length).toBeGreaterThan(1);
    for (const part of physical) expect(octets(part)).toBeLessThanOrEqual(75);
    for (const part of physical.slice(1)) expect(part.startsWith(" ")).toBe(true);
    expect(physical.map((p, i) => (i === 0 ? p : p.slice(1))).join("")).toBe(line);
    expect(foldIcsLine("SHORT:line")).toBe("SHORT:line");
  });
});

describe("eventToIcs", () => {
  const base = {
    uid: "abc@madein",
    name: "Made in Lambeth",
    startsAt: Date.parse("2026-12-04T18:00:00Z"),
    endsAt: Date.parse("2026-12-06T17:00:00Z"),
    place: "Lambeth Town Hall, Brixton Hill, London SW2",
    description: "Less talking, more doing.\nBring a laptop; or don't.",
    url: "https://madein.example/e/made-in-lambeth",
    now: Date.parse("2026-11-01T12:00:00Z"),
  };

  it("is one VEVENT in a VCALENDAR with CRLF line ends", () => {
    const ics = eventToIcs(base);
    expect(ics.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
    expect(ics.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(ics).toContain("DTSTART:20261204T180000Z\r\n");
    expect(ics).toContain("DTEND:20261206T170000Z\r\n");
    expect(ics).toContain("DTSTAMP:20261101T120000Z\r\n");
    expect(ics).toContain("LOCATION:Lambeth Town Hall\\, Brixton Hill\\, London SW2\r\n");
    expect(ics).toContain("DESCRIPTION:Less talking\\, more doing.\\nBring a laptop\\; or don't.\r\n");
    expect(ics).toContain("UID:abc@madein\r\n");
  });

  it("cannot be broken out of by a name with line breaks", () => {
    const ics = eventToIcs({ ...base, name: "Evil\r\nBEGIN:VALARM\nX" });
    expect(ics).not.toMatch(/\r\nBEGIN:VALARM/);
    expect(ics).toContain("SUMMARY:Evil\\nBEGIN:VALARM\\nX");
  });

  it("gives an event without an end an hour, and leaves out empty fields", () => {
    const ics = eventToIcs({ ...base, endsAt: null, place: "", description: "", url: undefined });
    expect(ics).toContain("DTEND:20261204T190000Z");
    expect(ics).not.toContain("LOCATION");
    expect(ics).not.toContain("DESCRIPTION");
    expect(ics).not.toContain("URL");
  });
});
