import { describe, expect, it } from "vitest";
import { formatJoinCode, generateJoinCode, joinCodeAlphabet, joinCodeLength, normaliseJoinCode } from "./join-code";

describe("join codes", () => {
  it("uses an alphabet without the characters people misread on a projector", () => {
    for (const ch of ["0", "O", "1", "I", "L", "5", "S", "2", "Z", "8", "B", "6", "G"])
      expect(joinCodeAlphabet).not.toContain(ch);
    expect(new Set(joinCodeAlphabet).size).toBe(joinCodeAlphabet.length);
    expect(joinCodeAlphabet).toMatch(/^[A-Z0-9]+$/);
  });

  it("generates codes of the set length from that alphabet only", () => {
    for (let i = 0; i < 500; i++) {
      const code = generateJoinCode();
      expect(code).toHaveLength(joinCodeLength);
      for (const ch of code) expect(joinCodeAlphabet).toContain(ch);
    }
  });

  it("draws every character from the random source it is given", () => {
    expect(generateJoinCode(() => 0)).toBe(joinCodeAlphabet[0]!.repeat(joinCodeLength));
    const last = joinCodeAlphabet.length - 1;
    expect(generateJoinCode((max) => max - 1)).toBe(joinCodeAlphabet[last]!.repeat(joinCodeLength));
  });

  it("normalises what people type: case, dashes and spaces don't matter", () => {
    expect(normaliseJoinCode("abc-def")).toBe("ABCDEF");
    expect(normaliseJoinCode(" abc def ")).toBe("ABCDEF");
    expect(normaliseJoinCode("Ab C–D\u00a0eF")).toBe("ABCDEF");
    expect(normaliseJoinCode("---")).toBe("");
  });

  it("formats a code as two groups of three and normalises back to it", () => {
    const code = generateJoinCode();
    expect(formatJoinCode("ABCDEF")).toBe("ABC-DEF");
    expect(normaliseJoinCode(formatJoinCode(code).toLowerCase())).toBe(code);
  });
});
