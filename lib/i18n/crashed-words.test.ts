import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { CrashedDocument } from "@/app/ui/crashed-document";
import { messagesFor } from "./catalogue";
import { crashedLocale } from "./crashed-words";
import { allLocales } from "./locales";

/** The page shown when the root layout itself breaks (app/global-error.tsx): in the reader's language, not Next's English. */
describe("the page shown when the whole app stops working", () => {
  it.each(allLocales.filter((l) => !l.pseudo).map((l) => l.code))("is a whole document worded in %s", (locale) => {
    const html = renderToStaticMarkup(createElement(CrashedDocument, { locale, digest: "1234567", retry: () => {} }));
    const words = (messagesFor(locale).home as { crashed: Record<string, string> }).crashed;
    expect(html).toMatch(new RegExp(`^<html lang="${locale}" dir="ltr"><head>`));
    expect(html).toContain(`<title>${words.title}</title>`);
    expect(html).toContain(`<h1 class="text-3xl font-extrabold tracking-tight break-words">${words.title}</h1>`);
    expect(html).toContain(`>${words.retry}</button>`);
    expect(html).toContain(words.reference?.replace("{digest}", "1234567"));
  });

  it("speaks the language chosen on this browser, else the best the browser asks for, else English", () => {
    expect(crashedLocale({ cookie: "a=1; mi_lang=pl", languages: ["fr-FR"] })).toBe("pl");
    expect(crashedLocale({ cookie: "mi_lang=en-GB-x-easy", languages: [] })).toBe("en-GB-x-easy");
    expect(crashedLocale({ cookie: "", languages: ["pt-BR", "en"] })).toBe("pt-PT");
    expect(crashedLocale({ cookie: "mi_lang=%E0%A4%A", languages: ["es-MX"] })).toBe("es");
    // Somali is not (yet) one of ours: English, as a phone asking for it would be met with no event to go by.
    expect(crashedLocale({ cookie: "", languages: ["so-SO"] })).toBe("en-GB");
  });
});
