import { epochToLondonLocal } from "@/lib/events/event-dates";
import { riskItems } from "./check-in-rules";

/**
 * The follow-up forms as two organisers' saves are merged (lib/forms/edit-basis.ts): the risk
 * checklist field by field, as its form names them; the milestones as one list, as the agenda is
 * (their rows have no identity of their own: a row is its day, title, date and state).
 */
export type RiskRow = { item: string; checked: boolean; notes: string; checkedBy: string };

export type RiskFields = Record<string, boolean | string>;

/** Every item's three fields, as the form names them (`checked-first_aid`…); an item never saved is unchecked and empty. */
export function riskFields(rows: readonly RiskRow[]): RiskFields {
  const fields: RiskFields = {};
  for (const { key } of riskItems) {
    const row = rows.find((r) => r.item === key);
    fields[`checked-${key}`] = row?.checked ?? false;
    fields[`notes-${key}`] = row?.notes ?? "";
    fields[`checkedBy-${key}`] = row?.checkedBy ?? "";
  }
  return fields;
}

/** The checklist's rows from its fields. */
export function riskRows(fields: RiskFields): RiskRow[] {
  return riskItems.map(({ key }) => ({
    item: key,
    checked: fields[`checked-${key}`] === true,
    notes: String(fields[`notes-${key}`] ?? ""),
    checkedBy: String(fields[`checkedBy-${key}`] ?? ""),
  }));
}

/** A risk field's text in the form: a tick box posts "on" when ticked and nothing otherwise. */
export function riskFormText(fields: RiskFields): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).flatMap(([name, value]) => (value === true ? [[name, "on"]] : value === false ? [] : [[name, value]])),
  );
}

export type MilestoneView = { day: number; title: string; dueDate: string; done: boolean };

// London's calendar day, as the project page shows it: a standard milestone is its start plus whole days, at any hour.
const isoDate = (ms: number) => epochToLondonLocal(ms).slice(0, 10);

/** Stored milestones as the form draws them, in the page's order (by date). */
export function milestoneViews(
  rows: readonly { day: number; title: string; dueAt: number; doneAt: number | null }[],
): MilestoneView[] {
  return [...rows]
    .sort((a, b) => a.dueAt - b.dueAt)
    .map((m) => ({ day: m.day, title: m.title, dueDate: isoDate(m.dueAt), done: m.doneAt !== null }));
}

/** Saved milestones (the form's schema: `dueAt` at noon UTC of its date) as the form draws them. */
export function postedMilestoneViews(
  rows: readonly { day: number; title: string; dueAt: number; done: boolean }[],
): MilestoneView[] {
  return rows.map((m) => ({ day: m.day, title: m.title, dueDate: isoDate(m.dueAt), done: m.done }));
}
