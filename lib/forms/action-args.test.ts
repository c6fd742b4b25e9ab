import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { formArg, textArg } from "./action-args";

const root = join(import.meta.dirname, "..", "..");
const serverActionFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return serverActionFiles(path);
    return /\.ts$/.test(entry.name) && /^\s*["']use server["']/.test(readFileSync(path, "utf8")) ? [path] : [];
  });

describe("action arguments", () => {
  it("keeps a real form and replaces anything else with an empty one", () => {
    const form = new FormData();
    form.set("name", "Amara");
    expect(formArg(form).get("name")).toBe("Amara");
    for (const bad of [undefined, null, 5, "form", { get: 1 }, [], { get: () => "x" }])
      expect([...formArg(bad).keys()]).toEqual([]);
  });

  it("takes control characters out of its text, and leaves files and ordinary text as they came", () => {
    const clean = new FormData();
    clean.set("name", "Amara\n\tof Brixton");
    expect(formArg(clean)).toBe(clean);
    const crafted = new FormData();
    crafted.set("name", "Am\u0000ara\u0007");
    const file = new File(["x"], "plan.txt", { type: "text/plain" });
    crafted.set("file", file);
    const read = formArg(crafted);
    expect(read.get("name")).toBe("Amara");
    expect(read.get("file")).toBeInstanceOf(Blob);
    expect((read.get("file") as File).name).toBe("plan.txt");
  });

  it("takes direction controls out of every field and argument: a brief, agenda item or project title can't be drawn backwards", () => {
    const form = new FormData();
    form.set("title", "Love \u202Eecaps\u202C your space");
    form.set("phases.0.name", "\u2066Lunch\u2069");
    const read = formArg(form);
    expect(read.get("title")).toBe("Love ecaps your space");
    expect(read.get("phases.0.name")).toBe("Lunch");
    expect(textArg("made-in-\u202Elambeth")).toBe("made-in-lambeth");
  });

  it("is how every server action that takes a form reads it", () => {
    const files = serverActionFiles(join(root, "app"));
    expect(files.length).toBeGreaterThan(10);
    const unread = files
      .filter((f) => /FormData/.test(readFileSync(f, "utf8")) && !/formArg\(/.test(readFileSync(f, "utf8")))
      .map((f) => relative(root, f));
    expect(unread).toEqual([]);
  });

  it("reads text as text and anything else as empty", () => {
    expect(textArg("slug")).toBe("slug");
    expect(textArg({ toString: () => "x" })).toBe("");
    expect(textArg(["a"])).toBe("");
  });
});
