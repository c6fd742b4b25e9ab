import { z } from "zod";
import { typedLine } from "@/lib/forms/direction-controls";
import { epochToLondonLocal, inEventYears, londonLocalToEpoch } from "./event-dates";

/** What a date and time field says when what was typed is not one (lib/'s English; errors.json has each). */
export type LondonTimeMessages = { notReal: string; outsideYears: string };
/** Said of a date outside `eventYears` (lib/events/event-dates.ts). */
export const outsideEventYears = "Enter a date between the years 2000 and 2099.";
const englishTimeMessages: LondonTimeMessages = {
  notReal: "Enter a real date and time, like 4 December 2026 at 18:00.",
  outsideYears: outsideEventYears,
};

/** A typed London time → epoch ms, or a message: not a date and time, or outside the years an event can be in. */
export function readLondonTime(
  value: string,
  messages: LondonTimeMessages,
): { ok: true; epoch: number } | { ok: false; message: string } {
  const epoch = londonLocalToEpoch(value);
  if (epoch === null) return { ok: false, message: messages.notReal };
  if (!inEventYears(epoch)) return { ok: false, message: messages.outsideYears };
  return { ok: true, epoch };
}

/**
 * A datetime-local value read as London time → epoch ms, with a plain message when it is not one,
 * or not in a year an event can be in (every form that takes an event's dates uses this one).
 */
export const londonTime = (missing: string, messages: LondonTimeMessages = englishTimeMessages) =>
  z
    .string()
    .trim()
    .min(1, missing)
    .transform((value, ctx) => {
      const read = readLondonTime(value, messages);
      if (!read.ok) {
        ctx.addIssue({ code: "custom", message: read.message });
        return z.NEVER;
      }
      return read.epoch;
    });

const text = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep ${label} to ${max.toLocaleString("en-GB")} characters or fewer.`);

/** Goals and mantras are typed one per line; blank lines are dropped. */
const goalsSchema = z
  .string()
  .transform((value) =>
    value
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.string().max(120, "Keep each goal to 120 characters or fewer."))
      .max(12, "Keep it to 12 goals or fewer: people remember a few."),
  );

/** Everything the event editor's details form saves. */
export const eventDetailsSchema = z
  .object({
    name: typedLine(z.string().trim().min(1, "Give the event a name.").max(120, "Keep the name to 120 characters or fewer.")),
    place: text("the place", 160),
    startsAt: londonTime("Say when the event starts."),
    endsAt: londonTime("Say when the event ends."),
    description: text("the description", 2000),
    goals: goalsSchema,
    accessInfo: text("access information", 2000),
    childcare: text("childcare", 1000),
    food: text("food", 1000),
    whatToBring: text("what to bring", 1000),
  })
  .refine((event) => event.endsAt > event.startsAt, { path: ["endsAt"], message: "The end must be after the start." });

export type EventDetails = z.output<typeof eventDetailsSchema>;
export const eventDetailsFields = [
  "name",
  "place",
  "startsAt",
  "endsAt",
  "description",
  "goals",
  "accessInfo",
  "childcare",
  "food",
  "whatToBring",
] as const;

export type EventDetailsField = (typeof eventDetailsFields)[number];
/** The details as stored: an event made without dates has none yet. */
export type StoredEventDetails = Omit<EventDetails, "startsAt" | "endsAt"> & { startsAt: number | null; endsAt: number | null };

/** The editor's fields of an event row, as stored (what two organisers' saves are merged on). */
export function storedEventDetails(event: StoredEventDetails): StoredEventDetails {
  return Object.fromEntries(eventDetailsFields.map((field) => [field, event[field]])) as StoredEventDetails;
}

/** Stored details → the text the editor's fields show. */
export function eventDetailsFormValues(details: StoredEventDetails): Record<EventDetailsField, string> {
  const local = (ms: number | null) => (ms === null ? "" : epochToLondonLocal(ms));
  return {
    ...details,
    startsAt: local(details.startsAt),
    endsAt: local(details.endsAt),
    goals: details.goals.join("\n"),
  };
}
