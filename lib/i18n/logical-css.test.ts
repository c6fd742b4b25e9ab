import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// Physical directions flip wrongly in a right-to-left language; logical ones (start/end) follow `dir`.
const physicalClass =
  /(?<![\w-])(-?m[lr]-[\w.[\]/-]+|p[lr]-[\w.[\]/-]+|-?(left|right)-[\w.[\]/-]+|text-(left|right)|border-[lr](-[\w]+)?|rounded-[lr](-[\w]+)?|rounded-(tl|tr|bl|br)(-[\w]+)?|float-(left|right)|space-x-\d)(?![\w-])/g;
const physicalCss = /\b(margin|padding|border)-(left|right)\b|\b(text-align|float):\s*(left|right)\b/g;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? files(full, ext) : ext.test(name) ? [full] : [];
  });
}

describe("layouts are ready for right-to-left languages", () => {
  it("uses logical Tailwind classes (ms-, pe-, start-, text-end…) in className strings", () => {
    const found: string[] = [];
    for (const file of files("app", /\.tsx$/)) {
      const source = readFileSync(file, "utf8");
      for (const attr of source.match(/className=(\{`[^`]*`\}|"[^"]*")/g) ?? []) {
        for (const m of attr.match(physicalClass) ?? []) found.push(`${file}: ${m}`);
      }
    }
    expect(found).toEqual([]);
  });

  it("uses logical properties in stylesheets", () => {
    const found = files("app", /\.css$/).flatMap((file) =>
      (readFileSync(file, "utf8").match(physicalCss) ?? []).map((m) => `${file}: ${m}`),
    );
    expect(found).toEqual([]);
  });
});
