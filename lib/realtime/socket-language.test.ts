import { describe, expect, it } from "vitest";
import { languageToFollow, socketLocale } from "./socket-language";

const cookies = (lang?: string) => new Map(lang ? [["mi_lang", lang]] : []);

describe("the language a device follows when it connects", () => {
  it("is the person's latest choice when this browser's cookie still says another", () => {
    expect(languageToFollow(cookies("pl"), "fr")).toBe("fr");
  });

  it("is the person's choice on a browser that never chose (signed in before they picked it elsewhere)", () => {
    expect(languageToFollow(cookies(), "fr")).toBe("fr");
  });

  it("is nothing when they agree or nothing was kept", () => {
    expect(languageToFollow(cookies("fr"), "fr")).toBeNull();
    expect(languageToFollow(cookies("pl"), null)).toBeNull();
    expect(languageToFollow(cookies("pl"), "tlh")).toBeNull();
  });
});

describe("the language a socket's refusals speak", () => {
  it("is the person's kept choice before this browser's own or what it asks for, as its page's", () => {
    expect(socketLocale({ cookies: cookies(), acceptLanguage: "en-GB", stored: "fr" })).toBe("fr");
    expect(socketLocale({ cookies: cookies("pl"), acceptLanguage: "pl", stored: "es" })).toBe("es");
  });

  it("is this browser's choice, else what it asks for, else the event's, when nothing was kept", () => {
    expect(socketLocale({ cookies: cookies("pt"), acceptLanguage: "es", stored: null })).toBe("pt-PT");
    expect(socketLocale({ cookies: cookies(), acceptLanguage: ["es-ES", "es;q=0.9"], stored: null })).toBe("es");
    expect(socketLocale({ cookies: cookies(), acceptLanguage: "so", stored: null, eventLanguage: "pl" })).toBe("pl");
  });
});
