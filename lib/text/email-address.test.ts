import { describe, expect, it } from "vitest";
import { normaliseDomain, normaliseEmail } from "./email-address";

describe("normaliseEmail", () => {
  it("makes the precomposed and the decomposed spelling of one address the same", () => {
    const nfc = "ren\u00e9e@council.example";
    const nfd = "rene\u0301e@council.example";
    expect(nfc).not.toBe(nfd);
    expect(normaliseEmail(nfd)).toBe(normaliseEmail(nfc));
    expect(normaliseEmail(nfd)).toBe(nfc);
  });

  it("lower-cases both halves and trims", () => {
    expect(normaliseEmail("  Sam.Jones@Lambeth.GOV.uk ")).toBe("sam.jones@lambeth.gov.uk");
    expect(normaliseEmail("RENE\u0301E@COUNCIL.EXAMPLE")).toBe("ren\u00e9e@council.example");
  });

  it("reads a fullwidth domain and @ as the domain DNS would look up", () => {
    expect(
      normaliseEmail("sam\uFF20\uFF23\uFF4F\uFF55\uFF4E\uFF43\uFF49\uFF4C\uFF0E\uFF45\uFF58\uFF41\uFF4D\uFF50\uFF4C\uFF45"),
    ).toBe("sam@council.example");
    expect(normaliseEmail("sam@council\u3002example")).toBe("sam@council.example");
  });

  it("does not merge local parts that are different mailboxes to a mail server", () => {
    // Fullwidth letters, a ligature, dots and a +tag: each is another mailbox, maybe another person.
    expect(normaliseEmail("\uFF53\uFF41\uFF4D@council.example")).not.toBe(normaliseEmail("sam@council.example"));
    expect(normaliseEmail("\uFB01ona@council.example")).not.toBe(normaliseEmail("fiona@council.example"));
    expect(normaliseEmail("s.am@council.example")).not.toBe(normaliseEmail("sam@council.example"));
    expect(normaliseEmail("sam+events@council.example")).not.toBe(normaliseEmail("sam@council.example"));
  });

  it("is the same however often it is applied", () => {
    for (const raw of ["Rene\u0301e@Ｃouncil．example", " x@Y.z ", "no-at-sign"]) {
      expect(normaliseEmail(normaliseEmail(raw))).toBe(normaliseEmail(raw));
    }
  });
});

describe("normaliseDomain", () => {
  it("spells an allowed domain as normaliseEmail spells the address's", () => {
    expect(normaliseDomain(" Lambeth.GOV.UK")).toBe("lambeth.gov.uk");
    expect(normaliseDomain("\uFF4C\uFF41\uFF4D\uFF42\uFF45\uFF54\uFF48.gov.uk")).toBe("lambeth.gov.uk");
  });
});
