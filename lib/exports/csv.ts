/**
 * CSV as spreadsheets read it (RFC 4180, CRLF line ends), with formula injection neutralised:
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

export function quoteCell(text: string): string {
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[], said: YesNo = englishYesNo): string {
  const line = (cells: readonly CsvCell[]) => cells.map((c) => quoteCell(neutraliseCell(c, said))).join(",");
  return [line(headers), ...rows.map(line)].map((l) => `${l}\r\n`).join("");
}
