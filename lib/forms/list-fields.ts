import type { z } from "zod";

/**
 * Repeated rows posted as `prefix.0.name`, `prefix.0.startsAt`, `prefix.1.name`… → an array of
 * rows in index order. Missing keys read as "". At most `max` rows are read, so a crafted post
 * cannot make the server build an unbounded list.
 */
export function listFromForm<K extends string>(
  form: FormData,
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

/** zod's issues → one message per field, keyed by the whole path ("phases.2.endsAt"). */
export function fieldErrorsByPath(error: z.ZodError, prefix?: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "form";
    errors[prefix ? `${prefix}.${path}` : path] ??= issue.message;
  }
  return errors;
}
