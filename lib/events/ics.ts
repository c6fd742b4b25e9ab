/**
 * An event as an iCalendar file (RFC 5545) for "Add to calendar". Times are written in UTC
 * (`…Z`), which every calendar converts to the reader's own zone; text values are escaped and
 * lines folded at 75 octets, as the RFC requires.
 */
export type IcsEvent = {
  uid: string;
  name: string;
  startsAt: number;
  endsAt: number | null;
  place?: string;
  description?: string;
  url?: string;
  /** When the file was made (DTSTAMP). */
  now: number;
};

/** RFC 5545 3.3.11: backslash, semicolon and comma are escaped; newlines become \n. */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** 20261204T180000Z */
export function icsUtc(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

const encoder = new TextEncoder();

/**
 * RFC 5545 3.1: lines longer than 75 octets are split with CRLF and one space. Splits fall
 * between characters, never inside a multi-byte UTF-8 sequence.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; continuation lines lose one to the leading space.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

export function eventToIcs(event: IcsEvent): string {
  const endsAt = event.endsAt && event.endsAt > event.startsAt ? event.endsAt : event.startsAt + 3600_000;
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Made In//Co-production weekends//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${escapeIcsText(event.uid)}`,
    `DTSTAMP:${icsUtc(event.now)}`,
    `DTSTART:${icsUtc(event.startsAt)}`,
    `DTEND:${icsUtc(endsAt)}`,
    `SUMMARY:${escapeIcsText(event.name)}`,
    ...(event.place ? [`LOCATION:${escapeIcsText(event.place)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeIcsText(event.description)}`] : []),
    // A URI value, not text: it is not escaped, but it must not carry a line break.
    ...(event.url ? [`URL:${event.url.replace(/[\r\n]/g, "")}`] : []),
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  return `${lines.map(foldIcsLine).join("\r\n")}\r\n`;
}
