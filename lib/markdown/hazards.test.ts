import { describe, expect, it } from "vitest";
import { markdownChunks } from "./chunks";
import { markdownHazard } from "./hazards";

const brief = [
  "# Background",
  "",
  "The **parks** team _wants_ to know [who uses them](https://data.london.gov.uk/).",
  "",
  "- one",
  "  - one and a half",
  "- two",
  "",
  "> A resident said: *we walk here every day*",
  "",
  "Heading",
  "-------",
  "",
  "```",
  "code",
  "```",
].join("\n");

describe("a brief's background the markdown parser would be slow on", () => {
  it("is not any ordinary brief", () => {
    expect(markdownHazard(brief)).toBe(false);
    expect(markdownHazard(brief.repeat(40))).toBe(false);
    expect(markdownHazard("snake_case_link https://example.org/a_b_c ".repeat(100))).toBe(false);
  });

  it.each([
    ["a run of emphasis marks", `${"*".repeat(10_000)}a${"*".repeat(9_999)}`],
    ["thousands of emphasis marks", "*a_".repeat(6_000)],
    ["emphasis and brackets interleaved", "*[".repeat(5_000)],
    ["thousands of brackets", "[a](".repeat(5_000)],
    ["quotes nested thousands deep", `${">".repeat(3_000)} a`],
    ["lists nested on one line", "1. ".repeat(6_000)],
    ["lists nested by indentation", `${" ".repeat(400)}- a`],
    ["thousands of setext underlines", "a\n=\n".repeat(5_000)],
  ])("is %s", (_, text) => {
    expect(markdownHazard(text)).toBe(true);
  });
});

describe("a long background is parsed in pieces", () => {
  it("keeps a short text whole", () => {
    expect(markdownChunks(brief)).toEqual([brief]);
  });

  it("cuts only between blocks, never inside a fenced code block, and gives every piece the link definitions", () => {
    const para = `${"word ".repeat(100)}\n\n`;
    const fenced = `\`\`\`\n${"line\n\nline\n".repeat(200)}\`\`\`\n\n`;
    const text = `${para.repeat(5)}${fenced}See [the data][data].\n\n${para.repeat(5)}[data]: https://example.org/data`;
    const pieces = markdownChunks(text);
    expect(pieces.length).toBeGreaterThan(2);
    // Each piece's fences are balanced: none was cut inside one.
    for (const piece of pieces) expect((piece.match(/^```/gm) ?? []).length % 2).toBe(0);
    for (const piece of pieces) expect(piece).toContain("[data]: https://example.org/data");
    const withoutDefinitions = pieces.map((p) => p.replace(/\n\n\[data\]: https:\/\/example\.org\/data$/, ""));
    expect(withoutDefinitions.join("\n")).toBe(text);
  });

  it("cuts a block with no place to cut at twice the target, between lines", () => {
    const list = "1. 1. 1. a\n".repeat(2_000);
    const pieces = markdownChunks(list);
    expect(pieces.length).toBeGreaterThan(4);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(4_100);
    expect(pieces.join("\n")).toBe(list);
  });
});
