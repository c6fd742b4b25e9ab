import { describe, expect, it } from "vitest";
import { acceptedLanguages, resolveLocale } from "./negotiate";

describe("acceptedLanguages", () => {
  it("orders by weight, then by position", () => {
    expect(acceptedLanguages("en;q=0.5, pt-BR, pt;q=0.9, *;q=0.1")).toEqual(["pt-BR", "pt", "en"]);
  });
  it("drops junk and refused tags", () => {
    expect(acceptedLanguages("fr;q=0, <script>, pl")).toEqual(["pl"]);
    expect(acceptedLanguages("")).toEqual([]);
    expect(acceptedLanguages(undefined)).toEqual([]);
  });
});

describe("resolveLocale", () => {
  it("prefers the person's own choice", () => {
    expect(resolveLocale({ chosen: "es", acceptLanguage: "pt-BR" })).toBe("es");
    expect(resolveLocale({ chosen: "en-GB-x-easy", acceptLanguage: "pt-BR" })).toBe("en-GB-x-easy");
  });
  it("ignores a choice it does not speak", () => {
    expect(resolveLocale({ chosen: "xx", acceptLanguage: "pl-PL,pl;q=0.9" })).toBe("pl");
  });
  it("finds the language of a regional browser", () => {
    expect(resolveLocale({ acceptLanguage: "pt-BR,pt;q=0.9,en;q=0.5" })).toBe("pt-PT");
    expect(resolveLocale({ acceptLanguage: "es-419" })).toBe("es");
    expect(resolveLocale({ acceptLanguage: "fr-CA" })).toBe("fr");
    expect(resolveLocale({ acceptLanguage: "en-US" })).toBe("en-GB");
  });
  it("falls back to the event's language, then English", () => {
    expect(resolveLocale({ acceptLanguage: "ja", fallback: "pl" })).toBe("pl");
    expect(resolveLocale({ acceptLanguage: "ja" })).toBe("en-GB");
    // A language we don't speak is not "close enough" to English: the event's language it is.
    expect(resolveLocale({ acceptLanguage: "so-SO,so;q=0.9", fallback: "es" })).toBe("es");
    expect(resolveLocale({ acceptLanguage: "so-SO,en;q=0.5", fallback: "es" })).toBe("en-GB");
    expect(resolveLocale({})).toBe("en-GB");
  });
  it("never picks easy read or the pseudo-locale by itself", () => {
    expect(resolveLocale({ acceptLanguage: "en-GB-x-easy" })).toBe("en-GB");
    expect(resolveLocale({ acceptLanguage: "en-XA" })).toBe("en-GB");
  });
});
