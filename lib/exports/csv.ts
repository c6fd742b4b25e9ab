/**
 * CSV as spreadsheets read it (RFC 4180, CRLF line ends; the separator may be a semicolon for
 * readers whose Excel expects one), with formula injection neutralised:
 * a cell someone typed that starts with = + - @ (or a tab or carriage return, which some
 * spreadsheets skip before looking for a formula) is prefixed with a quote so it stays text.
 */

const formulaStart = /^[=+\-@\t\r]/;

export type CsvCell = string | number | boolean | null | undefined;

/** How a yes-or-no cell reads, in the reader's words. */
export type YesNo = { yes: string; no: string };
const englishYesNo: YesNo = { yes: "yes", no: "no" };

/** A typed value made safe to open in Excel, LibreOffice or Google Sheets. */
export function neutraliseCell(value: CsvCell, said: YesNo = englishYesNo): string {
  if (value === null || value === undefined) return "";
  // Numbers we produced ourselves stay numbers, negative ones included.
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? said.yes : said.no;
  return formulaStart.test(value) ? `'${value}` : value;
}

/**
 * What separates cells: a comma as RFC 4180 says, or a semicolon for a reader whose Excel expects
 * one (where a comma is the decimal mark, Excel splits on ';' and would put a comma file all in column A).
 */
export type CsvSeparator = "," | ";";

const semicolonLanguages = new Set(["fr", "es", "pl", "pt"]);

/** The separator Excel expects in the reader's language: a semicolon in French, Spanish, Polish and Portuguese. */
export function csvSeparatorFor(locale: string): CsvSeparator {
  return semicolonLanguages.has(locale.split("-")[0]?.toLowerCase() ?? "") ? ";" : ",";
}

/** Quoted when it holds a quote, a line break, a comma or the separator in use, or starts or ends with a space. */
export function quoteCell(text: string, separator: CsvSeparator = ","): string {
  const needsQuotes = /[",\r\n]/.test(text) || text.includes(separator) || text !== text.trim();
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A number we produced (an average score, a count), as the reader's spreadsheet reads numbers: where
 * Excel splits on ';' a comma is the decimal mark, and "7.5" would be read as text or a date.
 */
export function numberCell(value: number, separator: CsvSeparator = ","): string {
  if (!Number.isFinite(value)) return "";
  return separator === ";" ? String(value).replace(".", ",") : String(value);
}

export function toCsv(
  headers: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  said: YesNo = englishYesNo,
  separator: CsvSeparator = ",",
): string {
  const line = (cells: readonly CsvCell[]) =>
    cells
      .map((c) => (typeof c === "number" ? numberCell(c, separator) : quoteCell(neutraliseCell(c, said), separator)))
      .join(separator);
  return [line(headers), ...rows.map(line)].map((l) => `${l}\r\n`).join("");
}
