"use client";

import { useTranslations } from "next-intl";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import { CountedInput } from "@/app/ui/counted-input";
import { carryRows, type ListRow } from "@/lib/forms/list-carry";
import { isBlankRow, type ListIntent, listIntentField, listIntentValue } from "@/lib/forms/list-fields";

export type ListColumn = {
  key: string;
  label: string;
  type?: "text" | "datetime-local" | "url" | "email";
  hint?: string;
  maxLength?: number;
  placeholder?: string;
  /** Takes the whole row on wider screens. */
  wide?: boolean;
};

type Row = ListRow;

/**
 * What a form's lists remember across the answer to a save (`useEditBasis` keeps it): each list's
 * rows as sent, whether it was changed since, and how to read the rows it shows with what is
 * typed in them (the list drawn again by an answer reads them from the old one, still on screen).
 */
export type ListMemory = { sent: Map<string, Row[]>; edited: Set<string>; shown: Map<string, () => Row[]> };

/**
 * Rows of fields the organiser can add to, remove from and reorder: an agenda's phases, a
 * pack's links or contacts. Each row posts as `name.N.key`; hidden keys (an existing row's id)
 * travel with the row. Inputs are uncontrolled and keyed per row, so moving a row moves what
 * was typed in it, and a failed save leaves every row as it was.
 * Without JavaScript too: a list is always drawn with a spare blank row to fill in, and Up, Down,
 * Remove and Add are the form's submit buttons, which post it with what they do
 * (lib/forms/list-fields.ts, listIntentField) for the action to draw the list again changed.
 */
