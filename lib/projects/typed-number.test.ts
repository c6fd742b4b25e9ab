import { describe, expect, it } from "vitest";
import { readTypedNumber } from "./typed-number";

const value = (typed: string, locale: string) => {
  const read = readTypedNumber(typed, locale);
  return read.kind === "number" ? read.value : read.kind;
};

describe("a number as people type it in their own language", () => {
  it("reads English: commas between thousands, a point before decimals", () => {
    expect(value("1,200", "en-GB")).toBe(1200);
    expect(value("1,200,000", "en-GB")).toBe(1200000);
    expect(value("1,200.5", "en-GB")).toBe(1200.5);
    expect(value("2.5", "en-GB")).toBe(2.5);
    expect(value("-3", "en-GB")).toBe(-3);
    expect(value("0.125", "en-GB")).toBe(0.125);
    expect(value("1 200", "en-GB")).toBe(1200);
  });

  it("reads Portuguese: a comma before decimals, spaces between thousands, as Intl writes them or typed plain", () => {
    expect(value("2,5", "pt-PT")).toBe(2.5);
    expect(value("12\u00A0000", "pt-PT")).toBe(12000);
    expect(value("1 200", "pt-PT")).toBe(1200);
    expect(value("1.200,5", "pt-PT")).toBe(1200.5);
    expect(value("1.200.000", "pt-PT")).toBe(1200000);
  });

  it("reads Spanish: a point between thousands", () => {
    expect(value("1.200", "es")).toBe(1200);
    expect(value("1.200,75", "es")).toBe(1200.75);
    expect(value("2,5", "es")).toBe(2.5);
  });

  it("reads French and Polish thousands with a narrow no-break, no-break or plain space", () => {
    expect(value("1\u202F200", "fr")).toBe(1200);
    expect(value("1 200,5", "fr")).toBe(1200.5);
    expect(value("1\u00A0200\u00A0000", "pl")).toBe(1200000);
    expect(value("−4,25", "pl")).toBe(-4.25);
    expect(value("1200", "pl")).toBe(1200);
  });

  it("asks rather than guesses when a point or comma before three digits could mean thousands or decimals", () => {
    expect(readTypedNumber("1.200", "pt-PT")).toEqual({ kind: "ambiguous", whole: 1200, fraction: 1.2 });
    expect(readTypedNumber("1,200", "fr")).toEqual({ kind: "ambiguous", whole: 1200, fraction: 1.2 });
    expect(readTypedNumber("1.200", "pl")).toEqual({ kind: "ambiguous", whole: 1200, fraction: 1.2 });
    expect(readTypedNumber("1.200", "en-GB")).toEqual({ kind: "ambiguous", whole: 1200, fraction: 1.2 });
    expect(readTypedNumber("1,200", "es")).toEqual({ kind: "ambiguous", whole: 1200, fraction: 1.2 });
  });

  it("refuses what is not a number written any way", () => {
    for (const typed of ["lots", "12,34,567", "1,2.3,4", "1..2", "5.", "1  200", "1 ,5", "1 200.000,5", "1234 567", ""]) {
      expect(value(typed, "en-GB"), typed).toBe("unreadable");
    }
  });
});
