import { z } from "zod";
import { checkInStatuses } from "@/db/schema";
import { typedLine } from "@/lib/forms/direction-controls";
import { readTypedNumber } from "./typed-number";

/**
 * What organisers and owners type about projects, validated with plain messages. Multi-line
 * fields (co-owners, numbers, links) are one item per line, as people write lists.
 */

const lines = (raw: string) =>
  raw
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

// Titles and names reach other people's screens and email subjects: no direction controls.
const shortText = (max: number, what: string) =>
  z
    .string()
    .trim()
    .max(max, `Keep ${what} to ${max.toLocaleString("en-GB")} characters or fewer.`);
const shortLine = (max: number, what: string, missing: string) => typedLine(shortText(max, what).min(1, missing));

/** "Amara, Resident" → { name: "Amara", role: "Resident" }. */
export const coOwnersField = z
  .string()
  .max(4000, "Keep the co-owners to 4,000 characters or fewer.")
  .transform((raw, ctx) => {
    const people = lines(raw).map((line) => {
      const [name = "", ...role] = line.split(",");
      return { name: name.trim(), role: role.join(",").trim() };
    });
    if (people.length > 20) {
      ctx.addIssue({ code: "custom", message: "List at most 20 co-owners." });
      return z.NEVER;
    }
    if (people.some((p) => p.name.length > 120 || p.role.length > 120)) {
      ctx.addIssue({ code: "custom", message: "Keep each co-owner's name and role to 120 characters." });
      return z.NEVER;
    }
    return people;
  });

export const projectSchema = z.object({
  title: shortLine(160, "the title", "Give the project a name."),
  summary: shortText(4000, "the summary"),
  ownerName: shortLine(120, "the owner's name", "Say who owns the project: the person taking it forward."),
  ownerRole: shortText(120, "the owner's role"),
  ownerEmail: z
    .string()
    .trim()
    .max(254, "Keep the email address to 254 characters or fewer.")
    .refine((v) => v === "" || z.email().safeParse(v).success, "Enter an email address like name@example.org, or leave it empty.")
    .optional()
    .transform((v) => v ?? ""),
  coOwners: coOwnersField,
});

const dateField = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date, like 2027-01-15.")
  .transform((value, ctx) => {
    const ms = Date.parse(`${value}T12:00:00Z`);
    // The date must be the one typed: Date.parse rolls 2027-02-30 over to 2 March without a word.
    if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value) {
      ctx.addIssue({ code: "custom", message: "Enter a real date." });
      return z.NEVER;
    }
    // A slip of the year (0001, 9999) would sort the milestone out of every list and reminder.
    const year = Number(value.slice(0, 4));
    if (year < 2000 || year > 2099) {
      ctx.addIssue({ code: "custom", message: "Enter a date between the years 2000 and 2099." });
      return z.NEVER;
    }
    return ms;
  });

export const milestoneSchema = z.object({
  day: z.coerce
    .number({ error: "Write the days after the start as a whole number." })
    .int("Write the days after the start as a whole number.")
    .min(1, "Days after the start must be 1 or more.")
    .max(3650, "Days after the start must be 3,650 or fewer."),
  title: shortText(200, "the milestone").min(1, "Say what should have happened by then."),
  dueAt: dateField,
  done: z.boolean(),
});

/** Links in one check-in, and numbers: as many as the form takes (an import brings no more). */
export const maxCheckInLinks = 20;
export const maxCheckInNumbers = 20;

/**
 * "people reached: 120" → { label: "people reached", value: 120 }, the number read the way the
 * reader's language writes it (lib/projects/typed-number.ts).
 */
export const numbersField = (locale: string) =>
  z
    .string()
    .max(4000, "Keep the numbers to 4,000 characters or fewer.")
    .transform((raw, ctx) => {
      const out: { label: string; value: number }[] = [];
      for (const line of lines(raw)) {
        const match = line.match(/^(.{1,120}?)\s*[:=]\s*([-\u2212]?[\d.,\s]*\d)$/);
        const read = match ? readTypedNumber(match[2] ?? "", locale) : null;
        if (read?.kind === "ambiguous") {
          const [whole, fraction] = [read.whole, read.fraction].map((n) => n.toLocaleString("en-GB"));
          ctx.addIssue({
            code: "custom",
            message: `Check "${line.slice(0, 40)}": do you mean ${whole} or ${fraction}? Write it again like one of these.`,
          });
          return z.NEVER;
        }
        if (!match || read?.kind !== "number" || !Number.isFinite(read.value)) {
          ctx.addIssue({
            code: "custom",
            message: `Write each number as "what: how many", e.g. "people reached: 120". Check "${line.slice(0, 40)}".`,
          });
          return z.NEVER;
        }
        out.push({ label: (match[1] ?? "").trim(), value: read.value });
      }
      if (out.length > maxCheckInNumbers) {
        ctx.addIssue({ code: "custom", message: "List at most 20 numbers." });
        return z.NEVER;
      }
      return out;
    });

/** A check-in's link as stored, or null: web links only (a javascript: or data: link in a public page would be a hazard). */
export function webLink(line: string): string | null {
  if (line.length > 2000) return null;
  try {
    const url = new URL(line);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

export const linksField = z
  .string()
  .max(8000, "Keep the links to 8,000 characters or fewer.")
  .transform((raw, ctx) => {
    const out: string[] = [];
    for (const line of lines(raw)) {
      const url = webLink(line);
      if (!url) {
        ctx.addIssue({ code: "custom", message: `Links must start with https:// or http://. Check "${line.slice(0, 40)}".` });
        return z.NEVER;
      }
      out.push(url);
    }
    if (out.length > maxCheckInLinks) {
      ctx.addIssue({ code: "custom", message: "List at most 20 links." });
      return z.NEVER;
    }
    return out;
  });

/** A check-in as typed by a reader of `locale`: its numbers are read the way that language writes them. */
export const checkInSchema = (locale: string) =>
  z
    .object({
      status: z.enum(checkInStatuses, { error: "Say how the project is going: on track, at risk, stuck or done." }),
      progress: shortText(4000, "the progress"),
      evidence: shortText(4000, "the evidence"),
      numbers: numbersField(locale),
      links: linksField,
      learning: shortText(4000, "the learning"),
      helpNeeded: shortText(4000, "what help you need"),
      authorName: shortText(120, "your name").min(1, "Say who is writing this update."),
    })
    .refine((c) => c.progress || c.evidence || c.learning || c.helpNeeded || c.numbers.length || c.links.length, {
      path: ["progress"],
      message: "Write a line about what has happened since the last update.",
    });

export type CheckInInput = z.infer<ReturnType<typeof checkInSchema>>;

export const riskSchema = z.object({
  checked: z.boolean(),
  notes: shortText(2000, "the notes"),
  checkedBy: shortText(120, "who checked it"),
});