export function ListEditor(props: {
  name: string;
  /** "phase", "contact", "link", already in the reader's language: used in labels such as "Remove contact 2". */
  noun: string;
  columns: readonly ListColumn[];
  hiddenKeys?: readonly string[];
  initialRows: Record<string, string>[];
  errors?: Record<string, string>;
  addLabel: string;
  emptyText: string;
  /** Told at each change the person makes to the list (typing, adding, moving, removing), with the list. */
  onEdit?: (list: Element | null) => void;
  /** The form's memory of its lists: a list changed while a save was on its way is drawn again as the person has it. */
  memory?: ListMemory;
}) {
  const t = useTranslations("organiser.list");
  const { memory, name } = props;
  const hidden = props.hiddenKeys ?? [];
  const columnsOnly = (row: Record<string, string>) => Object.fromEntries(props.columns.map((c) => [c.key, row[c.key] ?? ""]));
  // A blank last row is already the spare one (a refused save's rows come back as posted).
  const withSpare = (rows: Record<string, string>[]) => {
    const last = rows.at(-1);
    return last && isBlankRow({ ...columnsOnly(last), ...Object.fromEntries(hidden.map((k) => [k, last[k] ?? ""])) })
      ? rows
      : [...rows, {}];
  };
  const [carried] = useState(() => {
    // Drawn again by an answer while changed since the save was sent: the new list starts from the rows on screen.
    const kept = memory?.edited.has(name) ? memory.shown.get(name)?.() : undefined;
    if (!kept) return null;
    const columns = props.columns.map((column) => column.key);
    return carryRows(kept, memory!.sent.get(name) ?? [], props.initialRows, columns, hidden);
  });
  const drawnRows = () => withSpare(props.initialRows);
  const [rows, setRows] = useState<Row[]>(() => carried ?? drawnRows().map((values, key) => ({ key, values })));
  const next = useRef(Math.max(-1, ...rows.map((row) => row.key)) + 1);
  // Until the person changes the list, it follows its rows as drawn again (another organiser's save).
  const [edited, setEdited] = useState(carried !== null);
  const drawn = JSON.stringify(props.initialRows);
  const [drawnFrom, setDrawnFrom] = useState(drawn);
  if (drawn !== drawnFrom && !edited) {
    setDrawnFrom(drawn);
    setRows(drawnRows().map((values) => ({ key: next.current++, values })));
  }
  const list = useRef<HTMLOListElement>(null);
  const edit = () => {
    setEdited(true);
    memory?.edited.add(name);
    props.onEdit?.(list.current);
  };

  // The rows with what is typed in them now (inputs are uncontrolled).
  const shown = useRef(rows);
  shown.current = rows;
  const read = (ol: HTMLOListElement | null): Row[] =>
    shown.current.map((row, index) => {
      const values = { ...row.values };
      for (const column of props.columns) {
        const input = ol?.querySelector<HTMLInputElement>(`[name="${CSS.escape(`${name}.${index}.${column.key}`)}"]`);
        if (input) values[column.key] = input.value;
      }
      return { key: row.key, values };
    });
  // biome-ignore lint/correctness/useExhaustiveDependencies: read sees the rows through a ref
  useEffect(() => {
    if (!memory) return;
    const sent = (event: Event) => {
      if (!list.current || event.target !== list.current.closest("form")) return;
      // Another part of the page's one form sent (page-form.tsx): this list was not.
      const submitter = (event as SubmitEvent).submitter;
      const part = list.current.closest("[data-part]");
      if (submitter && part && !part.contains(submitter)) return;
      memory.sent.set(name, read(list.current));
      memory.edited.delete(name);
    };
    document.addEventListener("submit", sent, true);
    return () => document.removeEventListener("submit", sent, true);
  }, [memory, name]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read sees the rows through a ref
  useLayoutEffect(() => {
    if (!memory) return;
    const ol = list.current;
    const mine = () => read(ol);
    memory.shown.set(name, mine);
    return () => {
      if (memory.shown.get(name) === mine) memory.shown.delete(name);
    };
  }, [memory, name]);

  const focusRow = (index: number) =>
    requestAnimationFrame(() =>
      list.current?.querySelectorAll<HTMLElement>("[data-row]")[index]?.querySelector("input")?.focus(),
    );
  const move = (index: number, by: -1 | 1) => {
    edit();
    setRows((current) => {
      const target = index + by;
      if (target < 0 || target >= current.length) return current;
      const copy = [...current];
      [copy[index], copy[target]] = [copy[target]!, copy[index]!];
      return copy;
    });
  };
  const add = () => {
    edit();
    setRows((current) => [...current, { key: next.current++, values: {} }]);
    focusRow(rows.length);
  };
  /** A list button: with JavaScript it changes the list here; without, it posts the form with what it does. */
  const intent = (action: ListIntent["action"], index: number, onClick: () => void) => ({
    type: "submit" as const,
    name: listIntentField,
    value: listIntentValue(name, action, index),
    onClick: (event: React.MouseEvent) => {
      event.preventDefault();
      onClick();
    },
  });
  const nothingYet = props.initialRows.every((row) => isBlankRow(columnsOnly(row)));

  return (
    <div className="space-y-3" onInput={edit}>
      {/* The form's first submit button, so Enter in a field saves, rather than pressing the first row's Up. */}
      <button type="submit" hidden />
      {/* About the list as a whole: too many rows, or another organiser's version of it. */}
      {props.errors?.[props.name] ? <p className="field-error">{props.errors[props.name]}</p> : null}
      {nothingYet ? <p className="text-ink-soft">{props.emptyText}</p> : null}
      <ol ref={list} className="space-y-3">
        {rows.map((row, index) => {
          const label = t("row", { noun: props.noun, number: index + 1 });
          return (
            <li key={row.key} data-row className="rounded-xl border border-line bg-paper/60 p-4">
              {/* min-w-0: a fieldset and a grid's cells are as wide as their widest field by default (a
                  date and time field on a phone), which ran the page past a 390 px screen's edge. */}
              <fieldset className="min-w-0">
                <legend className="mb-2 font-bold">{label.charAt(0).toUpperCase() + label.slice(1)}</legend>
                {hidden.map((key) => (
                  <input key={key} type="hidden" name={`${props.name}.${index}.${key}`} value={row.values[key] ?? ""} />
                ))}
                <div className="grid gap-3 sm:grid-cols-2">
                  {props.columns.map((column) => {
                    const field = `${props.name}.${index}.${column.key}`;
                    const id = `${props.name}-${row.key}-${column.key}`;
                    const error = props.errors?.[field];
                    const describedBy = [column.hint ? `${id}-hint` : null, error ? `${id}-error` : null]
                      .filter(Boolean)
                      .join(" ");
                    return (
                      <div key={column.key} className={column.wide ? "min-w-0 sm:col-span-2" : "min-w-0"}>
                        <label htmlFor={id} className="field-label">
                          {column.label}
                          <span className="sr-only"> ({label})</span>
                        </label>
                        {column.hint ? (
                          <span id={`${id}-hint`} className="field-hint">
                            {column.hint}
                          </span>
                        ) : null}
                        {column.maxLength === undefined ? (
                          <input
                            id={id}
                            name={field}
                            type={column.type ?? "text"}
                            placeholder={column.placeholder}
                            defaultValue={row.values[column.key] ?? ""}
                            aria-invalid={error ? true : undefined}
                            aria-describedby={describedBy || undefined}
                            className="field-input"
                          />
                        ) : (
                          <CountedInput
                            id={id}
                            name={field}
                            type={column.type ?? "text"}
                            maxLength={column.maxLength}
                            placeholder={column.placeholder}
                            defaultValue={row.values[column.key] ?? ""}
                            invalid={!!error}
                            describedBy={describedBy || undefined}
                            className="field-input"
                          />
                        )}
                        {error ? (
                          <span id={`${id}-error`} className="field-error">
                            {error}
                          </span>
                        ) : null}
                      </div>
                    );
                  })}
                </div>
                <div className="mt-3 flex flex-wrap gap-2">
                  <button
                    {...intent("up", index, () => move(index, -1))}
                    className="btn btn-secondary py-2 text-sm"
                    disabled={index === 0}
                    aria-label={t("moveUp", { row: label })}
                  >
                    <span aria-hidden>↑</span> {t("up")}
                  </button>
                  <button
                    {...intent("down", index, () => move(index, 1))}
                    className="btn btn-secondary py-2 text-sm"
                    disabled={index === rows.length - 1}
                    aria-label={t("moveDown", { row: label })}
                  >
                    <span aria-hidden>↓</span> {t("down")}
                  </button>
                  <button
                    {...intent("remove", index, () => {
                      edit();
                      setRows((current) => current.filter((r) => r.key !== row.key));
                    })}
                    className="btn btn-secondary py-2 text-sm text-danger"
                    aria-label={t("removeRow", { row: label })}
                  >
                    {t("remove")}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button {...intent("add", rows.length, add)} className="btn btn-secondary">
        <span aria-hidden>+</span> {props.addLabel}
      </button>
    </div>
  );
}
