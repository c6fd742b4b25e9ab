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

  it("reads text as text and anything else as empty", () => {
    expect(textArg("slug")).toBe("slug");
    expect(textArg({ toString: () => "x" })).toBe("");
    expect(textArg(["a"])).toBe("");
  });
});
