/**
 * A number as a person types it in their own language: "1,200.5" in English, "1.200,5" in
 * Spanish, "1 200,5" in French or Polish (a no-break or narrow no-break space between groups,
 * which a phone's keyboard may send as a plain one).
 *
 * Only a point or comma followed by exactly three digits can mean two things ("1.200": twelve
 * hundred to a Spaniard, one point two to an English reader). It is read as thousands when the
 * reader's language groups thousands with that mark, and refused otherwise: a wrong count on a
 * project's public page is worse than a question.
 */
export type TypedNumber =
  | { kind: "number"; value: number }
  | { kind: "ambiguous"; whole: number; fraction: number }
  | { kind: "unreadable" };

const spaces = /[\s\u00A0\u202F\u2009]/;
const separators = new Map<string, string>();

/** How the reader's language separates thousands, as Intl writes it: "," in English, a no-break space in Polish. */
export function thousandsSeparator(locale: string): string {
  const known = separators.get(locale);
  if (known !== undefined) return known;
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(locale).formatToParts(1234567);
  } catch {
    parts = new Intl.NumberFormat("en-GB").formatToParts(1234567);
  }
  const found = parts.find((p) => p.type === "group")?.value ?? ",";
  separators.set(locale, found);
  return found;
}

const space = String.raw`[\s\u00A0\u202F\u2009]`;

/** Digits, whole, perhaps separated into thousands by one kind of separator: "1200", "1 200", "1.200.000". */
function wholePart(text: string): number | null {
  if (text === "") return 0;
  const kinds = new Set(text.match(new RegExp(`[.,]|${space}`, "g"))?.map((s) => (spaces.test(s) ? " " : s)));
  if (kinds.size > 1) return null;
  const runs = text.split(new RegExp(`[.,]|${space}`));
  if (runs.length > 1 && !(/^\d{1,3}$/.test(runs[0] ?? "") && runs.slice(1).every((r) => /^\d{3}$/.test(r)))) return null;
  return runs.every((r) => /^\d+$/.test(r)) ? Number(runs.join("")) : null;
}

/** Where the decimal sign is in `body`, -1 for none, or "ambiguous". */
function decimalSign(body: string, locale: string): number | "ambiguous" {
  const points = [...body.matchAll(/[.,]/g)];
  const last = points.at(-1);
  if (!last) return -1;
  const kinds = new Set(points.map((p) => p[0]));
  // "1,200.5" or "1.200,5": the last mark is the decimal sign; "1.200.000": a mark twice separates thousands.
  if (kinds.size === 2) return last.index;
  if (points.length > 1) return -1;
  const [before = "", after = ""] = body.split(last[0]);
  // "1 200,5": spaces separate thousands, so the mark is the decimal sign.
  if (spaces.test(body) || !/^[1-9]\d{0,2}$/.test(before) || !/^\d{3}$/.test(after)) return last.index;
  if (thousandsSeparator(locale) === last[0]) return -1;
  return "ambiguous";
}

export function readTypedNumber(typed: string, locale: string): TypedNumber {
  const text = typed.trim();
  const sign = /^[-\u2212]/.test(text) ? -1 : 1;
  const body = (sign < 0 ? text.slice(1) : text).trim();
  if (!new RegExp(String.raw`^[\d.,]([\d.,]|${space}(?=\d))*$`).test(body) || !/\d$/.test(body)) return { kind: "unreadable" };
  const at = decimalSign(body, locale);
  if (at === "ambiguous") {
    const [before = "", after = ""] = body.split(/[.,]/);
    return { kind: "ambiguous", whole: Number(before + after), fraction: Number(`${before}.${after}`) };
  }
  const whole = wholePart(at < 0 ? body : body.slice(0, at));
  const fraction = at < 0 ? "0" : body.slice(at + 1);
  if (whole === null || !/^\d+$/.test(fraction)) return { kind: "unreadable" };
  return { kind: "number", value: sign * Number(`${whole}.${fraction}`) };
}
