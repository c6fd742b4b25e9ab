/**
 * A page of several parts posted as one form (app/(organiser)/page-form.tsx): without JavaScript
 * the page is drawn anew after one part's save, and the other parts come back from their fields
 * as posted, not saved, each saying so where it differs from what is stored.
 */

/**
 * The form's text fields as posted (React's own fields left out); ticks of one name, comma-separated.
 * A browser never fills a file field again: `files.<field>` counts those chosen, to be chosen again.
 */
export function carriedFields(form: FormData): Record<string, string> {
  const carried: Record<string, string> = {};
  for (const [field, value] of form.entries()) {
    if (field.startsWith("$ACTION")) continue;
    if (typeof value !== "string") {
      if (value.size > 0) carried[`files.${field}`] = String(Number(carried[`files.${field}`] ?? 0) + 1);
      continue;
    }
    carried[field] = field in carried ? `${carried[field]},${value}` : value;
  }
  return carried;
}

/**
 * Whether a part drawn from what was posted holds something not saved yet: a field posted differs
 * from what is stored, as the part draws it (`stored`, by field name; a tick box unticked is "").
 * Line ends and the spaces a save trims do not count. `lists`: the names of the part's lists,
 * whose rows (`name.N.key`) may be more than those stored.
 */
export function unsavedIn(
  answer: { carried?: unknown; values?: Record<string, unknown> },
  stored: Record<string, string>,
  lists: readonly string[] = [],
): boolean {
  const posted = answer.carried ? answer.values : undefined;
  if (!posted) return false;
  const text = (value: unknown) => (typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : "");
  if (Object.entries(stored).some(([name, value]) => text(posted[name]) !== text(value))) return true;
  return Object.entries(posted).some(
    ([name, value]) => !(name in stored) && lists.some((list) => name.startsWith(`${list}.`)) && text(value) !== "",
  );
}

/** A list's rows as its fields are named (`name.N.key`), to compare with what was posted. */
export function rowFields(name: string, rows: readonly Record<string, string>[]): Record<string, string> {
  return Object.fromEntries(rows.flatMap((row, i) => Object.entries(row).map(([key, value]) => [`${name}.${i}.${key}`, value])));
}
