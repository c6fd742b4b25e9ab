import { describe, expect, it } from "vitest";
import { checkUpload, extensionOf, maxUploadBytes, safeFileName, sniffSignature } from "./file-types";

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...new TextEncoder().encode(p)] : p)));
const upload = (name: string, content: Uint8Array, size = content.length) => checkUpload({ name, size, bytes: content });

const pdf = bytes("%PDF-1.7\n%âãÏÓ\n");
const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const webp = bytes("RIFF", [0x24, 0, 0, 0], "WEBPVP8 ");
const zip = bytes([0x50, 0x4b, 0x03, 0x04, 20, 0]);

describe("sniffSignature", () => {
  it("recognises PDF, PNG, JPEG, WebP and zip containers", () => {
    expect(sniffSignature(pdf)).toBe("pdf");
    expect(sniffSignature(png)).toBe("png");
    expect(sniffSignature(jpeg)).toBe("jpeg");
    expect(sniffSignature(webp)).toBe("webp");
    expect(sniffSignature(zip)).toBe("zip");
    expect(sniffSignature(bytes("RIFF", [0, 0, 0, 0], "WAVE"))).toBeNull();
    expect(sniffSignature(bytes("hello"))).toBeNull();
  });
});

describe("checkUpload", () => {
  it("accepts each allowed type when its contents agree, and sets the type from our table", () => {
    expect(upload("Ward profile.PDF", pdf)).toMatchObject({ ok: true, extension: "pdf", contentType: "application/pdf" });
    expect(upload("map.png", png)).toMatchObject({ ok: true, contentType: "image/png", isImage: true });
    expect(upload("photo.jpeg", jpeg)).toMatchObject({ ok: true, contentType: "image/jpeg" });
    expect(upload("photo.jpg", jpeg)).toMatchObject({ ok: true, contentType: "image/jpeg" });
    expect(upload("site.webp", webp)).toMatchObject({ ok: true, contentType: "image/webp" });
    expect(upload("budget.xlsx", zip)).toMatchObject({ ok: true, isImage: false });
    expect(upload("notes.docx", zip)).toMatchObject({ ok: true });
    expect(upload("deck.pptx", zip)).toMatchObject({ ok: true });
    expect(upload("data.csv", bytes("ward,visits\nBrixton,120\n"))).toMatchObject({
      ok: true,
      contentType: "text/csv; charset=utf-8",
    });
    expect(upload("readme.md", bytes("# Café ☕\n"))).toMatchObject({ ok: true });
    expect(upload("notes.txt", bytes("plain"))).toMatchObject({ ok: true });
  });

  it("refuses a file whose first bytes say something else", () => {
    for (const [name, content] of [
      ["fake.pdf", png],
      ["fake.png", pdf],
      ["fake.jpg", bytes("<svg onload=alert(1)>")],
      ["fake.docx", pdf],
      ["fake.txt", pdf],
      ["fake.csv", bytes("a,b", [0], "c")],
      ["fake.md", bytes([0xc3, 0x28])],
    ] as const) {
      const result = upload(name, content);
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.message).toContain("contents don't match its name");
    }
  });

  it("refuses types that are not on the list, whatever their contents", () => {
    for (const name of ["page.html", "image.svg", "run.exe", "script.js", "noextension", "archive.zip", "x.pdf.exe"]) {
      const result = upload(name, bytes("hello"));
      expect(result.ok, name).toBe(false);
      if (!result.ok) expect(result.message).toMatch(/^Files of this type can't be uploaded/);
    }
  });

  it("refuses an empty file and one over the size limit, saying how big it is", () => {
    expect(upload("empty.txt", bytes())).toEqual({ ok: false, message: "Choose a file to upload. This one is empty." });
    const big = upload("big.pdf", pdf, maxUploadBytes + 1);
    expect(big).toEqual({ ok: false, message: "This file is 10.1 MB. Files can be up to 10 MB." });
    expect(upload("edge.pdf", pdf, maxUploadBytes).ok).toBe(true);
  });
});

describe("file names", () => {
  it("reads the extension in lower case", () => {
    expect(extensionOf("A.Report.PDF")).toBe("pdf");
    expect(extensionOf("noext")).toBe("");
  });

  it("makes a safe download name", () => {
    expect(safeFileName('../../etc/"passwd";.pdf', "pdf")).toBe("etcpasswd.pdf");
    expect(safeFileName("Ward profile 2024 (final).xlsx", "xlsx")).toBe("Ward-profile-2024-final.xlsx");
    expect(safeFileName("???.png", "png")).toBe("file.png");
  });
});
