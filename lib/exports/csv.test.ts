import { describe, expect, it } from "vitest";
import { neutraliseCell, quoteCell, toCsv } from "./csv";

describe("neutraliseCell", () => {
  it.each(["=SUM(A1:A2)", "+44 20 7926", "-1+2", "@cmd", "\t=1", "\r=1", '=HYPERLINK("http://x")'])(
    "keeps %j as text by prefixing a quote",
    (value) => {
      expect(neutraliseCell(value)).toBe(`'${value}`);
    },
  );

  it("leaves ordinary text, numbers and empties alone", () => {
    expect(neutraliseCell("Bins by the park")).toBe("Bins by the park");
    expect(neutraliseCell(-3)).toBe("-3");
    expect(neutraliseCell(12)).toBe("12");
    expect(neutraliseCell(null)).toBe("");
    expect(neutraliseCell(undefined)).toBe("");
    expect(neutraliseCell(true)).toBe("yes");
    expect(neutraliseCell(" =not first")).toBe(" =not first");
  });
});

describe("quoteCell", () => {
  it("quotes commas, quotes, line breaks and edge spaces", () => {
    expect(quoteCell("a,b")).toBe('"a,b"');
    expect(quoteCell('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCell("two\nlines")).toBe('"two\nlines"');
    expect(quoteCell(" padded")).toBe('" padded"');
    expect(quoteCell("plain")).toBe("plain");
  });
});

describe("toCsv", () => {
  it("writes a header and CRLF lines, neutralised and quoted", () => {
    const csv = toCsv(
      ["name", "note"],
      [
        ["Resident", "=1+1, then more"],
        ["Officer", "fine"],
      ],
    );
    expect(csv).toBe(`name,note\r\nResident,"'=1+1, then more"\r\nOfficer,fine\r\n`);
  });
});
