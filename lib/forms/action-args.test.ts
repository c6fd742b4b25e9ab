import { describe, expect, it } from "vitest";
import { formArg, textArg } from "./action-args";

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

  it("reads text as text and anything else as empty", () => {
    expect(textArg("slug")).toBe("slug");
    expect(textArg({ toString: () => "x" })).toBe("");
    expect(textArg(["a"])).toBe("");
  });
});
