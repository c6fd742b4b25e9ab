import { describe, expect, it } from "vitest";
import { type CsvSeparator, csvSeparatorFor, neutraliseCell, numberCell, quoteCell, toCsv } from "./csv";

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

/** Reads CSV back as a spreadsheet does (RFC 4180 quoting), with `separator` between cells. */
function readCsv(csv: string, separator: CsvSeparator): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted && c === '"' && csv[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted) {
      if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === separator) {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && csv[i + 1] === "\n") {
      rows.push([...row, cell]);
      row = [];
      cell = "";
      i++;
    } else {
      cell += c;
    }
  }
  return rows;
}

describe("the separator", () => {
  it("is a semicolon where Excel expects one (French, Spanish, Polish, Portuguese), a comma in English", () => {
    expect(["fr", "es", "pl", "pt-PT"].map(csvSeparatorFor)).toEqual([";", ";", ";", ";"]);
    expect(["en-GB", "en-GB-x-easy"].map(csvSeparatorFor)).toEqual([",", ","]);
  });

  it("quotes a cell holding the separator in use, and commas, quotes and line breaks whatever the separator", () => {
    expect(quoteCell("bins; benches", ";")).toBe('"bins; benches"');
    expect(quoteCell("bins; benches")).toBe("bins; benches");
    expect(quoteCell("a,b", ";")).toBe('"a,b"');
    expect(quoteCell('say "hi"', ";")).toBe('"say ""hi"""');
    expect(quoteCell("two\nlines", ";")).toBe('"two\nlines"');
  });

  it("writes semicolon-separated lines that read back cell for cell, formulas still kept as text", () => {
    const rows = [
      ["Resident", "bins; benches", "=1+1", "2,5 km", 'a "quote"'],
      ["Officer", "two\nlines", "-3", "", "fine"],
    ];
    const csv = toCsv(["name", "note", "typed", "distance", "said"], rows, undefined, ";");
    expect(csv.split("\r\n")[0]).toBe("name;note;typed;distance;said");
    expect(csv).toContain(`Resident;"bins; benches";'=1+1;`);
    expect(readCsv(csv, ";")).toEqual([
      ["name", "note", "typed", "distance", "said"],
      ["Resident", "bins; benches", "'=1+1", "2,5 km", 'a "quote"'],
      ["Officer", "two\nlines", "'-3", "", "fine"],
    ]);
    expect(readCsv(toCsv(["name"], [["bins; benches, chairs"]]), ",")).toEqual([["name"], ["bins; benches, chairs"]]);
  });

  it("writes the numbers we produced with a decimal comma where cells are split on ';', and a point in English", () => {
    const rows = [["Team Parks", 4.5, 3, -0.25]];
    expect(toCsv(["team", "average", "judges", "change"], rows, undefined, ";").split("\r\n")[1]).toBe("Team Parks;4,5;3;-0,25");
    expect(toCsv(["team", "average", "judges", "change"], rows).split("\r\n")[1]).toBe("Team Parks,4.5,3,-0.25");
    expect(numberCell(Number.NaN, ";")).toBe("");
    // What someone typed is never rewritten: "2.5" typed stays as typed.
    expect(toCsv(["typed"], [["2.5"]], undefined, ";").split("\r\n")[1]).toBe("2.5");
  });
});
