import { describe, expect, it } from "vitest";
import { contentDisposition } from "./content-disposition";

describe("a download's Content-Disposition", () => {
  it("keeps a plain name as it is", () => {
    expect(contentDisposition("attachment", "site-plan.pdf")).toBe(
      `attachment; filename="site-plan.pdf"; filename*=UTF-8''site-plan.pdf`,
    );
  });

  it("gives any name a header a response can carry, with the whole name in filename*", () => {
    for (const name of ["日本.pdf", "Café plan.pdf", "emoji 🌳.png", "Łódź – mapa.pdf"]) {
      const header = contentDisposition("inline", name);
      expect(() => new Headers({ "content-disposition": header })).not.toThrow();
      expect(decodeURIComponent(header.split("filename*=UTF-8''")[1] ?? "")).toBe(name);
    }
    expect(contentDisposition("attachment", "Café plan.pdf")).toContain('filename="Cafe plan.pdf"');
    expect(contentDisposition("attachment", "日本.pdf")).toContain('filename=".pdf"');
  });

  it("lets nothing in a name add a parameter or a header line", () => {
    const header = contentDisposition("attachment", 'a".pdf"; filename="evil.exe\r\nSet-Cookie: x=1');
    expect(() => new Headers({ "content-disposition": header })).not.toThrow();
    expect(header.match(/filename=/g)).toHaveLength(1);
    expect(header).not.toMatch(/[\r\n]/);
    expect(header.split(";").map((p) => p.trim().split("=")[0])).toEqual(["attachment", "filename", "filename*"]);
  });

  it("names a file with no usable characters 'file'", () => {
    expect(contentDisposition("attachment", '""')).toBe(`attachment; filename="file"; filename*=UTF-8''file`);
  });
});
