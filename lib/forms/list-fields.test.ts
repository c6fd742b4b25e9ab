import { describe, expect, it } from "vitest";
import { z } from "zod";
import { postedAgendaSchema } from "@/lib/events/agenda";
import {
  applyListIntent,
  fieldErrorsByPath,
  isBlankRow,
  listFromForm,
  listIntentField,
  listIntentValue,
  listWithSpareRows,
  readListIntent,
} from "./list-fields";

const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe("listFromForm", () => {
  it("groups repeated fields into rows in index order, filling missing keys", () => {
    const rows = listFromForm(
      form([
        ["phases.10.name", "Make"],
        ["phases.2.name", "Explore"],
        ["phases.2.startsAt", "2026-12-05T09:30"],
        ["other.0.name", "ignored"],
        ["phases.2.evil", "ignored"],
      ]),
      "phases",
      ["name", "startsAt"],
    );
    expect(rows).toEqual([
      { name: "Explore", startsAt: "2026-12-05T09:30" },
      { name: "Make", startsAt: "" },
    ]);
  });

  it("reads at most `max` rows", () => {
    const entries: [string, string][] = Array.from({ length: 20 }, (_, i) => [`x.${i}.a`, String(i)]);
    expect(listFromForm(form(entries), "x", ["a"], 5)).toHaveLength(5);
  });

  it("knows a blank row", () => {
    expect(isBlankRow({ a: " ", b: "" })).toBe(true);
    expect(isBlankRow({ a: " ", b: "x" })).toBe(false);
  });
});

describe("fieldErrorsByPath", () => {
  it("keys each first message by its full path", () => {
    const schema = z.array(z.object({ name: z.string().min(1, "Name it.") }));
    const result = schema.safeParse([{ name: "ok" }, { name: "" }]);
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrorsByPath(result.error, "phases")).toEqual({ "phases.1.name": "Name it." });
  });
});

describe("a list's messages", () => {
  it("name the row the person sees, when a blank row stands before it", () => {
    // The second row left blank: the third's mistake used to be reported against the second.
    const result = postedAgendaSchema.safeParse([
      { name: "Kick-off", startsAt: "2026-12-04T18:00", endsAt: "" },
      { name: "", startsAt: "", endsAt: "" },
      { name: "", startsAt: "2026-12-05T09:00", endsAt: "" },
    ]);
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(fieldErrorsByPath(result.error, "phases")).toEqual({
        "phases.2.name": "Give this phase a name, like Kick-off evening.",
      });
    }
  });

  it("leave blank rows out of what is saved, and count only the rows kept against the limit", () => {
    const schema = listWithSpareRows(z.object({ a: z.string().min(1) }), (row) => !row.a, 2, "Two at most.");
    expect(schema.parse([{ a: "" }, { a: "x" }, { a: "" }, { a: "y" }, { a: "" }])).toEqual([{ a: "x" }, { a: "y" }]);
    const tooMany = schema.safeParse([{ a: "x" }, { a: "y" }, { a: "z" }]);
    expect(tooMany.success).toBe(false);
    // About the list itself: shown by the list's editor, under the list's own name.
    if (!tooMany.success) expect(fieldErrorsByPath(tooMany.error, "phases")).toEqual({ phases: "Two at most." });
  });
});

describe("a list changed without JavaScript", () => {
  const posted = (value: string) => form([[listIntentField, value]]);
  const rows = [{ name: "Kick-off" }, { name: "Explore" }, { name: "Make" }];

  it("reads the button pressed: Up, Down, Remove or Add, on which list and row", () => {
    expect(readListIntent(posted(listIntentValue("phases", "up", 2)))).toEqual({ list: "phases", action: "up", index: 2 });
    expect(readListIntent(posted("dataLinks:remove:0"))).toEqual({ list: "dataLinks", action: "remove", index: 0 });
    expect(readListIntent(form([]))).toBeNull();
    for (const bad of ["phases:explode:1", "phases:up:-1", "phases:up:1000", "a.b:up:1", ""]) {
      expect(readListIntent(posted(bad)), bad).toBeNull();
    }
  });

  it("makes the change on the rows as posted, what was typed in them kept", () => {
    expect(applyListIntent(rows, { list: "phases", action: "up", index: 2 }).map((r) => r.name)).toEqual([
      "Kick-off",
      "Make",
      "Explore",
    ]);
    expect(applyListIntent(rows, { list: "phases", action: "down", index: 2 })).toEqual(rows);
    expect(applyListIntent(rows, { list: "phases", action: "remove", index: 1 }).map((r) => r.name)).toEqual([
      "Kick-off",
      "Make",
    ]);
    expect(applyListIntent(rows, { list: "phases", action: "add", index: 0 })).toEqual([...rows, {}]);
  });
});
