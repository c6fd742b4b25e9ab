import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldErrorsByPath, isBlankRow, listFromForm } from "./list-fields";

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
