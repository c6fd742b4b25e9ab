import { IntlMessageFormat } from "intl-messageformat";
import { describe, expect, it } from "vitest";
import { pseudoLocalise } from "./pseudo";

describe("pseudoLocalise", () => {
  it("accents and lengthens the words but keeps the placeholders working", () => {
    const out = pseudoLocalise("Hello {name}, you have {count, plural, one {# dot} other {# dots}} left");
    expect(out).not.toMatch(/Hello|dots?\b|left/);
    const formatted = new IntlMessageFormat(out, "en-GB").format({ name: "Ana", count: 2 }) as string;
    expect(formatted).toContain("Ana");
    expect(formatted).toContain("2 ðóţš");
    expect(formatted.startsWith("⟦")).toBe(true);
    expect(formatted.length).toBeGreaterThan("Hello Ana, you have 2 dots left".length);
  });
  it("keeps rich-text tags", () => {
    const out = pseudoLocalise("Read <link>the notice</link>");
    const parts = new IntlMessageFormat(out, "en-GB").format({ link: (chunks: string[]) => `[${chunks.join("")}]` });
    expect(String(Array.isArray(parts) ? parts.join("") : parts)).toContain("[ţĥé ñóţíçé]");
  });
});
