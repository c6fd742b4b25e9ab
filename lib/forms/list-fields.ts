import { z } from "zod";

/**
 * Repeated rows posted as `prefix.0.name`, `prefix.0.startsAt`, `prefix.1.name`… → an array of
 * rows in index order. Missing keys read as "". At most `max` rows are read, so a crafted post
 * cannot make the server build an unbounded list.
 */
export function listFromForm<K extends string>(
  /** A posted form, or any fields by name (a page's fields carried back as posted). */
  form: { entries(): Iterable<[string, unknown]> },
  prefix: string,
  keys: readonly K[],
  max = 50,
): Record<K, string>[] {
  const rows = new Map<number, Record<K, string>>();
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.(\\d{1,3})\\.(\\w+)$`);
  for (const [name, value] of form.entries()) {
    const match = pattern.exec(name);
    if (!match || typeof value !== "string") continue;
    const key = match[2] as K;
    if (!keys.includes(key)) continue;
    const index = Number(match[1]);
    if (!rows.has(index)) {
      if (rows.size >= max) continue;
      rows.set(index, Object.fromEntries(keys.map((k) => [k, ""])) as Record<K, string>);
    }
    rows.get(index)![key] = value;
  }
  return [...rows.entries()].sort(([a], [b]) => a - b).map(([, row]) => row);
}

/** A row whose every field is blank: a spare row nobody filled in, not a mistake. */
export const isBlankRow = (row: Record<string, string>) => Object.values(row).every((v) => v.trim() === "");

/**
 * zod's issues → one message per field, keyed by the whole path ("phases.2.endsAt"). An issue
 * about the list itself (too many rows) is keyed by the list's name, where its editor shows it.
 */
export function fieldErrorsByPath(error: z.ZodError, prefix?: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    errors[prefix ? [prefix, path].filter(Boolean).join(".") : path || "form"] ??= issue.message;
  }
  return errors;
}

/**
 * A posted list whose spare rows (left blank: `isSpare`) are dropped, but only after the rows are
 * checked where they stand, so a message about a row names the row the person sees: dropping them
 * first made "row 2" of the message the third row of the form when the second was left blank.
 * `max` counts the rows kept.
 */
export function listWithSpareRows<T extends z.ZodType>(
  row: T,
  isSpare: (row: Record<string, unknown>) => boolean,
  max: number,
  tooMany: string,
) {
  const record = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
  return z
    .array(z.preprocess((value) => (record(value) && isSpare(value) ? null : value), row.nullable()))
    .transform((rows) => rows.filter((r): r is NonNullable<typeof r> => r !== null))
    .refine((rows) => rows.length <= max, tooMany);
}

/** Moves one item up or down a list (a no-op at either end). Returns a new array. */
export function moveItem<T>(items: readonly T[], index: number, direction: "up" | "down"): T[] {
  const target = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/**
 * A list's Up, Down, Remove and Add buttons, which are the form's own submit buttons, so a list
 * can be changed without JavaScript: the button pressed posts the form with its value under this
 * name ("phases:up:2"), and the action draws the list again changed, saving nothing. With
 * JavaScript the list changes in place and the form is not sent.
 */
export const listIntentField = "listIntent";

const listActions = ["up", "down", "remove", "add"] as const;
export type ListIntent = { list: string; action: (typeof listActions)[number]; index: number };

export const listIntentValue = (list: string, action: ListIntent["action"], index = 0) => `${list}:${action}:${index}`;

/** The list change a form was posted for, or null for a save. */
export function readListIntent(form: FormData): ListIntent | null {
  const value = form.get(listIntentField);
  const match = typeof value === "string" ? /^(\w{1,40}):(up|down|remove|add):(\d{1,3})$/.exec(value) : null;
  if (!match) return null;
  return { list: match[1]!, action: match[2] as ListIntent["action"], index: Number(match[3]) };
}

/** The rows with the change made: a row moved or removed, or a blank one added at the end. */
export function applyListIntent(rows: readonly Record<string, string>[], intent: ListIntent): Record<string, string>[] {
  if (intent.action === "up" || intent.action === "down") return moveItem(rows, intent.index, intent.action);
  if (intent.action === "remove") return rows.filter((_, i) => i !== intent.index);
  return [...rows, {}];
}
