import { expect, test } from "@playwright/test";
import { e2eBaseUrl } from "../support/config";

/**
 * What the server answers without a page (a personal link's form posted from another site, a
 * form from another site or an older version of the app, an address that isn't there) is read
 * by a person all the same: in the language their browser asks for, or the one they chose. A
 * form's script (a request with Next-Action) gets it as `text/plain` exactly, prefixed with the
 * status (lib/forms/refusal.ts), which React's client passes on to the form to show.
 */
test("answers without a page speak the reader's language", async () => {
  const answers = [
    {
      what: "a personal link's form posted from another site",
      request: new Request(`${e2eBaseUrl}/c/some-link/now`, {
        method: "POST",
        headers: { origin: "http://evil.example", "accept-language": "es-ES,es;q=0.9" },
      }),
      status: 403,
      language: "es",
      words: "Este formulario se envió desde otro sitio. Vuelve a abrir el enlace.",
    },
    {
      what: "a form of the app posted from another site",
      request: new Request(`${e2eBaseUrl}/`, {
        method: "POST",
        headers: { origin: "http://evil.example", "next-action": "0".repeat(42), "accept-language": "pl-PL,pl;q=0.9" },
        body: "[]",
      }),
      status: 403,
      language: "pl",
      words: "Ten formularz został wysłany z innej strony. Otwórz Made In i spróbuj ponownie.",
    },
    {
      what: "a form from an older version of the app, by someone who chose French",
      request: new Request(`${e2eBaseUrl}/`, {
        method: "POST",
        headers: { origin: e2eBaseUrl, "next-action": "0".repeat(42), "accept-language": "en-GB", cookie: "mi_lang=fr" },
        body: "[]",
      }),
      status: 404,
      language: "fr",
      words: "Ce formulaire n’est plus à jour. Rechargez la page et réessayez.",
    },
    {
      what: "the metrics' address, which is not for browsers",
      request: new Request(`${e2eBaseUrl}/metrics`, { headers: { "accept-language": "pt-PT" } }),
      status: 404,
      language: "pt-PT",
      words: "Não encontrado.",
    },
  ];
  for (const { what, request, status, language, words } of answers) {
    const forScript = request.headers.has("next-action");
    const answer = await fetch(request, { redirect: "manual" });
    expect(answer.status, what).toBe(status);
    expect(answer.headers.get("content-language"), what).toBe(language);
    expect(answer.headers.get("content-type"), what).toBe(forScript ? "text/plain" : "text/plain; charset=utf-8");
    expect(await answer.text(), what).toBe(forScript ? `Made In refused ${status}: ${words}` : words);
  }
});
