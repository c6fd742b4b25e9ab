import { describe, expect, it } from "vitest";
import { displayNameSchema } from "@/lib/participants/profile";
import { withoutControlCharacters, withoutControls } from "./control-characters";

describe("control characters", () => {
  it("are taken out of text; tabs, new lines, emoji and other scripts stay", () => {
    expect(withoutControls("a\u0000b\u0008c\u001fd\u007fe")).toBe("abcde");
    expect(withoutControls("line one\r\n\tline two 😀 مرحبا")).toBe("line one\r\n\tline two 😀 مرحبا");
  });

  it("include direction controls (embeddings, overrides, isolates); the marks people do type stay", () => {
    expect(withoutControls("Ideas \u202Esaedi\u202C \u2066x\u2069 \u202A\u202B\u202D\u2067\u2068")).toBe("Ideas saedi x ");
    expect(withoutControls("Café \u200Fمرحبا\u200E ok")).toBe("Café \u200Fمرحبا\u200E ok");
  });

  it("leave nothing of a text that draws nothing, so it counts as empty; inside real text they stay", () => {
    for (const blank of ["\u200B\u200B\u200B", " \u200B \uFEFF ", "\u2060", "\u3164\u3164", "\u2800", "\u00AD", "\u200D\u200C"]) {
      expect(withoutControls(blank), JSON.stringify(blank)).toBe("");
    }
    // Spaces alone are each schema's to trim; joiners inside words and emoji are part of them.
    expect(withoutControls("   ")).toBe("   ");
    expect(withoutControls("")).toBe("");
    expect(withoutControls("👩\u200D👩\u200D👧 family")).toBe("👩\u200D👩\u200D👧 family");
    expect(withoutControls("می\u200Cخواهم")).toBe("می\u200Cخواهم");
    expect(withoutControlCharacters({ place: "\u200B\u200B", name: "Town hall" })).toEqual({ place: "", name: "Town hall" });
  });

  it("include lone surrogates: a name sent with half a character is kept as shown, one of halves alone is empty", () => {
    // As a socket's JSON carries them: "Sam\uD800" was acknowledged as typed and stored as "Sam\uFFFD".
    const sent = JSON.parse('{"displayName":"Sam\\uD800","other":"\\uDC00\\uD800\\uDBFF"}');
    const clean = withoutControlCharacters(sent) as { displayName: string; other: string };
    expect(clean.displayName).toBe("Sam");
    expect(displayNameSchema.safeParse(clean.displayName).data).toBe("Sam");
    expect(clean.other).toBe("");
    expect(displayNameSchema.safeParse(clean.other).error?.issues[0]?.message).toBe("Tell us what to call you.");
    // Halves in the middle or at the start go too; whole pairs (emoji, rarer scripts) stay.
    expect(withoutControls("a\uDC00b\uD83Dc")).toBe("abc");
    expect(withoutControls("\uD83D\uDE00 𝒜 😀 Sam")).toBe("😀 𝒜 😀 Sam");
  });

  it("are taken out of every string of a payload, keys such as __proto__ kept as keys", () => {
    const payload = JSON.parse(
      '{"text":"a\\u0000b","list":["c\\u0001d",1,null,true],"nested":{"x":"e\\u0000"},"__proto__":{"polluted":"yes"}}',
    );
    const clean = withoutControlCharacters(payload) as Record<string, unknown>;
    expect(clean.text).toBe("ab");
    expect(clean.list).toEqual(["cd", 1, null, true]);
    expect(clean.nested).toEqual({ x: "e" });
    expect(Object.keys(clean)).toContain("__proto__");
    expect(Object.getPrototypeOf(clean)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("leave a very deep value below the schema's depth as it is, without overflowing the stack", () => {
    let deep: unknown = "x\u0000";
    for (let i = 0; i < 20_000; i++) deep = [deep];
    expect(() => withoutControlCharacters(deep)).not.toThrow();
  });
});
