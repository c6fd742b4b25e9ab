import { describe, expect, it } from "vitest";
import { appManifest } from "./app-manifest";
import { readerLocale } from "./reader-locale";

describe("the web app manifest", () => {
  it("describes the app in the reader's language, under the product's own name", () => {
    const polish = appManifest(readerLocale(undefined, "pl-PL,pl;q=0.9"));
    expect(polish).toMatchObject({ name: "Made In", short_name: "Made In", lang: "pl", dir: "ltr" });
    expect(polish.description).toMatch(/^Poprowadź weekend współtworzenia/);
    // Chosen on this browser beats what it asks for.
    expect(appManifest(readerLocale("mi_lang=pt-PT", "pl")).description).toMatch(/^Organize um fim de semana/);
    expect(appManifest(readerLocale(undefined, "so")).description).toMatch(/^Run a co-production weekend/);
  });
});
